// SPDX-License-Identifier: BSD-2-Clause
// open, openat, creat: the VFS resolves the path and hands back the
// filesystem's handle for the open file, which the new descriptor holds.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../internal/fd.h"

static mode_t cmask = FS_UMASK_DEFAULT;

mode_t umask(mode_t mask)
{
	mode_t old = cmask;
	cmask = mask & 0777;
	return old;
}

#define OPEN_FLAGS                                                                            \
	(O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK | O_SYNC | \
	 O_DSYNC | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

int openat(int dirfd, const char *path, int flags, ...)
{
	pthread_testcancel(); /* a cancellation point */
	mode_t mode = 0;
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	char abs[PATH_MAX];
	if ((flags & ~OPEN_FLAGS) || (flags & O_ACCMODE) == O_ACCMODE) {
		errno = EINVAL;
		return -1;
	}
	if (__fs_path(dirfd, path, abs))
		return -1;
	if (!strcmp(abs, "/dev/tty") && __tty_controlling(abs))
		return -1;
	vg_handle_t h;
	struct fs_attr a;
	long st = fs_vfs_open(__fs_vfs(), abs, (uint32_t)flags & ~(uint32_t)O_CLOEXEC,
			      mode & ~cmask & 07777, &h, &a);
	if (st)
		return __fs_error(st);
	struct fd_desc *d = __fd_desc_new(a.kind == FS_KIND_DIR ? FD_DIR : FD_FILE, h,
					  flags & (O_ACCMODE | O_APPEND | O_NONBLOCK));
	if (!d) {
		fs_file_close(h);
		vg_handle_close(h);
		return -1;
	}
	if (a.kind == FS_KIND_CHARDEV && !(flags & O_NOCTTY))
		__tty_open_ctty(d);
	/* A new pty master: its slave is the caller's (grantpt). */
	if (a.kind == FS_KIND_CHARDEV && a.rdev == ((uint64_t)PTY_MAJOR << 32 | PTMX_MINOR))
		__pty_own(h);
	/* A directory remembers where it is, for openat() and fchdir(). */
	if (d->kind == FD_DIR) {
		char canon[PATH_MAX];
		struct fs_attr ca;
		if (fs_vfs_realpath(__fs_vfs(), abs, canon, &ca) == 0)
			d->path = strdup(canon);
	}
	int fd = __fd_install(d, 0, flags & O_CLOEXEC);
	if (fd < 0)
		__fd_put(d);
	return fd;
}

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return openat(AT_FDCWD, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	return openat(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}
