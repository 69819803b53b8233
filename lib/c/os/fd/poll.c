// SPDX-License-Identifier: BSD-2-Clause
// poll: each descriptor's readiness, asked again until one is ready or the
// timeout passes. A pipe's end answers `file.ready`; a server without it (a
// regular file, a device) is always ready for reading and writing. The
// waits are a blocking call's (wake.c): yields first, then each
// descriptor is asked with `file.arm` instead, which also leaves the
// poller's notification with the server, and poll sleeps on it; when a
// server cannot arm poll polls. A signal handler ends the wait
// with EINTR (poll is never restarted).
#include <errno.h>
#include <limits.h>
#include <poll.h>

#include "../internal/fd.h"

#define IN_EVENTS (POLLIN | POLLRDNORM)
#define OUT_EVENTS (POLLOUT | POLLWRNORM)

/* d's file.ready bits; with w (arming), by file.arm with w's
 * notification for the events p asks; *unarmed when it could not be. */
static long ready_of(struct fd_desc *d, const struct pollfd *p, struct fd_wait *w, uint8_t *ready,
		     bool *unarmed)
{
	vg_handle_t give;
	if (w && !__fd_note_give(w, &give)) {
		/* Hang-ups and errors wake it too: poll reports them
		 * whether asked for or not. */
		uint8_t events = (p->events & IN_EVENTS ? FD_READY_IN : 0) |
			(p->events & OUT_EVENTS ? FD_READY_OUT : 0) | FD_READY_HUP | FD_READY_ERR;
		long st = fs_file_arm(d->h, events, 0, give, ready);
		if (!st)
			return 0;
		__fd_note_unsent(w, give);
		if (st != ERR_NOT_SUPPORTED && st != FS_FS_ERROR_NOT_SUPPORTED)
			return st;
	}
	*unarmed = true;
	return fs_file_ready(d->h, ready);
}

static short revents_of(const struct pollfd *p, struct fd_wait *w, bool *unarmed, bool *interrupted)
{
	if (p->fd < 0)
		return 0;
	struct fd_desc *d = __fd_get(p->fd);
	if (!d)
		return POLLNVAL;
	uint8_t ready = FD_READY_IN | FD_READY_OUT;
	if (d->kind != FD_DIR) {
		/* Pipes and terminals know; servers without the call
		 * (files) refuse it: always ready. */
		long st = ready_of(d, p, w, &ready, unarmed);
		if (st == ERR_INTERRUPTED) { /* asked again after the handler */
			*interrupted = true;
			ready = 0;
		} else if (st == ERR_NOT_SUPPORTED || st == FS_FS_ERROR_NOT_SUPPORTED)
			ready = FD_READY_IN | FD_READY_OUT;
		else if (st)
			ready = FD_READY_ERR;
	}
	__fd_put(d);
	short r = (ready & FD_READY_IN ? IN_EVENTS : 0) | (ready & FD_READY_OUT ? OUT_EVENTS : 0);
	/* Hang-ups and errors are reported whether asked for or not. */
	return (short)((r & p->events) | (ready & FD_READY_HUP ? POLLHUP : 0) |
		       (ready & FD_READY_ERR ? POLLERR : 0));
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
	struct fd_wait w;
	__fd_wait_begin(&w, NULL);
	int r;
	for (;;) {
		bool arming = __fd_arming(&w), unarmed = false, interrupted = false;
		int ready = 0;
		for (nfds_t i = 0; i < n; i++) {
			fds[i].revents =
				revents_of(&fds[i], arming ? &w : NULL, &unarmed, &interrupted);
			ready += fds[i].revents != 0;
		}
		/* A call cut short by a signal or pthread_cancel: those act
		 * (EINTR), or the round is asked again. */
		if (interrupted && !ready) {
			if ((r = __fd_interrupted(&w, false)))
				break;
			continue;
		}
		if (ready || (uint64_t)vg_clock_monotonic() >= deadline) {
			r = ready;
			break;
		}
		if (arming && unarmed)
			w.polling = true; /* one of them cannot wake us */
		if ((r = __fd_sleep(&w, deadline, false)))
			break;
	}
	__fd_wait_end(&w);
	return r;
}
