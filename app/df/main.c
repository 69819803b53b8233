// SPDX-License-Identifier: BSD-2-Clause
// df [-hkP] [file...]: the size, use and free space of the file systems
// holding each file, from statvfs, in 1024-byte blocks (-k, the default
// and -P's unit) or with -h in units that fit. Without operands, of every
// mounted file system (getmntent), named by its mount point; those that
// cannot be asked (the host's /proc/sys/... without permission) are left
// out, as GNU's df leaves out pseudo file systems.
#include "../lib/util.h"
#include <mntent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* The mount points (NULL-terminated), or NULL after a message. */
static char **mount_points(void)
{
	FILE *f = setmntent("/proc/mounts", "r");
	if (!f) {
		util_warn("cannot list the mounts");
		return NULL;
	}
	char **dirs = NULL;
	size_t n = 0;
	struct mntent *m;
	while ((m = getmntent(f))) {
		char **more = realloc(dirs, (n + 2) * sizeof(*dirs));
		char *dir = strdup(m->mnt_dir);
		if (!more || !dir) {
			free(more ? more : dirs);
			free(dir);
			endmntent(f);
			util_warnx("out of memory");
			return NULL;
		}
		dirs = more;
		dirs[n++] = dir;
	}
	endmntent(f);
	if (!dirs)
		dirs = calloc(1, sizeof(*dirs));
	else
		dirs[n] = NULL;
	return dirs;
}

int main(int argc, char **argv)
{
	util_init(argv, "df");
	bool human = false;
	int c;
	while ((c = getopt(argc, argv, "hkP")) != -1) {
		if (c == 'h')
			human = true;
		else if (c != 'k' && c != 'P')
			util_usage("[-hkP] [file...]");
	}
	bool all = optind == argc;
	char **files = all ? mount_points() : argv + optind;
	if (!files)
		return 1;
	int status = 0;
	bool header = false;
	for (; *files; files++) {
		struct statvfs vfs;
		if (statvfs(*files, &vfs)) {
			if (!all) {
				util_warn(*files);
				status = 1;
			}
			continue;
		}
		if (!header)
			printf("%-20s %10s %10s %10s %8s\n", "File", human ? "Size" : "1K-blocks",
			       "Used", "Available", "Capacity");
		header = true;
		double unit = (double)vfs.f_frsize;
		double total = (double)vfs.f_blocks * unit, avail = (double)vfs.f_bavail * unit;
		double used = total - (double)vfs.f_bfree * unit;
		double cap = used + avail > 0 ? 100.0 * used / (used + avail) : 0;
		int pct = (int)cap + (cap > (int)cap);
		if (human) {
			char a[16], b[16], d[16];
			util_human_size(a, sizeof(a), total);
			util_human_size(b, sizeof(b), used);
			util_human_size(d, sizeof(d), avail);
			printf("%-20s %10s %10s %10s %7d%%\n", *files, a, b, d, pct);
		} else {
			printf("%-20s %10.0f %10.0f %10.0f %7d%%\n", *files, total / 1024,
			       used / 1024, avail / 1024, pct);
		}
	}
	return util_finish(status);
}
