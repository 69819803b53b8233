// SPDX-License-Identifier: BSD-2-Clause
// ln [-fs] source... target: makes hard links (or with -s symbolic links)
// to the sources; with several sources (or a directory as target) each
// goes into target. -f removes existing targets first.
#include "../lib/copy.h"
#include "../lib/util.h"
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static bool force, symbolic;

static int make_link(const char *src, const char *dst, void *unused)
{
	(void)unused;
	if (force && unlink(dst) && errno != ENOENT) {
		util_warn(dst);
		return 1;
	}
	if ((symbolic ? symlink(src, dst) : link(src, dst))) {
		util_warn(dst);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	util_init(argv, "ln");
	int c;
	while ((c = getopt(argc, argv, "fsLP")) != -1) {
		if (c == 'f')
			force = true;
		else if (c == 's')
			symbolic = true;
		else if (c != 'L' && c != 'P')
			util_usage("[-fs] source... target");
	}
	int n = argc - optind;
	if (n < 1)
		util_usage("[-fs] source... target");
	if (n == 1) /* "ln -s x": a link named after x here */
		return make_link(argv[optind], copy_target(".", argv[optind]), NULL);
	return copy_each(argv + optind, n, make_link, NULL);
}
