// SPDX-License-Identifier: BSD-2-Clause
// The orderly end: services are stopped in waves, in the reverse of their
// dependency order (a wave is every running service that no running
// service depends on: they go together, then what they needed); the
// filesystems and the VFS go last, once nothing else that could write is
// left, after a sync through the VFS; then the kernel is asked to power
// off or reset (system_power, with the root resource).
//
// A service with a pid (every one, once the process server is up) gets its
// stop signal and its stop timeout to end before SIGKILL; one that ends at
// once costs no wait. The process server itself, which nobody signals,
// goes last and is killed. All of it runs synchronously: the event loop
// has served its last call.
#include "initd.h"
#include <fs.h>
#include <proc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#define KILL_WAIT_NS 2000000000ull /* after a kill, for the end to be seen */
#define POLL_NS 1000000ull /* how often the pids of a wave are reaped */

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

static uint64_t now_ns(void)
{
	return (uint64_t)vg_clock_monotonic();
}

static bool running(const struct service *s)
{
	return s->def && s->state == INIT_STATE_RUNNING;
}

/* Whether a running service other than s names s (requires, after, a
 * grant, a mount, via): s must outlive it. */
static bool needed(const struct init *in, const struct service *s)
{
	for (int i = 0; i < in->nvalid; i++) {
		const struct service *o = &in->svcs[i];
		if (o == s || !running(o))
			continue;
		/* Signals and SIGKILL go through the process server. */
		if (viaproc_is_server(s) && o->pid)
			return true;
		for (int r = 0; r < o->def->nrefs; r++)
			if (!strcmp(o->def->refs[r].name, s->name))
				return true;
	}
	return false;
}

/* A mounted filesystem, or the VFS one is mounted in. */
static bool holds_files(const struct init *in, const struct service *s)
{
	if (s->def->has_fs)
		return true;
	for (int i = 0; i < in->nvalid; i++) {
		const struct svcdef *d = in->svcs[i].def;
		if (d->has_fs && !strcmp(d->refs[d->fs_ref].name, s->name))
			return true;
	}
	return false;
}

/* vfs.sync in every running VFS: 0, or the first failure. */
static long sync_filesystems(struct init *in)
{
	uint64_t t0 = now_ns();
	uint32_t total = 0;
	long err = 0;
	for (int i = 0; i < in->nvalid; i++) {
		struct service *v = &in->svcs[i];
		if (!running(v) || !v->ep || v->def->has_fs || !holds_files(in, v))
			continue;
		uint32_t count = 0;
		long st = fs_vfs_sync(v->ep, &count);
		if (st) {
			printf("init: %s: sync failed (%ld)\n", v->name, st);
			err = err ? err : st;
		}
		total += count;
	}
	uint64_t us = (now_ns() - t0) / 1000;
	printf("init: filesystems synced in %llu.%03llu ms (%u mounts)%s\n",
	       (unsigned long long)us / 1000, (unsigned long long)us % 1000, total,
	       err ? ", with failures" : "");
	return err;
}

struct leaving {
	struct service *s;
	uint64_t t0, deadline;
	bool killed, done;
	long err;
};

/* The start of one service's end: its stop signal (or a kill). The end
 * of one we started is seen on port; one started through the process
 * server is reaped (check). */
static void ask(struct init *in, struct leaving *l, vg_handle_t port, int key)
{
	struct service *s = l->s;
	l->t0 = now_ns();
	if (!s->def->via_proc) {
		async_source_remove(&in->loop, &s->exit_src);
		l->err = vg_port_bind(port, s->proc, (uint64_t)key);
	}
	l->killed = !stop_signalled(s) || s->def->stop_signal == SIGKILL;
	if (!l->err)
		l->err = l->killed ? stop_kill(s) : viaproc_signal(s, s->def->stop_signal);
	if (l->err && !l->killed && !s->def->via_proc) {
		/* The process server could not pass the signal on: ours we
		 * can still end. */
		l->killed = true;
		l->err = stop_kill(s);
	}
	l->deadline =
		l->t0 + (l->killed ? KILL_WAIT_NS : (uint64_t)s->def->stop_timeout_ms * 1000000);
	l->done = l->err != 0;
}

/* A service not ended by its deadline: killed (once), then given up on.
 * One started through the process server is reaped here. */
