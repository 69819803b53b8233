// SPDX-License-Identifier: BSD-2-Clause
// printf's %lc and %ls: wide characters written as the locale's multibyte
// characters (wcrtomb). Width and precision count bytes, as C says; the
// precision never cuts a character in two. A character the locale cannot
// represent fails the whole call with EILSEQ (as glibc).
#include <string.h>
#include <wchar.h>

#include "../internal/format.h"

bool __vg_fmt_wide(struct fmt_out *o, const struct fmt_spec *sp, const wchar_t *s, size_t n)
{
	static const wchar_t null_text[] = { '(', 'n', 'u', 'l', 'l', ')', 0 };
	if (!s) { /* glibc's choice, as for %s */
		s = sp->prec < 0 || sp->prec >= 6 ? null_text : null_text + 6;
		n = (size_t)-1;
	}
	size_t limit = sp->prec < 0 ? (size_t)-1 : (size_t)sp->prec, bytes = 0, chars = 0;
	char one[4];
	/* First the length, so that the padding can go before. */
	for (; chars < n && (n != (size_t)-1 || s[chars]); chars++) {
		size_t k = wcrtomb(one, s[chars], NULL);
		if (k == (size_t)-1)
			return false;
		if (k > limit - bytes)
			break;
		bytes += k;
	}
	size_t w = sp->width > 0 ? (size_t)sp->width : 0, pad = w > bytes ? w - bytes : 0;
	if (!sp->left)
		__vg_fmt_pad(o, ' ', pad);
	for (size_t i = 0; i < chars; i++)
		__vg_fmt_emit(o, one, wcrtomb(one, s[i], NULL));
	if (sp->left)
		__vg_fmt_pad(o, ' ', pad);
	return true;
}
