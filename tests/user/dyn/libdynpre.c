// SPDX-License-Identifier: BSD-2-Clause
// A library for LD_PRELOAD (tests/user/dyn/preload.c): its getpagesize
// interposes on the C library's, which the program needs (DT_NEEDED).
#include <unistd.h>

#include "dyntest.h"

int getpagesize(void)
{
	return DYNPRE_PAGE_SIZE;
}
