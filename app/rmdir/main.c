// SPDX-License-Identifier: BSD-2-Clause
// rmdir [-p] dir...: removes empty directories; -p also each parent named
// in the path, stopping at the first that cannot be removed.
#include "../lib/util.h"
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "rmdir");
	bool parents = false;
	int c;
	while ((c = getopt(argc, argv, "p")) != -1) {
		if (c == 'p')
			parents = true;
		else
			util_usage("[-p] dir...");
	}
	if (optind == argc)
		util_usage("[-p] dir...");
	int status = 0;
	for (int i = optind; i < argc; i++) {
		char *path = argv[i];
		for (;;) {
			if (rmdir(path)) {
				util_warn(path);
				status = 1;
				break;
			}
			if (!parents)
				break;
			char *slash = strrchr(path, '/');
			while (slash && slash > path && slash[1] == 0) {
				*slash = 0;
				slash = strrchr(path, '/');
			}
			if (!slash || slash == path)
				break;
			while (slash > path && slash[-1] == '/')
				slash--;
			*slash = 0;
		}
	}
	return status;
}
