// SPDX-License-Identifier: BSD-2-Clause
// swscanf and vswscanf: the scanf engine's wide form reading a wide string.
#include <stdio.h>
#include <wchar.h>

#include "../internal/format.h"

struct wstrin {
	const wchar_t *p;
};

static int wstr_get(void *ctx)
{
	struct wstrin *in = ctx;
	return *in->p ? (int)*in->p++ : EOF;
}

static void wstr_unget(void *ctx, int c)
{
	(void)c;
	((struct wstrin *)ctx)->p--;
}

int vswscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, va_list ap)
{
	struct wstrin str = { s };
	struct __vg_input in = { wstr_get, wstr_unget, &str };
	return __vg_vwscan(&in, fmt, ap);
}

int swscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vswscanf(s, fmt, ap);
	va_end(ap);
	return n;
}
