// SPDX-License-Identifier: BSD-2-Clause
// Reading and writing through a descriptor: straight to the server that
// serves the open file (never through the VFS), in pieces of at most
// FS_FILE_READ_DATA_MAX bytes, one call each; regular files moving more
// than that at once go through a shared window (window.c).
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../internal/fd.h"
#include "../internal/signal.h"

#define CHUNK FS_FILE_READ_DATA_MAX
#define AT_POSITION UINT64_MAX

/* Reads up to n bytes at off (AT_POSITION: the file position); stops at a
 * short piece (the end of the file). */
static ssize_t read_at(struct fd_desc *d, void *buf, size_t n, uint64_t off)
{
	static _Thread_local unsigned char bounce[CHUNK];
	unsigned char *out = buf;
	size_t done = 0;
	ssize_t failed = 0;
	struct fd_wait w;
	if (d->kind == FD_DIR) {
		errno = EISDIR;
		return -1;
	}
	if ((d->flags & O_ACCMODE) == O_WRONLY) {
		errno = EBADF;
		return -1;
	}
	if (d->kind == FD_PIPE)
		return off == AT_POSITION ? __pipe_read(d, buf, n) : (errno = ESPIPE, -1);
	if (__tty_jobctl(d, TTY_READ) < 0)
		return -1;
	ssize_t bulk = n > CHUNK ? __fd_window_io(d, buf, n, off, false) : -2;
	if (bulk != -2)
		return bulk;
	__fd_wait_begin(&w, d);
	while (done < n) {
		size_t want = n - done < CHUNK ? n - done : CHUNK, got;
		/* The reply is copied where it goes when a whole piece fits;
		 * a short tail goes through a buffer of the protocol's size. */
		unsigned char *to = want == CHUNK ? out + done : bounce;
		long st = fs_file_read(d->h, off == AT_POSITION ? off : off + done, (uint32_t)want,
				       to, &got);
		/* A device with nothing to give yet (a terminal): wait as
		 * for a pipe, unless O_NONBLOCK; the count goes along (a
		 * terminal's raw read waits for VMIN bytes, or fewer). */
		if (st == FS_FS_ERROR_WOULD_BLOCK && !done && !(d->flags & O_NONBLOCK)) {
			if ((failed = __fd_block(&w, FD_READY_IN | FD_READY_HUP, (uint32_t)want,
						 true)))
				break;
			continue;
		}
		/* Interrupted before the server saw it: asked again, unless a
		 * handler without SA_RESTART ran (EINTR). */
		if (st == ERR_INTERRUPTED && !done) {
			if ((failed = __fd_interrupted(&w, true)))
				break;
			continue;
		}
		if (st) {
			if (!done)
				failed = __fs_error(st);
			break;
		}
		if (got > want)
			got = want; /* a server sending more than asked is cut */
		if (to == bounce)
			memcpy(out + done, bounce, got);
		done += got;
		if (got < want)
			break;
	}
	__fd_wait_end(&w);
	return failed ? failed : (ssize_t)done;
}

/* To the kernel log, in records of at most VG_LOG_RECORD_MAX bytes. */
static ssize_t log_write(struct fd_desc *d, const char *p, size_t n, uint64_t off)
{
	if (off != AT_POSITION) {
		errno = ESPIPE;
		return -1;
	}
	for (size_t done = 0; done < n;) {
		size_t chunk = n - done < VG_LOG_RECORD_MAX ? n - done : VG_LOG_RECORD_MAX;
		if (vg_log_write(d->h, p + done, chunk) < 0) {
			errno = EIO;
			return done ? (ssize_t)done : -1;
		}
		done += chunk;
	}
	return (ssize_t)n;
}

static ssize_t write_at(struct fd_desc *d, const void *buf, size_t n, uint64_t off)
{
	const unsigned char *in = buf;
	size_t done = 0;
	ssize_t failed = 0;
	struct fd_wait w;
	if (d->kind == FD_DIR) {
		errno = EISDIR;
		return -1;
	}
	if ((d->flags & O_ACCMODE) == O_RDONLY) {
		errno = EBADF;
		return -1;
	}
	if (d->kind == FD_PIPE)
		return off == AT_POSITION ? __pipe_write(d, buf, n) : (errno = ESPIPE, -1);
	if (d->kind == FD_LOG)
		return log_write(d, buf, n, off);
	if (__tty_jobctl(d, TTY_WRITE) < 0)
		return -1;
	ssize_t bulk = n > CHUNK ? __fd_window_io(d, (void *)(uintptr_t)buf, n, off, true) : -2;
	if (bulk != -2)
		return bulk;
	__fd_wait_begin(&w, d);
	while (done < n) {
		size_t want = n - done < CHUNK ? n - done : CHUNK;
		uint32_t got;
		uint64_t pos;
		long st = fs_file_write(d->h, off == AT_POSITION ? off : off + done, in + done,
					want, &got, &pos);
		/* A terminal's output queue is full; or the call was
		 * interrupted (as in read_at). */
		if ((st == FS_FS_ERROR_WOULD_BLOCK && !(d->flags & O_NONBLOCK)) ||
		    st == ERR_INTERRUPTED) {
			if (st == FS_FS_ERROR_WOULD_BLOCK
				    ? __fd_block(&w, FD_READY_OUT | FD_READY_ERR, 0, true)
				    : __fd_interrupted(&w, true)) {
				failed = done ? 0 : -1;
				break;
			}
			continue;
		}
		if (st) {
			if (!done)
				failed = __fs_error(st);
			break;
		}
		w.round = 0;
		done += got;
		/* A short piece: a full disk (the next call says so) or a
		 * terminal's full queue (the next waits); none: stop. */
		if (!got)
			break;
	}
	__fd_wait_end(&w);
	return failed ? failed : (ssize_t)done;
}

