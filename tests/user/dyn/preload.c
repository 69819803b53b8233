// SPDX-License-Identifier: BSD-2-Clause
// dynpreload (t_dyn.c, t_setuid.c): exits 0 when getpagesize is the C
// library's (4096), 42 when it is libdynpre.so's, which LD_PRELOAD puts
// before libc.so in the global scope; 1 otherwise.
#include <unistd.h>

#include "dyntest.h"

int main(void)
{
	int size = getpagesize();
	return size == 4096 ? 0 : size == DYNPRE_PAGE_SIZE ? 42 : 1;
}
