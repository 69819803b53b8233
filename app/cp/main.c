// SPDX-License-Identifier: BSD-2-Clause
// cp [-fpPR|-r] source... target: copies files; with several sources (or a
// directory as target) each goes into target. -R/-r copies directories
// with what they hold, -p keeps modes and times, -P copies symbolic links
// as links (-R implies it), -f is accepted (files are opened for writing
// as they are, truncated).
#include "../lib/copy.h"
#include "../lib/util.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int copy_one(const char *src, const char *dst, void *o)
{
	return copy_path(src, dst, o);
}

int main(int argc, char **argv)
{
	util_init(argv, "cp");
	struct copy_opts o = { false, false, false };
	int c;
	while ((c = getopt(argc, argv, "fpPRrHL")) != -1) {
		switch (c) {
		case 'f': break;
		case 'p': o.preserve = true; break;
		case 'P': o.no_follow = true; break;
		case 'H':
		case 'L': o.no_follow = false; break;
		case 'R':
		case 'r': o.recursive = o.no_follow = true; break;
		default: util_usage("[-fpPR] source... target");
		}
	}
	int n = argc - optind;
	if (n < 2) {
		if (n == 1)
			util_warnx("missing destination file operand after '%s'", argv[optind]);
		util_usage("[-fpPR] source... target");
	}
	return copy_each(argv + optind, n, copy_one, &o);
}