/* A user buffer: NULL with a length is EFAULT (before anything is sent). */
static bool bad_buffer(const void *buf, size_t n)
{
	if (!buf && n) {
		errno = EFAULT;
		return true;
	}
	if (n > SSIZE_MAX) {
		errno = EINVAL;
		return true;
	}
	return false;
}

/* bad_buffer, and memory that is not there (or not writable, for a
 * read) is EFAULT too, as for a system call: the library copies small
 * transfers itself, where a wild pointer would fault (probe.c). */
static bool unusable_buffer(const void *buf, size_t n, bool writable)
{
	if (bad_buffer(buf, n))
		return true;
	if (__libc_probe(buf, n, writable)) {
		errno = EFAULT;
		return true;
	}
	return false;
}

ssize_t read(int fd, void *buf, size_t n)
{
	pthread_testcancel(); /* a cancellation point, even with data at hand */
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	ssize_t r = unusable_buffer(buf, n, true) ? -1 : read_at(d, buf, n, AT_POSITION);
	__fd_put(d);
	return r;
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	pthread_testcancel(); /* a cancellation point, even with data at hand */
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	ssize_t r = -1;
	if (off < 0)
		errno = EINVAL;
	else if (!unusable_buffer(buf, n, true))
		r = read_at(d, buf, n, (uint64_t)off);
	__fd_put(d);
	return r;
}

/* write() without flushing stdout or stderr (lib/c/os/stdio/write.c). */
ssize_t __fd_write(int fd, const void *buf, size_t n);
ssize_t __fd_write(int fd, const void *buf, size_t n)
{
	pthread_testcancel();
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	ssize_t r = unusable_buffer(buf, n, false) ? -1 : write_at(d, buf, n, AT_POSITION);
	__fd_put(d);
	return r;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	pthread_testcancel(); /* a cancellation point, even with data at hand */
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	ssize_t r = -1;
	if (off < 0)
		errno = EINVAL;
	else if (!unusable_buffer(buf, n, false))
		r = write_at(d, buf, n, (uint64_t)off);
	__fd_put(d);
	return r;
}

static bool bad_iov(const struct iovec *iov, int count)
{
	if (count < 0 || count > IOV_MAX) {
		errno = EINVAL;
		return true;
	}
	size_t total = 0;
	for (int i = 0; i < count; i++) {
		if (bad_buffer(iov[i].iov_base, iov[i].iov_len) ||
		    iov[i].iov_len > SSIZE_MAX - total) {
			errno = errno == EFAULT ? EFAULT : EINVAL;
			return true;
		}
		total += iov[i].iov_len;
	}
	return false;
}

/* Each vector in turn, stopping at the first short transfer; an error
 * after some bytes moved gives those bytes. */
static ssize_t each_iov(int fd, const struct iovec *iov, int count, bool writing)
{
	if (bad_iov(iov, count))
		return -1;
	ssize_t total = 0;
	for (int i = 0; i < count; i++) {
		ssize_t r = writing ? write(fd, iov[i].iov_base, iov[i].iov_len)
				    : read(fd, iov[i].iov_base, iov[i].iov_len);
		if (r < 0)
			return total ? total : -1;
		total += r;
		if ((size_t)r < iov[i].iov_len)
			break;
	}
	return total;
}

ssize_t readv(int fd, const struct iovec *iov, int count)
{
	return each_iov(fd, iov, count, false);
}

ssize_t writev(int fd, const struct iovec *iov, int count)
{
	return each_iov(fd, iov, count, true);
}

off_t lseek(int fd, off_t off, int whence)
{
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	if (d->kind == FD_LOG) { /* a stream of records, as a pipe */
		__fd_put(d);
		errno = ESPIPE;
		return -1;
	}
	uint64_t pos;
	long st = whence < 0 || whence > 2 ? FS_FS_ERROR_INVALID
					   : fs_file_seek(d->h, off, (uint32_t)whence, &pos);
	__fd_put(d);
	return st ? __fs_error(st) : (off_t)pos;
}

/* One call on the open file's handle, its status as errno. */
#define FILE_CALL(fd, call)                       \
	do {                                      \
		struct fd_desc *d = __fd_get(fd); \
		if (!d)                           \
			return -1;                \
		long st = (call);                 \
		__fd_put(d);                      \
		return st ? __fs_error(st) : 0;   \
	} while (0)

int fsync(int fd)
{
	pthread_testcancel(); /* a cancellation point */
	FILE_CALL(fd, fs_file_sync(d->h));
}

int fdatasync(int fd)
{
	pthread_testcancel(); /* a cancellation point */
	FILE_CALL(fd, fs_file_sync(d->h));
}

int ftruncate(int fd, off_t size)
{
	FILE_CALL(fd, size < 0 ? FS_FS_ERROR_INVALID : fs_file_truncate(d->h, (uint64_t)size));
}

int fstat(int fd, struct stat *st)
{
	struct fs_attr a;
	if (!st) {
		errno = EFAULT;
		return -1;
	}
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long r = fs_file_stat(d->h, &a);
	__fd_put(d);
	if (r)
		return __fs_error(r);
	__fs_stat_from(&a, st);
	return 0;
}
