// SPDX-License-Identifier: BSD-2-Clause
// The helpers of util.h.
#include "util.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *util_name = "?";

void util_init(char **argv, const char *name)
{
	util_name = name;
	argv[0] = (char *)name;
}

void util_warn(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", util_name, what, strerror(errno));
}

void util_warnx(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", util_name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

_Noreturn void util_usage(const char *usage)
{
	util_usage_status(usage, 2);
}

_Noreturn void util_usage_status(const char *usage, int status)
{
	fprintf(stderr, "%s: usage: %s %s\n", util_name, util_name, usage);
	exit(status);
}

int util_open_in(const char *path)
{
	if (!strcmp(path, "-"))
		return STDIN_FILENO;
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		util_warn(path);
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		util_warn(path);
		return -1;
	}
	return fd;
}

void util_close_in(int fd)
{
	if (fd != STDIN_FILENO)
		close(fd);
}

int util_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int util_copy_fd(int in, int out)
{
	char buf[65536];
	for (;;) {
		ssize_t r = read(in, buf, sizeof(buf));
		if (r == 0)
			return 0;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (util_write_all(out, buf, (size_t)r))
			return -1;
	}
}

int util_finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		util_warn("write error");
		return 1;
	}
	return status;
}

bool util_parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno)
		return false;
	*out = v;
	return true;
}

void util_human_size(char *buf, size_t size, double bytes)
{
	static const char units[] = "BKMGTPE";
	int u = 0;
	while (bytes >= 1024 && u < 6) {
		bytes /= 1024;
		u++;
	}
	/* rounded up, as GNU's ls and df do: never shows less than there is */
	if (u == 0) {
		snprintf(buf, size, "%.0f", bytes);
		return;
	}
	double tenths = bytes * 10;
	long t = (long)tenths + ((double)(long)tenths < tenths);
	if (t < 100) {
		snprintf(buf, size, "%ld.%ld%c", t / 10, t % 10, units[u]);
		return;
	}
	long whole = (long)bytes + ((double)(long)bytes < bytes);
	snprintf(buf, size, "%ld%c", whole, units[u]);
}

void util_mode_string(mode_t mode, char out[11])
{
	out[0] = S_ISDIR(mode)	 ? 'd'
		: S_ISLNK(mode)	 ? 'l'
		: S_ISCHR(mode)	 ? 'c'
		: S_ISBLK(mode)	 ? 'b'
		: S_ISFIFO(mode) ? 'p'
		: S_ISSOCK(mode) ? 's'
				 : '-';
	static const char rwx[] = "rwxrwxrwx";
	for (int k = 0; k < 9; k++)
		out[1 + k] = (mode & (0400 >> k)) ? rwx[k] : '-';
	if (mode & S_ISUID)
		out[3] = (mode & S_IXUSR) ? 's' : 'S';
	if (mode & S_ISGID)
		out[6] = (mode & S_IXGRP) ? 's' : 'S';
	if (mode & S_ISVTX)
		out[9] = (mode & S_IXOTH) ? 't' : 'T';
	out[10] = 0;
}
