// SPDX-License-Identifier: BSD-2-Clause
// poll: each descriptor's readiness, asked again until one is ready or the
// timeout passes, waiting between rounds as a blocked pipe call does
// (__fd_wait). A pipe's end answers `file.ready`; a server without it (a
// regular file, a device) is always ready for reading and writing.
#include <errno.h>
#include <limits.h>
#include <poll.h>

#include "../internal/fd.h"

enum { READY_IN = 1, READY_OUT = 2, READY_HUP = 4, READY_ERR = 8 };

#define IN_EVENTS (POLLIN | POLLRDNORM)
#define OUT_EVENTS (POLLOUT | POLLWRNORM)

static short revents_of(const struct pollfd *p)
{
	if (p->fd < 0)
		return 0;
	struct fd_desc *d = __fd_get(p->fd);
	if (!d)
		return POLLNVAL;
	uint8_t ready = READY_IN | READY_OUT;
	if (d->kind != FD_DIR) {
		/* Pipes and terminals know; servers without the call
		 * (files) refuse it: always ready. */
		long st = fs_file_ready(d->h, &ready);
		if (st == ERR_NOT_SUPPORTED || st == FS_FS_ERROR_NOT_SUPPORTED)
			ready = READY_IN | READY_OUT;
		else if (st)
			ready = READY_ERR;
	}
	__fd_put(d);
	short r = (ready & READY_IN ? IN_EVENTS : 0) | (ready & READY_OUT ? OUT_EVENTS : 0);
	/* Hang-ups and errors are reported whether asked for or not. */
	return (short)((r & p->events) | (ready & READY_HUP ? POLLHUP : 0) |
		       (ready & READY_ERR ? POLLERR : 0));
}

int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	if (n > FD_MAX) {
		errno = EINVAL;
		return -1;
	}
	if (n && !fds) {
		errno = EFAULT;
		return -1;
	}
	uint64_t deadline = timeout_ms < 0
		? UINT64_MAX
		: (uint64_t)vg_clock_monotonic() + (uint64_t)timeout_ms * 1000000;
	for (unsigned round = 0;;) {
		int ready = 0;
		for (nfds_t i = 0; i < n; i++) {
			fds[i].revents = revents_of(&fds[i]);
			ready += fds[i].revents != 0;
		}
		if (ready || (uint64_t)vg_clock_monotonic() >= deadline)
			return ready;
		__fd_wait_cp(NULL, &round, deadline); /* a cancellation point */
	}
}
