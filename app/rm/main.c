// SPDX-License-Identifier: BSD-2-Clause
// rm [-fiRr] file...: removes files; -r (-R) directories and everything in
// them (symbolic links are removed, not followed); -f ignores missing files
// and never asks; -i asks before each removal. "." and ".." are refused.
#include "../lib/util.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool force, recursive, interactive;

static bool confirm(const char *path)
{
	if (!interactive)
		return true;
	fprintf(stderr, "%s: remove '%s'? ", util_name, path);
	char line[64];
	return fgets(line, sizeof(line), stdin) && (line[0] == 'y' || line[0] == 'Y');
}

static int remove_path(const char *path)
{
	struct stat st;
	if (lstat(path, &st)) {
		if (force && errno == ENOENT)
			return 0;
		util_warn(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (!confirm(path))
			return 0;
		if (unlink(path)) {
			util_warn(path);
			return 1;
		}
		return 0;
	}
	if (!recursive) {
		errno = EISDIR;
		util_warn(path);
		return 1;
	}
	DIR *d = opendir(path);
	if (!d) {
		util_warn(path);
		return 1;
	}
	int status = 0;
	struct dirent *e;
	size_t plen = strlen(path);
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *child = malloc(plen + strlen(e->d_name) + 2);
		if (!child) {
			util_warn(path);
			status = 1;
			break;
		}
		sprintf(child, "%s%s%s", path, plen && path[plen - 1] == '/' ? "" : "/", e->d_name);
		status |= remove_path(child);
		free(child);
	}
	closedir(d);
	if (!confirm(path))
		return status;
	if (rmdir(path)) {
		util_warn(path);
		return 1;
	}
	return status;
}

int main(int argc, char **argv)
{
	util_init(argv, "rm");
	int c;
	while ((c = getopt(argc, argv, "fiRr")) != -1) {
		if (c == 'f') {
			force = true;
			interactive = false;
		} else if (c == 'i') {
			interactive = true;
			force = false;
		} else if (c == 'r' || c == 'R') {
			recursive = true;
		} else {
			util_usage("[-fiRr] file...");
		}
	}
	if (optind == argc) {
		if (force)
			return 0;
		util_usage("[-fiRr] file...");
	}
	int status = 0;
	for (int i = optind; i < argc; i++) {
		const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		if (!strcmp(base, ".") || !strcmp(base, "..") || !strcmp(argv[i], "/")) {
			util_warnx("refusing to remove '%s'", argv[i]);
			status = 1;
			continue;
		}
		status |= remove_path(argv[i]);
	}
	return status;
}
