// SPDX-License-Identifier: BSD-2-Clause
// snprintf, vsnprintf, sprintf and vsprintf: the printf engine writing into
// a buffer (truncated, always terminated when there is room for anything).
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../internal/format.h"

struct strbuf {
	char *p;
	size_t room; /* bytes that may still be written, the terminator's included */
};

static void to_buffer(void *ctx, const char *s, size_t n)
{
	struct strbuf *b = ctx;
	if (b->room <= 1)
		return;
	size_t k = n < b->room - 1 ? n : b->room - 1;
	memcpy(b->p, s, k);
	b->p += k;
	b->room -= k;
}

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
{
	struct strbuf b = { buf, size };
	int n = __vg_vformat(to_buffer, &b, fmt, ap);
	if (size)
		*b.p = 0;
	return n;
}

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return vsnprintf(buf, SIZE_MAX, fmt, ap);
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, SIZE_MAX, fmt, ap);
	va_end(ap);
	return n;
}
