// SPDX-License-Identifier: BSD-2-Clause
// bin/tmpfs: a tmpfs server. Its spawner gives it the endpoint to serve
// (VG_HTAG_USER + 0, with every right: it mints open files' handles) and
// its size limit in bytes as argv[1] (default 256 MiB).
#include "tmpfs.h"
#include <stdlib.h>
#include <vg/vg.h>

static int64_t now(void)
{
	return vg_clock_monotonic();
}

int main(int argc, char **argv)
{
	static struct tmpfs fs;
	vg_handle_t ep = vg_startup_find(VG_HTAG_USER, 0);
	uint64_t limit = argc > 1 ? strtoull(argv[1], NULL, 0) : 256ull << 20;
	if (ep == VG_HANDLE_INVALID) {
		vg_printf("tmpfs: started without an endpoint to serve\n");
		return 1;
	}
	if (tmpfs_init(&fs, limit, now)) {
		vg_printf("tmpfs: out of memory\n");
		return 1;
	}
	return (int)tmpfs_serve(&fs, ep);
}
