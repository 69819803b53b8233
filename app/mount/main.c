// SPDX-License-Identifier: BSD-2-Clause
// mount: puts a new filesystem on a directory through the VFS,
//   mount -t tmpfs [-o size=N[kmg]] source directory
// (the source is a name only; tmpfs is the one type so far). Without
// operands it lists the mounts as Linux's mount does,
//   source on directory type type (ro|rw)
// from the VFS's table (getmntent).
#include "../lib/util.h"
#include <errno.h>
#include <getopt.h>
#include <mntent.h>
#include <string.h>
#include <sys/mount.h>

#define USAGE "-t tmpfs [-o size=N] source directory"

static int list(void)
{
	FILE *f = setmntent("/proc/mounts", "r");
	if (!f) {
		util_warn("cannot list the mounts");
		return 1;
	}
	struct mntent *m;
	while ((m = getmntent(f)))
		printf("%s on %s type %s (%s)\n", m->mnt_fsname, m->mnt_dir, m->mnt_type,
		       m->mnt_opts);
	endmntent(f);
	return util_finish(0);
}

int main(int argc, char **argv)
{
	util_init(argv, "mount");
	const char *type = NULL, *opts = NULL;
	int c;
	while ((c = getopt(argc, argv, "t:o:")) != -1) {
		if (c == 't')
			type = optarg;
		else if (c == 'o')
			opts = optarg;
		else
			util_usage(USAGE);
	}
	if (optind == argc && !type && !opts)
		return list();
	if (argc - optind != 2 || !type)
		util_usage(USAGE);
	if (mount(argv[optind], argv[optind + 1], type, 0, opts) == 0)
		return 0;
	if (errno == ENODEV)
		util_warnx("%s: unknown filesystem type", type);
	else if (errno == EINVAL && opts)
		util_warnx("%s: bad options '%s'", argv[optind + 1], opts);
	else
		util_warn(argv[optind + 1]);
	return 1;
}