static void check(struct leaving *l, uint64_t now)
{
	int32_t status;
	long st;
	if (l->s->def->via_proc && (st = viaproc_reap(l->s, &status)) != PROC_PROC_ERROR_AGAIN) {
		l->done = true;
		l->err = st;
		return;
	}
	if (now < l->deadline)
		return;
	if (l->killed) {
		l->done = true;
		l->err = ERR_TIMED_OUT;
		return;
	}
	stop_report_overdue(l->s);
	l->killed = true;
	l->deadline = now + KILL_WAIT_NS;
	if ((l->err = stop_kill(l->s)))
		l->done = true;
}

static void log_end(struct leaving *l)
{
	struct service *s = l->s;
	uint64_t us = (now_ns() - l->t0) / 1000;
	const char *how = !stop_signalled(s) ? "(killed)"
		: l->killed		     ? "(SIGKILL)"
					     : "(its stop signal)";
	s->pid = 0;
	if (!s->def->via_proc) {
		vg_handle_close(s->proc);
		s->proc = 0;
	}
	s->state = INIT_STATE_STOPPED;
	printf("init: stopped %s %s in %llu us%s\n", s->name, how, (unsigned long long)us,
	       l->err ? " (did not exit)" : "");
}

/* Stops the services of one wave together: 0 or how many did not end. */
static int stop_wave(struct init *in, struct leaving *w, int n, vg_handle_t port)
{
	for (int i = 0; i < n; i++)
		ask(in, &w[i], port, i);
	for (;;) {
		int left = 0;
		uint64_t now = now_ns();
		for (int i = 0; i < n; i++) {
			if (!w[i].done)
				check(&w[i], now);
			left += !w[i].done;
		}
		if (!left)
			break;
		/* Waiting here is the poll's pause, and brings init's own
		 * children's ends. */
		struct vg_port_packet pkt;
		while (vg_port_wait(port, now + POLL_NS, &pkt) == 0)
			if (pkt.key < (uint64_t)n)
				w[pkt.key].done = true;
	}
	int stuck = 0;
	for (int i = 0; i < n; i++) {
		log_end(&w[i]);
		stuck += w[i].err != 0;
	}
	return stuck;
}

_Noreturn void power_now(struct init *in, uint32_t action)
{
	const char *what = action == VG_POWER_REBOOT ? "reboot" : "poweroff";
	printf("init: %s: stopping services\n", what);
	uint64_t t0 = now_ns();
	for (int i = 0; i < in->nvalid; i++)
		if (in->svcs[i].state == INIT_STATE_WAITING) {
			async_timer_cancel(&in->svcs[i].timer);
			in->svcs[i].state = INIT_STATE_STOPPED;
		}
	vg_handle_t port;
	static struct leaving wave[SVCS_MAX];
	int stuck = 0, stopped = 0, waves = 0;
	bool synced = false;
	long sync_err = ERR_NOT_FOUND; /* until a VFS answers */
	long st = vg_port_create(&port);
	while (!st) {
		/* The filesystems wait while anything else may still write:
		 * they go (synced) in waves of their own. */
		int n = 0, users = 0;
		for (int i = 0; i < in->nvalid; i++) {
			struct service *s = &in->svcs[i];
			users += running(s) && !needed(in, s) && !holds_files(in, s);
		}
		for (int i = 0; i < in->nvalid; i++) {
			struct service *s = &in->svcs[i];
			if (running(s) && !needed(in, s) && !(users && holds_files(in, s)))
				wave[n++] = (struct leaving){ .s = s };
		}
		bool files = n && !users;
		if (!n)
			break; /* none left (a cycle never runs: resolution refuses it) */
		if (files && !synced) {
			sync_err = sync_filesystems(in);
			synced = true;
		}
		stuck += stop_wave(in, wave, n, port);
		stopped += n;
		waves++;
	}
	uint64_t us = (now_ns() - t0) / 1000;
	printf("init: %s: %d services stopped in %d waves in %llu.%03llu ms\n", what, stopped,
	       waves, (unsigned long long)us / 1000, (unsigned long long)us % 1000);
	if (in->testing) {
		printf("KTEST-PLAN 2\n");
		printf("KTEST init_poweroff_stops_every_service: %s (%d stopped, %d did not)\n",
		       !st && !stuck && stopped ? "PASS" : "FAIL", stopped, stuck);
		printf("KTEST init_poweroff_syncs_filesystems: %s (%ld)\n",
		       synced && !sync_err ? "PASS" : "FAIL", sync_err);
	}
	st = vg_system_power(in->resource, action);
	printf("init: %s failed (%ld)\n", what, st);
	vg_process_kill(vg_startup()->self, 1);
	for (;;)
		vg_thread_yield();
}
