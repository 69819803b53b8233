// SPDX-License-Identifier: BSD-2-Clause
// A graceful stop (svc stop, svc restart): a service with a pid (via the
// process server) is asked to end with its stop signal (SIGTERM unless its
// definition says otherwise) and killed when it has not ended within its
// stop timeout; its end then comes through the server's events like any
// exit. A service init started itself has no pid and no signals: it is
// killed at once (the file systems' servers among them lose nothing by it:
// shutdown syncs them first, see power.c).
#include "initd.h"
#include <signal.h>
#include <stdio.h>

void stop_report_overdue(const struct service *s)
{
	printf("init: %s did not end within %u ms of signal %u: killed\n", s->name,
	       s->def->stop_timeout_ms, s->def->stop_signal);
}

static void stop_overdue(struct async_loop *loop, struct async_timer *t, uint64_t count)
{
	(void)loop, (void)count;
	struct service *s = t->ctx;
	/* Ended in time, or already started again (another pid): nothing. */
	if (!s->stopping || s->state != INIT_STATE_RUNNING || s->pid != s->stop_pid)
		return;
	stop_report_overdue(s);
	long st = viaproc_signal(s, SIGKILL);
	if (st)
		printf("init: %s: cannot kill it (%ld)\n", s->name, st);
}

long stop_begin(struct init *in, struct service *s)
{
	if (!s->def->via_proc)
		return vg_process_kill(s->proc, ERR_CANCELED);
	long st = viaproc_signal(s, s->def->stop_signal);
	if (st || s->def->stop_signal == SIGKILL)
		return st;
	if (!s->stop_timer_ready) {
		if (async_timer_init(&in->loop, &s->stop_timer, stop_overdue, s))
			return viaproc_signal(s, SIGKILL); /* no timer: no grace */
		s->stop_timer_ready = true;
	}
	s->stop_pid = s->pid;
	return async_timer_set(
		&s->stop_timer,
		(uint64_t)vg_clock_monotonic() + (uint64_t)s->def->stop_timeout_ms * 1000000, 0);
}
