// SPDX-License-Identifier: BSD-2-Clause
// A library for LD_PRELOAD (tests/user/dyn/preload.c): its getpagesize
// interposes on the C library's, which the program needs (DT_NEEDED), and
// its tolower (which lowers nothing) on the one the C library's own
// strcasecmp calls.
#include <ctype.h>
#include <unistd.h>

#include "dyntest.h"

int getpagesize(void)
{
	return DYNPRE_PAGE_SIZE;
}

int tolower(int c)
{
	return c;
}
