// SPDX-License-Identifier: BSD-2-Clause
// pathconf and fpathconf: every filesystem here is a tmpfs (the boot
// archive's, /tmp, /run, devfs), so the limits are tmpfs's and the VFS's,
// the same for every file; the file must exist (ENOENT, EBADF...) as POSIX
// asks, so it is looked up first.
#include <errno.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

static long limit_of(int name)
{
	switch (name) {
	case _PC_LINK_MAX: return LINK_MAX;
	case _PC_NAME_MAX: return NAME_MAX;
	case _PC_PATH_MAX: return PATH_MAX;
	case _PC_PIPE_BUF: return PIPE_BUF;
	default: errno = EINVAL; return -1;
	}
}

long pathconf(const char *path, int name)
{
	struct stat st;
	return stat(path, &st) ? -1 : limit_of(name);
}

long fpathconf(int fd, int name)
{
	struct stat st;
	return fstat(fd, &st) ? -1 : limit_of(name);
}
