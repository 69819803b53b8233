// SPDX-License-Identifier: BSD-2-Clause
// sscanf and vsscanf: the scanf engine reading from a string.
#include <stdio.h>

#include "../internal/format.h"

struct strin {
	const unsigned char *p;
};

static int str_get(void *ctx)
{
	struct strin *in = ctx;
	return *in->p ? *in->p++ : EOF;
}

static void str_unget(void *ctx, int c)
{
	(void)c;
	((struct strin *)ctx)->p--;
}

int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap)
{
	struct strin str = { (const unsigned char *)s };
	struct __vg_input in = { str_get, str_unget, &str };
	return __vg_vscan(&in, fmt, ap);
}

int sscanf(const char *restrict s, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsscanf(s, fmt, ap);
	va_end(ap);
	return n;
}
