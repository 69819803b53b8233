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

static int make_link(const char *src, const char *dst)
{
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
		return make_link(argv[optind], copy_target(".", argv[optind]));
	const char *target = argv[argc - 1];
	struct stat st;
	bool into_dir = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
	if (n > 2 && !into_dir) {
		util_warnx("target '%s' is not a directory", target);
		return 1;
	}
	int status = 0;
	for (int i = optind; i < argc - 1; i++) {
		if (!into_dir) {
			status |= make_link(argv[i], target);
			continue;
		}
		char *dst = copy_target(target, argv[i]);
		if (!dst) {
			util_warn(argv[i]);
			return 1;
		}
		status |= make_link(argv[i], dst);
		free(dst);
	}
	return status;
}
