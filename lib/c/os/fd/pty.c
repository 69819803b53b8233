// SPDX-License-Identifier: BSD-2-Clause
// Pseudo-terminals (<stdlib.h>'s posix_openpt, grantpt, unlockpt,
// ptsname, ptsname_r; <pty.h>'s openpty, forkpty, login_tty): a master
// is an open of /dev/ptmx (srv/pty), its slave /dev/pts/N, N from the
// master's server (file.ptsnumber); unlockpt is file.ptslock, which waits
// until the slave's node is there. The slave's node is its master's
// opener's (file.ptsowner, asked at every open of /dev/ptmx and by
// grantpt): the server learns who that is from a duplicate of the
// caller's handle to the process server, which names the caller.
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "../internal/fd.h"
#include "../internal/proc.h"

/* errno for a pty call: ENOTTY for a descriptor that is no master. */
static int pty_error(long st)
{
	if (st == FS_FS_ERROR_NOT_SUPPORTED || st == ERR_NOT_SUPPORTED) {
		errno = ENOTTY;
		return -1;
	}
	return __fs_error(st);
}

int __pty_number(int fd, unsigned *number)
{
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	uint32_t n = 0;
	long st = d->kind == FD_FILE ? fs_file_ptsnumber(d->h, &n) : FS_FS_ERROR_NOT_SUPPORTED;
	__fd_put(d);
	if (st)
		return pty_error(st);
	*number = n;
	return 0;
}

int __pty_packet(int fd, bool on)
{
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long st = d->kind == FD_FILE ? fs_file_ptspacket(d->h, on) : FS_FS_ERROR_NOT_SUPPORTED;
	__fd_put(d);
	return st ? pty_error(st) : 0;
}

int __pty_lock(int fd, bool lock)
{
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long st = FS_FS_ERROR_NOT_SUPPORTED;
	unsigned round = 0;
	/* would_block: the slave's node is on its way. */
	while (d->kind == FD_FILE && (st = fs_file_ptslock(d->h, lock)) == FS_FS_ERROR_WOULD_BLOCK)
		__fd_wait(&round, UINT64_MAX);
	__fd_put(d);
	return st ? pty_error(st) : 0;
}

long __pty_own(vg_handle_t master)
{
	vg_handle_t ep = __libc_proc_ep(), mine;
	if (!ep)
		return ERR_NOT_SUPPORTED;
	long st = vg_handle_duplicate(ep, VG_RIGHT_TRANSFER, &mine);
	if (st)
		return st;
	st = fs_file_ptsowner(master, mine);
	if (st < 0) /* perhaps not sent: then the duplicate is still ours */
		vg_handle_close(mine);
	return st;
}

int posix_openpt(int flags)
{
	if (flags & ~(O_ACCMODE | O_NOCTTY | O_CLOEXEC) || (flags & O_ACCMODE) != O_RDWR) {
		errno = EINVAL;
		return -1;
	}
	return open("/dev/ptmx", flags);
}

/* The slave's node becomes the caller's, group tty, mode 0620 (made so
 * at the master's open already, unless another process opened it). */
int grantpt(int fd)
{
	unsigned n;
	if (__pty_number(fd, &n) < 0) {
		errno = errno == ENOTTY ? EINVAL : errno;
		return -1;
	}
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long st = __pty_own(d->h);
	__fd_put(d);
	if (st) {
		errno = EACCES;
		return -1;
	}
	return 0;
}

int unlockpt(int fd)
{
	if (__pty_lock(fd, false) < 0) {
		errno = errno == ENOTTY ? EINVAL : errno;
		return -1;
	}
	return 0;
}

int ptsname_r(int fd, char *buf, size_t len)
{
	unsigned n;
	if (!buf)
		return EINVAL;
	if (__pty_number(fd, &n) < 0)
		return errno;
	char name[32];
	int l = snprintf(name, sizeof(name), "/dev/pts/%u", n);
	if ((size_t)l >= len)
		return ERANGE;
	memcpy(buf, name, (size_t)l + 1);
	return 0;
}

char *ptsname(int fd)
{
	static char name[32];
	int e = ptsname_r(fd, name, sizeof(name));
	return e ? (errno = e, NULL) : name;
}

int openpty(int *master, int *slave, char *name, const struct termios *t, const struct winsize *ws)
{
	char path[32];
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0)
		return -1;
	int s = -1;
	if (grantpt(m) || unlockpt(m) || (errno = ptsname_r(m, path, sizeof(path))) ||
	    (s = open(path, O_RDWR | O_NOCTTY)) < 0 || (t && tcsetattr(s, TCSANOW, t)) ||
	    (ws && ioctl(s, TIOCSWINSZ, ws))) {
		int e = errno;
		if (s >= 0)
			close(s);
		close(m);
		errno = e;
		return -1;
	}
	if (name)
		strcpy(name, path); /* the caller's buffer: as glibc, unbounded */
	*master = m;
	*slave = s;
	return 0;
}

int login_tty(int fd)
{
	if (setsid() < 0 || ioctl(fd, TIOCSCTTY, 0) < 0)
		return -1;
	for (int i = 0; i < 3; i++)
		if (dup2(fd, i) < 0)
			return -1;
	if (fd > 2)
		close(fd);
	return 0;
}

pid_t forkpty(int *master, char *name, const struct termios *t, const struct winsize *ws)
{
	int m, s;
	if (openpty(&m, &s, name, t, ws) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		close(m);
		close(s);
		errno = e;
		return -1;
	}
	if (pid == 0) {
		close(m);
		if (login_tty(s) < 0)
			_exit(1);
		return 0;
	}
	close(s);
	*master = m;
	return pid;
}
