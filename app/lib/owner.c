// SPDX-License-Identifier: BSD-2-Clause
// Changing owners, one file or a tree (owner.h).
#include "owner.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int change(const char *path, uid_t uid, gid_t gid, bool recurse, bool follow)
{
	struct stat st;
	if ((follow ? stat : lstat)(path, &st) != 0) {
		util_warn(path);
		return 1;
	}
	int status = 0;
	if ((follow ? chown : lchown)(path, uid, gid) != 0) {
		util_warn(path);
		status = 1;
	}
	if (!recurse || !S_ISDIR(st.st_mode))
		return status;
	DIR *d = opendir(path);
	if (!d) {
		util_warn(path);
		return 1;
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		size_t n = strlen(path) + strlen(e->d_name) + 2;
		char *sub = malloc(n);
		if (!sub) {
			util_warn(path);
			status = 1;
			break;
		}
		snprintf(sub, n, "%s/%s", path, e->d_name);
		status |= change(sub, uid, gid, true, false);
		free(sub);
	}
	closedir(d);
	return status;
}

int util_chown_tree(const char *path, uid_t uid, gid_t gid, bool recurse, bool nofollow)
{
	return change(path, uid, gid, recurse, !nofollow);
}
