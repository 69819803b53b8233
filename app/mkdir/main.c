// SPDX-License-Identifier: BSD-2-Clause
// mkdir [-p] [-m mode] dir...: makes directories; -p makes missing parents
// too and accepts ones that exist. -m takes an octal mode.
#include "../lib/util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Each missing component of path, from the top. */
static int make_parents(char *path, mode_t mode)
{
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p)
			continue;
		char saved = *p;
		*p = 0;
		struct stat st;
		/* A directory that is there is left alone without asking to make
		 * it (a read-only filesystem may answer EROFS before EEXIST). */
		int r = stat(path, &st) == 0 && S_ISDIR(st.st_mode)
			? 0
			: mkdir(path, saved ? 0777 : mode);
		if (r && (errno != EEXIST || stat(path, &st) || !S_ISDIR(st.st_mode))) {
			if (errno == EEXIST)
				errno = ENOTDIR;
			util_warn(path);
			*p = saved;
			return -1;
		}
		*p = saved;
		if (!saved)
			return 0;
		while (p[1] == '/')
			p++;
		if (!p[1])
			return 0;
	}
}

int main(int argc, char **argv)
{
	util_init(argv, "mkdir");
	bool parents = false;
	mode_t mode = 0777;
	int c;
	while ((c = getopt(argc, argv, "pm:")) != -1) {
		if (c == 'p') {
			parents = true;
		} else if (c == 'm') {
			char *end;
			long m = strtol(optarg, &end, 8);
			if (*end || m < 0 || m > 07777) {
				util_warnx("invalid mode '%s'", optarg);
				return 1;
			}
			mode = (mode_t)m;
		} else {
			util_usage("[-p] [-m mode] dir...");
		}
	}
	if (optind == argc)
		util_usage("[-p] [-m mode] dir...");
	int status = 0;
	for (int i = optind; i < argc; i++) {
		if (parents) {
			status |= make_parents(argv[i], mode) ? 1 : 0;
		} else if (mkdir(argv[i], mode)) {
			util_warn(argv[i]);
			status = 1;
		}
		/* -m is the mode, not masked by the umask */
		if (mode != 0777 && chmod(argv[i], mode) && !status) {
			util_warn(argv[i]);
			status = 1;
		}
	}
	return status;
}
