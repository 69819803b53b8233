// SPDX-License-Identifier: BSD-2-Clause
// Whole-string conversions, one character at a time through mbrtowc and
// wcrtomb: mbsnrtowcs/mbsrtowcs/mbstowcs and wcsnrtombs/wcsrtombs/wcstombs.
// With a destination they stop at the terminating NUL (stored, *src set to
// NULL), at len characters or bytes, or at an invalid character (-1 with
// EILSEQ, *src at it); without one they count everything and leave *src.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../internal/utf8.h"

size_t mbsnrtowcs(wchar_t *restrict dst, const char **restrict src, size_t nms, size_t len,
		  mbstate_t *restrict ps)
{
	static mbstate_t own;
	if (!ps)
		ps = &own;
	const char *s = *src;
	size_t count = 0;
	if (!dst)
		len = SIZE_MAX;
	while (count < len) {
		wchar_t wc;
		size_t r = mbrtowc(&wc, s, nms, ps);
		if (r == UTF8_INVALID) {
			if (dst)
				*src = s;
			return UTF8_INVALID;
		}
		if (r == UTF8_PARTIAL) { /* the bytes left are kept in *ps */
			s += nms;
			break;
		}
		if (dst)
			dst[count] = wc;
		if (!r) {
			if (dst)
				*src = NULL;
			return count;
		}
		s += r;
		nms -= r;
		count++;
	}
	if (dst)
		*src = s;
	return count;
}

size_t mbsrtowcs(wchar_t *restrict dst, const char **restrict src, size_t len,
		 mbstate_t *restrict ps)
{
	return mbsnrtowcs(dst, src, SIZE_MAX, len, ps);
}

size_t mbstowcs(wchar_t *restrict dst, const char *restrict src, size_t n)
{
	mbstate_t st = { 0, 0 };
	const char *s = src;
	return mbsrtowcs(dst, &s, n, &st);
}

size_t wcsnrtombs(char *restrict dst, const wchar_t **restrict src, size_t nwc, size_t len,
		  mbstate_t *restrict ps)
{
	const wchar_t *w = *src;
	size_t total = 0;
	if (!dst)
		len = SIZE_MAX;
	for (; nwc; nwc--, w++) {
		char one[4];
		size_t r = wcrtomb(one, *w, ps);
		if (r == UTF8_INVALID) {
			if (dst)
				*src = w;
			return UTF8_INVALID;
		}
		if (dst) {
			if (r > len - total)
				break;
			memcpy(dst + total, one, r);
		}
		if (!*w) {
			if (dst)
				*src = NULL;
			return total;
		}
		total += r;
	}
	if (dst)
		*src = w;
	return total;
}

size_t wcsrtombs(char *restrict dst, const wchar_t **restrict src, size_t len,
		 mbstate_t *restrict ps)
{
	return wcsnrtombs(dst, src, SIZE_MAX, len, ps);
}

size_t wcstombs(char *restrict dst, const wchar_t *restrict src, size_t n)
{
	mbstate_t st = { 0, 0 };
	const wchar_t *w = src;
	return wcsrtombs(dst, &w, n, &st);
}
