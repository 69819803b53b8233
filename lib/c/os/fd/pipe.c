// SPDX-License-Identifier: BSD-2-Clause
// pipe, pipe2, socketpair and shutdown: pipes and socket pairs live in the
// pipe server (srv/pipe), reached as the device nodes /dev/pipe and
// /dev/socket: opening one makes a pipe (a socket pair) and gives its
// first end, `file.peer` the other. Both are descriptors like any file's,
// of kind FD_PIPE (a socket's end reads and writes like a pipe's ends), so
// read, write, poll, close, fstat, dup and inheritance need nothing of
// their own.
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../internal/fd.h"

#define PIPE_NODE "/dev/pipe"
#define SOCKET_NODE "/dev/socket"

/* A descriptor for the end h; -1 with errno (h is closed then). */
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

/* Opens node (its first end, with mode0) and its peer (mode1) as fds[0]
 * and fds[1]. */
static int open_pair(const char *node, int mode0, int mode1, int flags, int fds[2])
{
	vg_handle_t first, second;
	struct fs_attr a;
	long st = fs_vfs_open(__fs_vfs(), node, mode0 | (flags & O_NONBLOCK), 0, &first, &a);
	if (st)
		return __fs_error(st);
	if ((st = fs_file_peer(first, &second))) {
		fs_file_close(first);
		vg_handle_close(first);
		return __fs_error(st);
	}
	int fd0 = install(first, mode0, flags);
	if (fd0 < 0) {
		fs_file_close(second);
		vg_handle_close(second);
		return -1;
	}
	int fd1 = install(second, mode1, flags);
	if (fd1 < 0) {
		int e = errno;
		close(fd0);
		errno = e;
		return -1;
	}
	fds[0] = fd0;
	fds[1] = fd1;
	return 0;
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
	return open_pair(PIPE_NODE, O_RDONLY, O_WRONLY, flags, fds);
}

int pipe(int fds[2])
{
	return pipe2(fds, 0);
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
	int flags = type & (SOCK_NONBLOCK | SOCK_CLOEXEC);
	type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (domain != AF_UNIX) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	if (type != SOCK_STREAM) {
		errno = EPROTOTYPE; /* no datagram or other socket pairs yet */
		return -1;
	}
	if (protocol != 0) {
		errno = EPROTONOSUPPORT;
		return -1;
	}
	if (!sv) {
		errno = EFAULT;
		return -1;
	}
	return open_pair(SOCKET_NODE, O_RDWR, O_RDWR, flags, sv);
}

int shutdown(int fd, int how)
{
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long st = how < SHUT_RD || how > SHUT_RDWR ? FS_FS_ERROR_INVALID
		: d->kind != FD_PIPE		   ? FS_FS_ERROR_NOT_SUPPORTED
						   : fs_file_shutdown(d->h, (uint8_t)how);
	__fd_put(d);
	if (st == FS_FS_ERROR_NOT_SUPPORTED) {
		errno = ENOTSOCK;
		return -1;
	}
	return st ? __fs_error(st) : 0;
}
