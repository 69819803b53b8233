// SPDX-License-Identifier: BSD-2-Clause
// copy_path: regular files by read and write, directories by recursion,
// symbolic links as links when asked, other files refused.
#include "copy.h"
#include "util.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *copy_target(const char *dir, const char *src)
{
	size_t n = strlen(src);
	while (n > 1 && src[n - 1] == '/')
		n--;
	size_t start = n;
	while (start > 0 && src[start - 1] != '/')
		start--;
	size_t dlen = strlen(dir);
	char *out = malloc(dlen + (n - start) + 2);
	if (out)
		sprintf(out, "%s%s%.*s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/",
			(int)(n - start), src + start);
	return out;
}

static void keep_attributes(const char *dst, const struct stat *st, const struct copy_opts *o)
{
	if (!o->preserve)
		return;
	struct timespec times[2] = { st->st_atim, st->st_mtim };
	utimensat(AT_FDCWD, dst, times, AT_SYMLINK_NOFOLLOW);
	if (!S_ISLNK(st->st_mode))
		chmod(dst, st->st_mode & 07777);
}

static int copy_file(const char *src, const char *dst, const struct stat *st,
		     const struct copy_opts *o)
{
	int in = open(src, O_RDONLY);
	if (in < 0) {
		util_warn(src);
		return 1;
	}
	int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777);
	if (out < 0) {
		util_warn(dst);
		close(in);
		return 1;
	}
	int status = 0;
	if (util_copy_fd(in, out)) {
		util_warn(dst);
		status = 1;
	}
	close(in);
	if (close(out) && !status) {
		util_warn(dst);
		status = 1;
	}
	keep_attributes(dst, st, o);
	return status;
}

static int copy_dir(const char *src, const char *dst, const struct stat *st,
		    const struct copy_opts *o)
{
	struct stat dst_st;
	if (mkdir(dst, (st->st_mode & 0777) | 0700) &&
	    (errno != EEXIST || stat(dst, &dst_st) || !S_ISDIR(dst_st.st_mode))) {
		util_warn(dst);
		return 1;
	}
	DIR *d = opendir(src);
	if (!d) {
		util_warn(src);
		return 1;
	}
	int status = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *from = copy_target(src, e->d_name), *to = copy_target(dst, e->d_name);
		if (from && to) {
			status |= copy_path(from, to, o);
		} else {
			util_warn(src);
			status = 1;
		}
		free(from);
		free(to);
	}
	closedir(d);
	chmod(dst, st->st_mode & 07777);
	keep_attributes(dst, st, o);
	return status;
}

int copy_path(const char *src, const char *dst, const struct copy_opts *o)
{
	struct stat st;
	if ((o->no_follow ? lstat(src, &st) : stat(src, &st))) {
		util_warn(src);
		return 1;
	}
	struct stat dst_st;
	if (stat(dst, &dst_st) == 0 && dst_st.st_dev == st.st_dev && dst_st.st_ino == st.st_ino) {
		util_warnx("'%s' and '%s' are the same file", src, dst);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!o->recursive) {
			util_warnx("-r not specified; omitting directory '%s'", src);
			return 1;
		}
		/* a directory into itself would never end */
		size_t n = strlen(src);
		if (!strncmp(dst, src, n) && dst[n] == '/') {
			util_warnx("cannot copy a directory, '%s', into itself, '%s'", src, dst);
			return 1;
		}
		return copy_dir(src, dst, &st, o);
	}
	if (S_ISLNK(st.st_mode)) {
		char target[PATH_MAX];
		ssize_t n = readlink(src, target, sizeof(target) - 1);
		if (n < 0) {
			util_warn(src);
			return 1;
		}
		target[n] = 0;
		unlink(dst);
		if (symlink(target, dst)) {
			util_warn(dst);
			return 1;
		}
		keep_attributes(dst, &st, o);
		return 0;
	}
	if (!S_ISREG(st.st_mode)) {
		util_warnx("'%s': not a regular file, directory or link", src);
		return 1;
	}
	return copy_file(src, dst, &st, o);
}

int copy_each(char *const *args, int n, int (*act)(const char *src, const char *dst, void *ctx),
	      void *ctx)
{
	const char *target = args[n - 1];
	struct stat st;
	bool into_dir = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
	if (n > 2 && !into_dir) {
		util_warnx("target '%s' is not a directory", target);
		return 1;
	}
	int status = 0;
	for (int i = 0; i < n - 1; i++) {
		if (!into_dir) {
			status |= act(args[i], target, ctx);
			continue;
		}
		char *dst = copy_target(target, args[i]);
		if (!dst) {
			util_warn(args[i]);
			return 1;
		}
		status |= act(args[i], dst, ctx);
		free(dst);
	}
	return status;
}
