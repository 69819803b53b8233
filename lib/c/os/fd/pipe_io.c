// SPDX-License-Identifier: BSD-2-Clause
// Reading and writing a pipe (srv/pipe). The server never blocks: an empty
// pipe with a writer, or a full one, answers would_block, and a descriptor
// without O_NONBLOCK waits here and asks again - a few yields first (the
// other side is often about to run), then sleeps growing to a millisecond.
// A write to a pipe without a reader raises SIGPIPE and fails with EPIPE.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

#include "../internal/fd.h"
#include "../internal/thread.h"

#define CHUNK FS_FILE_READ_DATA_MAX
#define YIELDS 32
#define SLEEP_MAX_NS 1000000

void __fd_wait(unsigned *round, uint64_t deadline)
{
	if (*round < YIELDS) {
		vg_thread_yield();
	} else {
		uint64_t ns = (uint64_t)1000 << (*round - YIELDS < 10 ? *round - YIELDS : 10);
		uint64_t until = vg_clock_monotonic() + (ns < SLEEP_MAX_NS ? ns : SLEEP_MAX_NS);
		vg_thread_sleep_until(until < deadline ? until : deadline);
	}
	(*round)++;
}

static void drop_ref(void *d)
{
	if (d)
		__fd_put(d);
}

void __fd_wait_cp(struct fd_desc *d, unsigned *round, uint64_t deadline)
{
	pthread_cleanup_push(drop_ref, d);
	bool was = __libc_cp_enter();
	__fd_wait(round, deadline);
	__libc_cp_leave(was);
	pthread_cleanup_pop(0);
}

ssize_t __pipe_read(struct fd_desc *d, void *buf, size_t n)
{
	static _Thread_local unsigned char bounce[CHUNK];
	unsigned char *to = buf;
	size_t done = 0;
	unsigned round = 0;
	/* What is there, at once; blocks only while nothing was read. */
	while (done < n) {
		size_t want = n - done < CHUNK ? n - done : CHUNK, got;
		unsigned char *piece = want == CHUNK ? to + done : bounce;
		long st = fs_file_read(d->h, UINT64_MAX, (uint32_t)want, piece, &got);
		if (st == FS_FS_ERROR_WOULD_BLOCK && !done && !(d->flags & O_NONBLOCK)) {
			__fd_wait_cp(d, &round, UINT64_MAX);
			continue;
		}
		/* The call itself was interrupted: the kernel refuses a call
		 * with an interruption waiting (nothing was sent) and delivers
		 * it on the way out. A pipe read is a cancellation point: a
		 * request pthread_cancel made acts here; after a handler, ask
		 * again, as after a wait (not EIO: the pipe is fine). */
		if (st == ERR_INTERRUPTED && !done) {
			pthread_testcancel();
			continue;
		}
		if (st) {
			if (done)
				break;
			return __fs_error(st);
		}
		if (got > want)
			got = want;
		if (piece == bounce)
			memcpy(to + done, bounce, got);
		done += got;
		if (got < want)
			break;
	}
	return (ssize_t)done;
}

ssize_t __pipe_write(struct fd_desc *d, const void *buf, size_t n)
{
	const unsigned char *from = buf;
	size_t done = 0;
	unsigned round = 0;
	/* Each piece is at most PIPE_BUF bytes, which the server writes whole. */
	while (done < n) {
		size_t want = n - done < CHUNK ? n - done : CHUNK;
		uint32_t got;
		uint64_t pos;
		long st = fs_file_write(d->h, UINT64_MAX, from + done, want, &got, &pos);
		if (st == FS_FS_ERROR_WOULD_BLOCK && !(d->flags & O_NONBLOCK)) {
			__fd_wait_cp(d, &round, UINT64_MAX);
			continue;
		}
		if (st == ERR_INTERRUPTED && !done) {
			pthread_testcancel(); /* as in __pipe_read */
			continue;
		}
		if (st == FS_FS_ERROR_BROKEN_PIPE)
			raise(SIGPIPE);
		if (st) {
			if (done)
				break;
			return __fs_error(st);
		}
		round = 0;
		done += got > want ? want : got;
	}
	return (ssize_t)done;
}
