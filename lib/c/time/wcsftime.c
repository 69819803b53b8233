// SPDX-License-Identifier: BSD-2-Clause
// wcsftime: strftime with a wide format and wide output. The format's text
// is copied as it stands (any wide character, in either locale) and each
// conversion is strftime's, whose output in the C locale is ASCII.
#include <time.h>
#include <wchar.h>

size_t wcsftime(wchar_t *restrict s, size_t max, const wchar_t *restrict fmt,
		const struct tm *restrict tm)
{
	size_t n = 0;
	if (!max)
		return 0;
	for (; *fmt; fmt++) {
		wchar_t piece[64];
		size_t len = 0;
		if (*fmt != L'%' || !fmt[1]) {
			piece[len++] = *fmt;
		} else {
			fmt++;
			while (*fmt == L'E' || *fmt == L'O')
				fmt++;
			if (!*fmt)
				break;
			if (*fmt >= 0x80) { /* no conversion: the text as it stands */
				piece[len++] = L'%';
				piece[len++] = *fmt;
			} else {
				char spec[3] = { '%', (char)*fmt, 0 }, out[64];
				for (size_t k = strftime(out, sizeof(out), spec, tm); len < k;
				     len++)
					piece[len] = (unsigned char)out[len];
			}
		}
		if (len > max - 1 - n) {
			s[n] = 0;
			return 0;
		}
		wmemcpy(s + n, piece, len);
		n += len;
	}
	s[n] = 0;
	return n;
}
