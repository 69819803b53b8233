// SPDX-License-Identifier: BSD-2-Clause
// <uchar.h>'s conversions on mbrtowc and wcrtomb (a wchar_t is a code
// point). UTF-16 needs state beyond mbrtowc's: mbrtoc16 of a character
// beyond U+FFFF returns its high surrogate and keeps the low one in the
// mbstate_t for the next call, which returns it as (size_t)-3 without
// reading; c16rtomb keeps a high surrogate (writing nothing, 0) until the
// low one completes the character. An unpaired surrogate is EILSEQ. Either
// half waiting shows in the state's count, as 4 (a low surrogate to
// return) or 5 (a high one received), above the 3 bytes mbrtowc keeps.
#include <errno.h>
#include <stdbool.h>
#include <uchar.h>

#include "../internal/utf8.h"

enum { LOW_PENDING = 4, HIGH_PENDING = 5 };

size_t mbrtoc32(char32_t *restrict pc32, const char *restrict s, size_t n, mbstate_t *restrict ps)
{
	static mbstate_t own;
	wchar_t wc;
	size_t r = mbrtowc(&wc, s, n, ps ? ps : &own);
	if (r < UTF8_PARTIAL && pc32 && s)
		*pc32 = (char32_t)wc;
	return r;
}

size_t c32rtomb(char *restrict s, char32_t c32, mbstate_t *restrict ps)
{
	return wcrtomb(s, (wchar_t)c32, ps);
}

size_t mbrtoc16(char16_t *restrict pc16, const char *restrict s, size_t n, mbstate_t *restrict ps)
{
	static mbstate_t own;
	if (!ps)
		ps = &own;
	if (ps->__count == LOW_PENDING) {
		if (pc16 && s)
			*pc16 = (char16_t)ps->__bytes;
		ps->__bytes = ps->__count = 0;
		return (size_t)-3;
	}
	wchar_t wc;
	size_t r = mbrtowc(&wc, s, n, ps);
	if (r >= UTF8_PARTIAL || !s)
		return r;
	uint32_t c = (uint32_t)wc;
	if (c > 0xffff) {
		c -= 0x10000;
		ps->__bytes = 0xdc00 | (c & 0x3ff);
		ps->__count = LOW_PENDING;
		c = 0xd800 | c >> 10;
	}
	if (pc16)
		*pc16 = (char16_t)c;
	return r;
}

size_t c16rtomb(char *restrict s, char16_t c16, mbstate_t *restrict ps)
{
	static mbstate_t own;
	if (!ps)
		ps = &own;
	if (!s) { /* back to the initial state */
		ps->__bytes = ps->__count = 0;
		return 1;
	}
	bool high = c16 >= 0xd800 && c16 < 0xdc00, low = c16 >= 0xdc00 && c16 < 0xe000;
	uint32_t c = c16;
	if (ps->__count == HIGH_PENDING) {
		uint32_t first = ps->__bytes;
		ps->__bytes = ps->__count = 0;
		if (!low) {
			errno = EILSEQ;
			return UTF8_INVALID;
		}
		c = 0x10000 + ((first & 0x3ff) << 10) + (c16 & 0x3ff);
	} else if (high) {
		ps->__bytes = c16;
		ps->__count = HIGH_PENDING;
		return 0;
	} else if (low) {
		errno = EILSEQ;
		return UTF8_INVALID;
	}
	return wcrtomb(s, (wchar_t)c, ps);
}
