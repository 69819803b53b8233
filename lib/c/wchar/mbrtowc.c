// SPDX-License-Identifier: BSD-2-Clause
// The restartable conversions of one character, mbrtowc and wcrtomb, and
// what is built directly on them (mbrlen, mbtowc, mblen, wctomb, btowc,
// wctob, mbsinit, MB_CUR_MAX). In C.UTF-8 a character is UTF-8
// (utf8.c); in the C locale it is one ASCII byte and every other byte or
// wide character is EILSEQ (as glibc's C locale). An mbstate_t holds the
// bytes of a character that arrived in pieces (up to 3) and their count.
#include <errno.h>
#include <stdlib.h>
#include <wchar.h>

#include "../internal/locale.h"
#include "../internal/utf8.h"

size_t __libc_mb_cur_max(void)
{
	return __libc_utf8() ? 4 : 1;
}

int mbsinit(const mbstate_t *ps)
{
	return !ps || !ps->__count;
}

size_t mbrtowc(wchar_t *restrict pwc, const char *restrict s, size_t n, mbstate_t *restrict ps)
{
	static mbstate_t own;
	if (!ps)
		ps = &own;
	if (!s) {
		pwc = NULL;
		s = "";
		n = 1;
	}
	if (!n)
		return UTF8_PARTIAL;
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = 0;
	if (!__libc_utf8()) {
		if (u[0] >= 0x80) {
			errno = EILSEQ;
			return UTF8_INVALID;
		}
		c = u[0];
		if (pwc)
			*pwc = (wchar_t)c;
		return c != 0;
	}
	/* The pending bytes, then one more byte at a time until the answer is
	 * known: never a byte past the character (or the string's end). */
	unsigned char buf[4];
	size_t have = ps->__count > 3 ? 0 : ps->__count, taken = 0, r = UTF8_PARTIAL;
	for (size_t i = 0; i < have; i++)
		buf[i] = (unsigned char)(ps->__bytes >> (8 * i));
	do {
		if (taken == n) {
			unsigned bytes = 0;
			for (size_t i = 0; i < have; i++)
				bytes |= (unsigned)buf[i] << (8 * i);
			ps->__bytes = bytes;
			ps->__count = (unsigned)have;
			return UTF8_PARTIAL;
		}
		buf[have++] = u[taken++];
		r = __libc_utf8_decode(buf, have, &c);
	} while (r == UTF8_PARTIAL);
	ps->__bytes = ps->__count = 0;
	if (r == UTF8_INVALID) {
		errno = EILSEQ;
		return UTF8_INVALID;
	}
	if (pwc)
		*pwc = (wchar_t)c;
	return c ? taken : 0;
}

size_t wcrtomb(char *restrict s, wchar_t wc, mbstate_t *restrict ps)
{
	char spare[4];
	if (ps)
		ps->__bytes = ps->__count = 0;
	if (!s) {
		s = spare;
		wc = 0;
	}
	uint32_t c = (uint32_t)wc;
	size_t n = __libc_utf8() ? __libc_utf8_encode(c, s) : c < 0x80 ? (*s = (char)c, 1) : 0;
	if (!n) {
		errno = EILSEQ;
		return UTF8_INVALID;
	}
	return n;
}

size_t mbrlen(const char *restrict s, size_t n, mbstate_t *restrict ps)
{
	static mbstate_t own;
	return mbrtowc(NULL, s, n, ps ? ps : &own);
}

/* mbtowc keeps no state (UTF-8 has no shifts): an incomplete character is
 * an error like any other. */
int mbtowc(wchar_t *restrict pwc, const char *restrict s, size_t n)
{
	if (!s)
		return 0;
	mbstate_t st = { 0, 0 };
	size_t r = mbrtowc(pwc, s, n, &st);
	if (r == UTF8_PARTIAL) {
		errno = EILSEQ;
		return -1;
	}
	return r == UTF8_INVALID ? -1 : (int)r;
}

int mblen(const char *s, size_t n)
{
	return mbtowc(NULL, s, n);
}

int wctomb(char *s, wchar_t wc)
{
	if (!s)
		return 0;
	mbstate_t st = { 0, 0 };
	size_t r = wcrtomb(s, wc, &st);
	return r == UTF8_INVALID ? -1 : (int)r;
}

wint_t btowc(int c)
{
	return c >= 0 && c < 0x80 ? (wint_t)c : WEOF;
}

int wctob(wint_t wc)
{
	return (uint32_t)wc < 0x80 ? (int)wc : -1;
}
