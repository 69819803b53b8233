// SPDX-License-Identifier: BSD-2-Clause
// Reading and writing a pipe (srv/pipe). The server never blocks: an empty
// pipe with a writer, or a full one, answers would_block, and a descriptor
// without O_NONBLOCK waits (wake.c: a few yields, then a notification the
// server signals when data, room or the end comes) and asks again. A
// signal handler ends the wait with EINTR unless installed with
// SA_RESTART (after a partial write: the count written). A write to a
// pipe without a reader raises SIGPIPE and fails with EPIPE.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>

#include "../internal/fd.h"

#define CHUNK FS_FILE_READ_DATA_MAX

ssize_t __pipe_read(struct fd_desc *d, void *buf, size_t n)
{
	static _Thread_local unsigned char bounce[CHUNK];
	unsigned char *to = buf;
	size_t done = 0;
	ssize_t failed = 0;
	struct fd_wait w;
	__fd_wait_begin(&w, d);
	/* What is there, at once; blocks only while nothing was read. */
	while (done < n) {
		size_t want = n - done < CHUNK ? n - done : CHUNK, got;
		unsigned char *piece = want == CHUNK ? to + done : bounce;
		long st = fs_file_read(d->h, UINT64_MAX, (uint32_t)want, piece, &got);
		if (st == FS_FS_ERROR_WOULD_BLOCK && !done && !(d->flags & O_NONBLOCK)) {
			if ((failed = __fd_block(&w, FD_READY_IN | FD_READY_HUP, 0, true)))
				break;
			continue;
		}
		/* The call itself was interrupted (the kernel refuses a call
		 * with an interruption waiting, and delivers it on the way
		 * out): a cancellation request acts, a handler may end the
		 * read with EINTR; else ask again (the pipe is fine). */
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
			got = want;
		if (piece == bounce)
			memcpy(to + done, bounce, got);
		done += got;
		if (got < want)
			break;
	}
	__fd_wait_end(&w);
	return failed ? failed : (ssize_t)done;
}

ssize_t __pipe_write(struct fd_desc *d, const void *buf, size_t n)
{
	const unsigned char *from = buf;
	size_t done = 0;
	ssize_t failed = 0;
	struct fd_wait w;
	__fd_wait_begin(&w, d);
	/* Each piece is at most PIPE_BUF bytes, which the server writes whole. */
	while (done < n) {
		size_t want = n - done < CHUNK ? n - done : CHUNK;
		uint32_t got;
		uint64_t pos;
		long st = fs_file_write(d->h, UINT64_MAX, from + done, want, &got, &pos);
		if (st == FS_FS_ERROR_WOULD_BLOCK && !(d->flags & O_NONBLOCK)) {
			if (__fd_block(&w, FD_READY_OUT | FD_READY_ERR, (uint32_t)want, true)) {
				failed = done ? 0 : -1;
				break;
			}
			continue;
		}
		if (st == ERR_INTERRUPTED) { /* as in __pipe_read */
			if (__fd_interrupted(&w, true)) {
				failed = done ? 0 : -1;
				break;
			}
			continue;
		}
		if (st == FS_FS_ERROR_BROKEN_PIPE)
			raise(SIGPIPE);
		if (st) {
			if (!done)
				failed = __fs_error(st);
			break;
		}
		w.round = 0; /* the reader is keeping up: yield first again */
		done += got > want ? want : got;
	}
	__fd_wait_end(&w);
	return failed ? failed : (ssize_t)done;
}
