// SPDX-License-Identifier: BSD-2-Clause
// wcwidth and wcswidth: the columns a character takes on a terminal, from
// the generated tables in C.UTF-8 (gen_unicode.py lists the rules); in the
// C locale printable ASCII is 1 column and everything else -1.
#include <wchar.h>
#include <wctype.h>

#include "../internal/locale.h"
#include "../internal/unicode.h"

int wcwidth(wchar_t wc)
{
	uint32_t c = (uint32_t)wc;
	if (c == 0)
		return 0;
	if (c >= 0x80 && !__libc_utf8())
		return -1;
	if (!iswprint((wint_t)c))
		return -1;
	/* Below the combining marks every printable character is one column
	 * (the soft hyphen too): no table lookup for Latin text. */
	if (c < 0x300)
		return 1;
	if (UC_IN(width0, c))
		return 0;
	return UC_IN(width2, c) ? 2 : 1;
}

int wcswidth(const wchar_t *s, size_t n)
{
	int total = 0;
	for (; n && *s; s++, n--) {
		int w = wcwidth(*s);
		if (w < 0)
			return -1;
		total += w;
	}
	return total;
}
