// SPDX-License-Identifier: BSD-2-Clause
// umount: takes what is mounted on each directory off the VFS (which
// refuses while something is mounted below it: busy).
#include "../lib/util.h"
#include <getopt.h>
#include <sys/mount.h>

int main(int argc, char **argv)
{
	util_init(argv, "umount");
	if (getopt(argc, argv, "") != -1 || optind == argc)
		util_usage("directory...");
	int status = 0;
	for (int i = optind; i < argc; i++)
		if (umount(argv[i])) {
			util_warn(argv[i]);
			status = 1;
		}
	return util_finish(status);
}
