// SPDX-License-Identifier: BSD-2-Clause
// bin/tmpfs: a tmpfs server. Its spawner gives it the endpoint to serve
// (VG_HTAG_USER + 0, with every right: it mints open files' handles) and
// as argv[1] either its size limit in bytes (default 256 MiB), or
// "initrd": then it holds the boot archive's files, read-only (the root
// filesystem at boot). A corrupt archive is refused with a message. After
// a limit, arguments NAME=MODE:UID:GID set the root directory's mode and
// owner (NAME ".") or make directories in it (layout.c): the homes.
#include "tmpfs.h"
#include <stdlib.h>
#include <string.h>
#include <vg/vg.h>

/* Times are stamped from the wall clock (docs/ARCHITECTURE.md section 7),
 * so that ls and stat show the date. */
static int64_t now(void)
{
	return vg_clock_realtime();
}

static long load_initrd(struct tmpfs *fs)
{
	const void *archive;
	size_t len;
	const char *why = "it cannot be mapped";
	long st = vg_initrd_map(&archive, &len);
	if (st == ERR_BAD_FORMAT)
		why = "it is not a valid cpio newc archive";
	if (!st)
		st = tmpfs_load_cpio(fs, archive, len, &why);
	if (st) {
		vg_printf("tmpfs: the boot archive is refused: %s\n", why);
		return st;
	}
	fs->read_only = true;
	return 0;
}

int main(int argc, char **argv)
{
	static struct tmpfs fs;
	vg_handle_t ep = vg_startup_find(VG_HTAG_USER, 0);
	bool initrd = argc > 1 && strcmp(argv[1], "initrd") == 0;
	uint64_t limit = argc > 1 && !initrd ? strtoull(argv[1], NULL, 0) : 256ull << 20;
	if (ep == VG_HANDLE_INVALID) {
		vg_printf("tmpfs: started without an endpoint to serve\n");
		return 1;
	}
	if (tmpfs_init(&fs, limit, now)) {
		vg_printf("tmpfs: out of memory\n");
		return 1;
	}
	if (initrd && load_initrd(&fs))
		return 1;
	for (int i = 2; !initrd && i < argc; i++)
		if (tmpfs_layout(&fs, argv[i])) {
			vg_printf("tmpfs: cannot make %s (NAME=MODE:UID:GID)\n", argv[i]);
			return 1;
		}
	return (int)tmpfs_serve(&fs, ep);
}
