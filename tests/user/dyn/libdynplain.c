// SPDX-License-Identifier: BSD-2-Clause
// A shared object without TLS, which dlclose unloads: its destructor
// reports through a pointer the program sets, and a reload starts from
// fresh data (tests/user/dyn/dlmain.c), its initialized data too (a
// copy-on-write copy of the boot archive's pages, lib/ld/map.c); and a function that crashes, for
// crash reports naming a library's functions (dyncrash.c).
#include "dyntest.h"

int dynplain_loads;
int dynplain_seed = 0x5eed;
int *dynplain_unloaded;

__attribute__((constructor)) static void construct(void)
{
	dynplain_loads++;
}

__attribute__((destructor)) static void destruct(void)
{
	if (dynplain_unloaded)
		*dynplain_unloaded = 1;
}

__attribute__((noinline)) void dynplain_crash(void)
{
	*(volatile int *)0 = 1;
}
