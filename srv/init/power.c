// SPDX-License-Identifier: BSD-2-Clause
// The orderly end: every running service stopped in the reverse of the
// start order (so nothing outlives what it depends on... in reverse: a
// service goes before what it needs), each waited for, then the kernel
// asked to power off or reset (system_power, with the root resource).
#include "initd.h"
#include <stdio.h>

#define STOP_WAIT_NS 2000000000ull /* per service */

static void power_due(struct async_loop *loop, struct async_timer *t, uint64_t count)
{
	(void)loop, (void)count;
	struct init *in = t->ctx;
	power_now(in, in->power_action);
}

void power_request(struct init *in, uint32_t action)
{
	/* From a timer, so that the caller's reply goes out first; once. */
	if (in->power_pending)
		return;
	in->power_pending = true;
	in->power_action = action;
	if (async_timer_init(&in->loop, &in->power_timer, power_due, in) ||
	    async_timer_set(&in->power_timer, 0, 0))
		power_now(in, action);
}

/* Kills s and waits for its exit on a port of our own: 0 or an ERR_*. */
static long stop_one(struct init *in, struct service *s, vg_handle_t port)
{
	uint64_t deadline = (uint64_t)vg_clock_monotonic() + STOP_WAIT_NS;
	if (s->def->via_proc) {
		long st = viaproc_kill(s);
		if (!st)
			st = viaproc_wait(s, deadline);
		s->state = INIT_STATE_STOPPED;
		return st;
	}
	async_source_remove(&in->loop, &s->exit_src);
	long st = vg_process_kill(s->proc, ERR_CANCELED);
	if (!st)
		st = vg_port_bind(port, s->proc, 0);
	struct vg_port_packet pkt;
	if (!st)
		st = vg_port_wait(port, deadline, &pkt);
	vg_handle_close(s->proc);
	s->proc = 0;
	s->state = INIT_STATE_STOPPED;
	return st;
}

_Noreturn void power_now(struct init *in, uint32_t action)
{
	const char *what = action == VG_POWER_REBOOT ? "reboot" : "poweroff";
	printf("init: %s: stopping services\n", what);
	vg_handle_t port;
	int stuck = 0, stopped = 0;
	long st = vg_port_create(&port);
	for (int k = in->nordered - 1; k >= 0 && !st; k--) {
		struct service *s = &in->svcs[in->order[k]];
		if (s->state == INIT_STATE_WAITING)
			async_timer_cancel(&s->timer);
		if (s->state != INIT_STATE_RUNNING)
			continue;
		uint64_t t0 = (uint64_t)vg_clock_monotonic();
		long err = stop_one(in, s, port);
		uint64_t us = ((uint64_t)vg_clock_monotonic() - t0) / 1000;
		printf("init: stopped %s%s in %llu us\n", s->name, err ? " (did not exit)" : "",
		       (unsigned long long)us);
		stuck += err != 0;
		stopped++;
	}
	if (in->testing) {
		printf("KTEST-PLAN 1\n");
		printf("KTEST init_poweroff_stops_every_service: %s (%d stopped, %d did not)\n",
		       !st && !stuck && stopped ? "PASS" : "FAIL", stopped, stuck);
	}
	st = vg_system_power(in->resource, action);
	printf("init: %s failed (%ld)\n", what, st);
	vg_process_kill(vg_startup()->self, 1);
	for (;;)
		vg_thread_yield();
}
