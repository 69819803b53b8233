// SPDX-License-Identifier: BSD-2-Clause
// A dynamically linked program that crashes inside a function of its own
// shared library (libdynplain.so): the C library's crash report must name
// that function from the library's symbols, and the program's caller from
// the program's (tests/user/utest/t_signal_libc.c).
#include "dyntest.h"

__attribute__((noinline)) static void crash_through_library(void)
{
	dynplain_crash();
	__asm__ volatile("" ::: "memory"); /* not a tail call: keep this frame */
}

int main(void);

int main(void)
{
	crash_through_library();
	return 3; /* still alive: wrong */
}
