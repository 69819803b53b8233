// SPDX-License-Identifier: BSD-2-Clause
// swprintf and vswprintf: the printf engine's wide form writing into a
// wide buffer of n characters. Unlike snprintf, output that does not fit
// (with its terminator) is a failure: -1, errno EOVERFLOW, as C says
// ("a negative value if n or more wide characters were requested") and
// glibc does; the buffer then holds what fitted, terminated. A buffer of
// no characters has no room for the terminator: always -1.
#include <errno.h>
#include <stdint.h>
#include <wchar.h>

#include "../internal/format.h"

struct wstrbuf {
	wchar_t *p;
	size_t room; /* characters that may still be written, the terminator's included */
	bool cut;
};

static void to_buffer(void *ctx, const wchar_t *s, size_t n)
{
	struct wstrbuf *b = ctx;
	size_t k = b->room > 1 ? (n < b->room - 1 ? n : b->room - 1) : 0;
	wmemcpy(b->p, s, k);
	b->p += k;
	b->room -= k;
	if (k < n)
		b->cut = true;
}

int vswprintf(wchar_t *restrict buf, size_t n, const wchar_t *restrict fmt, va_list ap)
{
	struct wstrbuf b = { buf, n, false };
	int r = __vg_vwformat(to_buffer, &b, fmt, ap);
	if (n)
		*b.p = 0;
	if (r >= 0 && (b.cut || !n)) {
		errno = EOVERFLOW;
		return -1;
	}
	return r;
}

int swprintf(wchar_t *restrict buf, size_t n, const wchar_t *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vswprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}
