// SPDX-License-Identifier: BSD-2-Clause
// dynpreload (t_dyn.c, t_setuid.c): exits 0 when getpagesize is the C
// library's (4096), 42 when it is libdynpre.so's, which LD_PRELOAD puts
// before libc.so in the global scope; 1 otherwise. The C library's own
// reference to its tolower (from strcasecmp) must see the same: a
// library's references to itself are interposed on too (lib/ld/link.c).
#include <strings.h>
#include <unistd.h>

#include "dyntest.h"

int main(void)
{
	int size = getpagesize();
	/* Equal ignoring case with the C library's tolower only. */
	if ((size == DYNPRE_PAGE_SIZE) != (strcasecmp("A", "a") != 0))
		return 1;
	return size == 4096 ? 0 : size == DYNPRE_PAGE_SIZE ? 42 : 1;
}
