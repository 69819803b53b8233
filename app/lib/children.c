// SPDX-License-Identifier: BSD-2-Clause
// A directory's entries, one visit each (children.h).
#include "children.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int util_each_child(const char *path, int (*visit)(const char *child, void *ctx), void *ctx)
{
	DIR *d = opendir(path);
	if (!d) {
		util_warn(path);
		return 1;
	}
	size_t plen = strlen(path);
	const char *slash = plen && path[plen - 1] == '/' ? "" : "/";
	int status = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		size_t n = plen + strlen(e->d_name) + 2;
		char *child = malloc(n);
		if (!child) {
			util_warn(path);
			status = 1;
			break;
		}
		snprintf(child, n, "%s%s%s", path, slash, e->d_name);
		status |= visit(child, ctx);
		free(child);
	}
	closedir(d);
	return status;
}
