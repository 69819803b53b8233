// SPDX-License-Identifier: BSD-2-Clause
// Advisory locks: flock and fcntl's F_GETLK, F_SETLK and F_SETLKW, both as
// byte-range locks held by the server for the open file (idl/fs.idl,
// file.lock): flock locks the whole file. Deviations: both kinds of locks
// are one set (on Linux they do not see each other), and a lock belongs to
// the open file, not the process (Linux's F_OFD_* semantics). Waiting
// (LOCK_NB not given, F_SETLKW) hands the server a notification with
// file.lockwait, which it signals when a lock of the file is released or
// its holder's open file ends, and asks again (wake.c); a cancellation
// point, and a signal handler ends it with EINTR unless SA_RESTART.
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "../internal/fd.h"

/* Sets a lock, waiting for it when wait is true. */
static int set_lock(struct fd_desc *d, uint8_t kind, uint64_t start, uint64_t len, bool wait)
{
	long st = fs_file_lock(d->h, kind, start, len);
	if (st != FS_FS_ERROR_WOULD_BLOCK || !wait)
		return st == FS_FS_ERROR_WOULD_BLOCK ? (errno = EAGAIN, -1)
			: st			     ? __fs_error(st)
						     : 0;
	struct fd_wait w;
	__fd_wait_begin(&w, d);
	int r;
	for (;;) {
		vg_handle_t give;
		if (w.polling) {
			st = fs_file_lock(d->h, kind, start, len);
		} else if ((st = __fd_note_give(&w, &give))) {
			w.polling = true; /* no notification to give: poll */
			continue;
		} else if ((st = fs_file_lockwait(d->h, kind, start, len, give)) &&
			   st != FS_FS_ERROR_WOULD_BLOCK) {
			__fd_note_unsent(&w, give);
			if (st == ERR_NOT_SUPPORTED || st == FS_FS_ERROR_NOT_SUPPORTED) {
				w.polling = true;
				continue;
			}
		}
		if (st == ERR_INTERRUPTED) {
			if ((r = __fd_interrupted(&w, true)))
				break;
			continue;
		}
		if (st != FS_FS_ERROR_WOULD_BLOCK) {
			r = st ? __fs_error(st) : 0;
			break;
		}
		/* Kept by the server (or polling): until a lock goes. */
		if ((r = __fd_sleep(&w, UINT64_MAX, true)))
			break;
	}
	__fd_wait_end(&w);
	return r;
}

int flock(int fd, int op)
{
	static const uint8_t kinds[] = { [LOCK_SH] = 1, [LOCK_EX] = 2, [LOCK_UN] = 0 };
	int what = op & ~LOCK_NB;
	if (what != LOCK_SH && what != LOCK_EX && what != LOCK_UN) {
		errno = EINVAL;
		return -1;
	}
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	int r = set_lock(d, kinds[what], 0, 0, !(op & LOCK_NB));
	__fd_put(d);
	return r;
}

/* The range of fl in absolute bytes: *start, *len (0: to the end). */
static int range_of(struct fd_desc *d, const struct flock *fl, uint64_t *start, uint64_t *len)
{
	off_t base = 0;
	if (fl->l_whence == SEEK_CUR || fl->l_whence == SEEK_END) {
		uint64_t pos;
		struct fs_attr a;
		long st = fl->l_whence == SEEK_CUR ? fs_file_seek(d->h, 0, SEEK_CUR, &pos)
						   : fs_file_stat(d->h, &a);
		if (st)
			return __fs_error(st);
		base = (off_t)(fl->l_whence == SEEK_CUR ? pos : a.size);
	} else if (fl->l_whence != SEEK_SET) {
		errno = EINVAL;
		return -1;
	}
	off_t s = base + fl->l_start, n = fl->l_len;
	if (n < 0) { /* the bytes before start */
		s += n;
		n = -n;
	}
	if (s < 0) {
		errno = EINVAL;
		return -1;
	}
	*start = (uint64_t)s;
	*len = (uint64_t)n;
	return 0;
}

int __fd_lock(int fd, int cmd, struct flock *fl);
int __fd_lock(int fd, int cmd, struct flock *fl)
{
	if (!fl) {
		errno = EFAULT;
		return -1;
	}
	static const uint8_t kinds[] = { [F_RDLCK] = 1, [F_WRLCK] = 2, [F_UNLCK] = 0 };
	if (fl->l_type != F_RDLCK && fl->l_type != F_WRLCK && fl->l_type != F_UNLCK) {
		errno = EINVAL;
		return -1;
	}
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	uint64_t start, len;
	int r = range_of(d, fl, &start, &len);
	if (!r && cmd == F_GETLK) {
		uint8_t held;
		uint64_t at, count;
		long st = fs_file_testlock(d->h, kinds[fl->l_type], start, len, &held, &at, &count);
		if (st) {
			r = __fs_error(st);
		} else if (held == 0) {
			fl->l_type = F_UNLCK;
		} else {
			fl->l_type = held == 2 ? F_WRLCK : F_RDLCK;
			fl->l_whence = SEEK_SET;
			fl->l_start = (off_t)at;
			fl->l_len = (off_t)count;
			fl->l_pid = -1;
		}
	} else if (!r) {
		if ((fl->l_type == F_RDLCK && (d->flags & O_ACCMODE) == O_WRONLY) ||
		    (fl->l_type == F_WRLCK && (d->flags & O_ACCMODE) == O_RDONLY)) {
			errno = EBADF;
			r = -1;
		} else {
			r = set_lock(d, kinds[fl->l_type], start, len, cmd == F_SETLKW);
		}
	}
	__fd_put(d);
	return r;
}
