// SPDX-License-Identifier: BSD-2-Clause
// A graceful stop (svc stop, svc restart): a service with a pid (started
// via the process server, or entered in its table) is asked to end with
// its stop signal (SIGTERM unless its definition says otherwise) and
// killed when it has not ended within its stop timeout; its end then comes
// like any exit. One without a pid (the process server was not up) and
// the process server itself, which nobody signals, are killed at once
// (the file systems' servers lose nothing by it: shutdown syncs them
// first, see power.c).
#include "initd.h"
#include <signal.h>
#include <stdio.h>

void stop_report_overdue(const struct service *s)
{
	printf("init: %s did not end within %u ms of signal %u: killed\n", s->name,
	       s->def->stop_timeout_ms, s->def->stop_signal);
}

long stop_kill(struct service *s)
{
	/* One via a server that is gone is ours to watch once killed
	 * (viaproc_signal): it holds the process then. */
	if (s->def->via_proc && !s->proc)
		return viaproc_signal(s, SIGKILL);
	/* Killed by SIGKILL, as the process server would (verdigris/exit.h). */
	return vg_process_kill(s->proc, VG_EXIT_SIGNAL(SIGKILL, 0));
}

bool stop_signalled(const struct service *s)
{
	return s->def->via_proc ||
		(s->pid && !viaproc_is_server(s) && s->def->stop_signal != SIGKILL);
}

static void stop_overdue(struct async_loop *loop, struct async_timer *t, uint64_t count)
{
	(void)loop, (void)count;
	struct service *s = t->ctx;
	/* Ended in time, or already started again: nothing. */
	if (!s->stopping || s->state != INIT_STATE_RUNNING || s->starts != s->stop_starts)
		return;
	stop_report_overdue(s);
	long st = stop_kill(s);
	if (st)
		printf("init: %s: cannot kill it (%ld)\n", s->name, st);
}

long stop_begin(struct init *in, struct service *s)
{
	/* No pid (the process server is not up), or the process server
	 * itself (nobody signals it): no signal to ask with. */
	if (!stop_signalled(s) || s->def->stop_signal == SIGKILL)
		return stop_kill(s);
	long st = viaproc_signal(s, s->def->stop_signal);
	if (st) /* the server went meanwhile: ours we can still end */
		return s->def->via_proc ? st : stop_kill(s);
	if (!s->stop_timer_ready) {
		if (async_timer_init(&in->loop, &s->stop_timer, stop_overdue, s))
			return stop_kill(s); /* no timer: no grace */
		s->stop_timer_ready = true;
	}
	s->stop_starts = s->starts;
	return async_timer_set(
		&s->stop_timer,
		(uint64_t)vg_clock_monotonic() + (uint64_t)s->def->stop_timeout_ms * 1000000, 0);
}
