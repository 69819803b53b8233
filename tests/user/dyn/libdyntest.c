// SPDX-License-Identifier: BSD-2-Clause
// The shared object dlmain opens: a constructor, a __thread variable (the
// general-dynamic model: __tls_get_addr, or a TLS descriptor on AArch64),
// a call back into the program through a function pointer, and a call into
// the shared C library.
#include <stdio.h>
#include <string.h>

#include "dyntest.h"

int dyntest_constructed;
__thread int dyntest_tls = 42;

__attribute__((constructor)) static void construct(void)
{
	dyntest_constructed++;
}

int *dyntest_tls_addr(void)
{
	return &dyntest_tls;
}

int dyntest_bump_tls(int by)
{
	dyntest_tls += by;
	return dyntest_tls;
}

/* Calls back into the program, and into libc.so. */
int dyntest_call(int (*fn)(int), int x)
{
	char buf[16];
	snprintf(buf, sizeof(buf), "%d", fn(x));
	return (int)strlen(buf) * 1000 + fn(x);
}
