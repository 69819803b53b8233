// SPDX-License-Identifier: BSD-2-Clause
// Supervision: each running service's process is a source on init's event
// loop; its exit is logged, announced on the bus (topic init.events) and
// answered by the restart policy: never, on-failure or always, after a
// backoff that doubles up to its cap, at most limit_count restarts per
// window, after which init gives up on the service.
#include "initd.h"
#include <bus.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

void announce(struct init *in, const char *fmt, ...)
{
	char msg[BUS_NAMES_PUBLISH_DATA_MAX];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!in->bus || n < 0)
		return;
	uint32_t delivered, dropped;
	bus_names_publish(in->bus, "init.events", msg,
			  (size_t)n < sizeof(msg) ? (size_t)n : sizeof(msg) - 1, &delivered,
			  &dropped);
}

static uint64_t now_ns(void)
{
	return (uint64_t)vg_clock_monotonic();
}

static void restart_due(struct async_loop *loop, struct async_timer *t, uint64_t count)
{
	(void)loop;
	(void)count;
	struct service *s = t->ctx;
	if (s->state != INIT_STATE_WAITING)
		return;
	s->restarts++;
	long st = service_start(&init, s);
	if (st) {
		s->state = INIT_STATE_FAILED;
		printf("init: %s: restart failed: %s\n", s->name, s->why);
		announce(&init, "failed %s", s->name);
		return;
	}
	printf("init: restarted %s (restart %u)\n", s->name, s->restarts);
	announce(&init, "restart %s %u", s->name, s->restarts);
}

/* After an exit the policy allows to restart: schedule it, or give up. */
static void schedule_restart(struct init *in, struct service *s)
{
	const struct svcdef *d = s->def;
	uint64_t now = now_ns();
	if (now - s->window_ns > (uint64_t)d->limit_window_ms * 1000000) {
		s->window_ns = now;
		s->window_restarts = 0;
		s->delay_ms = d->delay_ms;
	}
	if (s->window_restarts >= d->limit_count) {
		s->state = INIT_STATE_FAILED;
		snprintf(s->why, sizeof(s->why), "%s: %u restarts within %u ms; gave up", s->name,
			 s->window_restarts, d->limit_window_ms);
		printf("init: %s\n", s->why);
		announce(in, "failed %s", s->name);
		return;
	}
	if (!s->timer_ready) {
		if (async_timer_init(&in->loop, &s->timer, restart_due, s)) {
			s->state = INIT_STATE_FAILED;
			printf("init: %s: no timer to restart it with\n", s->name);
			return;
		}
		s->timer_ready = true;
	}
	s->window_restarts++;
	s->state = INIT_STATE_WAITING;
	printf("init: restarting %s in %u ms\n", s->name, s->delay_ms);
	async_timer_set(&s->timer, now + (uint64_t)s->delay_ms * 1000000, 0);
	s->delay_ms = s->delay_ms * 2 > d->delay_max_ms ? d->delay_max_ms : s->delay_ms * 2;
}

static void exited(struct async_loop *loop, struct async_source *src,
		   const struct vg_port_packet *pkt)
{
	struct service *s = src->ctx;
	async_source_remove(loop, src);
	/* The kernel's end code (abi/verdigris/exit.h) as a wait status, as
	 * the process server gives those it started; a source gone (never,
	 * while init holds the handle) counts as a kill. */
	long code = pkt->status < 0 ? VG_EXIT_SIGNAL(SIGKILL, 0) : (long)pkt->data[0];
	vg_handle_close(s->proc);
	s->proc = 0;
	service_exited(&init, s, vg_exit_wait_status(code));
}

/* How status ended a service, for the log and why. */
static void describe(char *buf, size_t n, int32_t status)
{
	if (WIFSIGNALED(status))
		snprintf(buf, n, "killed by signal %d%s", WTERMSIG(status),
			 WCOREDUMP(status) ? " (core dumped)" : "");
	else
		snprintf(buf, n, "exited with code %d", WEXITSTATUS(status));
}

void service_exited(struct init *in, struct service *s, int32_t status)
{
	s->koid = 0;
	s->pid = 0;
	if (s->held) {
		vg_handle_close(s->held);
		s->held = 0;
	}
	/* The pids of a process server that ended went with it; the services
	 * init started itself are entered in the next one's table. */
	for (int i = 0; viaproc_is_server(s) && i < in->nvalid; i++)
		if (!in->svcs[i].def->via_proc)
			in->svcs[i].pid = 0;
	s->last_exit = status;
	char how[48];
	describe(how, sizeof(how), status);
	printf("init: %s %s\n", s->name, how);
	if (WIFSIGNALED(status))
		announce(in, "killed %s %d", s->name, WTERMSIG(status));
	else
		announce(in, "exit %s %d", s->name, WEXITSTATUS(status));
	if (s->stopping) {
		s->state = INIT_STATE_STOPPED;
		if (!s->regrant)
			snprintf(s->why, sizeof(s->why), "stopped on request");
		if (s->restart_after_stop) {
			s->restart_after_stop = false;
			if (service_start(in, s) == 0) {
				s->restarts++;
				announce(in, "restart %s %u", s->name, s->restarts);
			} else {
				s->state = INIT_STATE_FAILED;
				printf("init: %s\n", s->why);
			}
		}
		regrant_resume(in); /* it may have been the last one in the way */
		return;
	}
	if (s->def->poweroff_on_exit) {
		printf("init: %s ended: the system goes down\n", s->name);
		s->state = INIT_STATE_EXITED;
		power_request(in, VG_POWER_OFF);
		return;
	}
	snprintf(s->why, sizeof(s->why), "%s", how);
	/* A failure: an exit code other than 0, or any signal's end. */
	bool again = s->def->restart == SVC_RESTART_ALWAYS ||
		(s->def->restart == SVC_RESTART_ON_FAILURE && status != 0);
	if (again)
		schedule_restart(in, s);
	else
		s->state = status ? INIT_STATE_FAILED : INIT_STATE_EXITED;
}

void supervise_watch(struct init *in, struct service *s)
{
	if (async_source_add(&in->loop, &s->exit_src, s->proc, exited, s))
		printf("init: %s: cannot watch its process (too many sources)\n", s->name);
}

long supervise_stop(struct init *in, struct service *s)
{
	if (s->state == INIT_STATE_WAITING) {
		async_timer_cancel(&s->timer);
		s->state = INIT_STATE_STOPPED;
		return 0;
	}
	long st = stop_begin(in, s);
	/* Its exit ends the stop; without a signal or kill there is none to
	 * wait for. */
	s->stopping = st == 0;
	if (st)
		printf("init: %s: cannot stop it (%ld)\n", s->name, st);
	return st;
}
