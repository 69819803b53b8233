// SPDX-License-Identifier: BSD-2-Clause
// printf's %lc and %ls: wide characters written as the locale's multibyte
// characters (wcrtomb). Width and precision count bytes, as C says; the
// precision never cuts a character in two. A character the locale cannot
// represent fails the whole call with EILSEQ (as glibc).
// For wprintf the roles turn: %lc and %ls are written as they are, %c and
// %s are converted from multibyte (mbrtowc), and width and precision count
// wide characters.
#include <errno.h>
#include <string.h>
#include <wchar.h>

#include "../internal/format.h"

static const wchar_t null_wide[] = { '(', 'n', 'u', 'l', 'l', ')', 0 };

static void pad(struct fmt_out *o, bool left_side, const struct fmt_spec *sp, size_t len)
{
	size_t w = sp->width > 0 ? (size_t)sp->width : 0;
	if (left_side == !sp->left && w > len)
		__vg_fmt_pad(o, ' ', w - len);
}

bool __vg_fmt_wide(struct fmt_out *o, const struct fmt_spec *sp, const wchar_t *s, size_t n)
{
	if (!s) { /* glibc's choice, as for %s */
		s = sp->prec < 0 || sp->prec >= 6 ? null_wide : null_wide + 6;
		n = (size_t)-1;
	}
	size_t limit = sp->prec < 0 ? (size_t)-1 : (size_t)sp->prec, bytes = 0, chars = 0;
	char one[4];
	/* First the length, so that the padding can go before. */
	for (; chars < n && (n != (size_t)-1 || s[chars]); chars++) {
		size_t k = o->wfn ? 1 : wcrtomb(one, s[chars], NULL);
		if (k == (size_t)-1)
			return false;
		if (k > limit - bytes)
			break;
		bytes += k;
	}
	pad(o, true, sp, bytes);
	if (o->wfn)
		__vg_fmt_wemit(o, s, chars);
	else
		for (size_t i = 0; i < chars; i++)
			__vg_fmt_emit(o, one, wcrtomb(one, s[i], NULL));
	pad(o, false, sp, bytes);
	return true;
}

/* The next character of s (n bytes left, or (size_t)-1: up to the NUL):
 * its length in bytes, 0 at the end, (size_t)-1 (errno EILSEQ) for one
 * that does not convert. */
static size_t next_mb(const char *s, size_t n, wchar_t *wc)
{
	if (!n || (n == (size_t)-1 && !*s))
		return 0;
	mbstate_t st = { 0, 0 };
	size_t k = mbrtowc(wc, s, n == (size_t)-1 ? 4 : n, &st);
	if (k == (size_t)-2) {
		errno = EILSEQ;
		return (size_t)-1;
	}
	return k == 0 ? 1 : k; /* %c of '\0' writes L'\0' */
}

bool __vg_fmt_mbs(struct fmt_out *o, const struct fmt_spec *sp, const char *s, size_t n)
{
	if (!s)
		return __vg_fmt_wide(o, sp, NULL, 0);
	size_t limit = sp->prec < 0 || n == 1 ? (size_t)-1 : (size_t)sp->prec, chars = 0;
	size_t at = 0, k;
	wchar_t wc;
	/* First the length (and whether everything converts). */
	for (; chars < limit && (k = next_mb(s + at, n == (size_t)-1 ? n : n - at, &wc)); chars++) {
		if (k == (size_t)-1)
			return false;
		at += k;
	}
	pad(o, true, sp, chars);
	at = 0;
	for (size_t i = 0; i < chars; i++) {
		at += next_mb(s + at, n == (size_t)-1 ? n : n - at, &wc);
		__vg_fmt_wemit(o, &wc, 1);
	}
	pad(o, false, sp, chars);
	return true;
}
