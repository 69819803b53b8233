// SPDX-License-Identifier: BSD-2-Clause
// pipe and pipe2: a pipe lives in the pipe server (srv/pipe), reached as the
// device node /dev/pipe: opening it makes a pipe and gives its read end,
// `file.peer` its write end. Both are descriptors like any file's, so
// close, fstat, dup and inheritance need nothing of their own.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "../internal/fd.h"

#define PIPE_NODE "/dev/pipe"

/* A descriptor for the pipe end h; -1 with errno (h is closed then). */
static int install(vg_handle_t h, int mode, int flags)
{
	struct fd_desc *d = __fd_desc_new(FD_PIPE, h, mode | (flags & O_NONBLOCK));
	if (!d) {
		fs_file_close(h);
		vg_handle_close(h);
		return -1;
	}
	int fd = __fd_install(d, 0, flags & O_CLOEXEC);
	if (fd < 0)
		__fd_put(d);
	return fd;
}

int pipe2(int fds[2], int flags)
{
	if (!fds) {
		errno = EFAULT;
		return -1;
	}
	if (flags & ~(O_NONBLOCK | O_CLOEXEC)) {
		errno = EINVAL;
		return -1;
	}
	vg_handle_t r, w;
	struct fs_attr a;
	long st = fs_vfs_open(__fs_vfs(), PIPE_NODE, O_RDONLY | (flags & O_NONBLOCK), 0, &r, &a);
	if (st)
		return __fs_error(st);
	if ((st = fs_file_peer(r, &w))) {
		fs_file_close(r);
		vg_handle_close(r);
		return __fs_error(st);
	}
	int rfd = install(r, O_RDONLY, flags);
	if (rfd < 0) {
		fs_file_close(w);
		vg_handle_close(w);
		return -1;
	}
	int wfd = install(w, O_WRONLY, flags);
	if (wfd < 0) {
		int e = errno;
		close(rfd);
		errno = e;
		return -1;
	}
	fds[0] = rfd;
	fds[1] = wfd;
	return 0;
}

int pipe(int fds[2])
{
	return pipe2(fds, 0);
}
