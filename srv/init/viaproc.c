// SPDX-License-Identifier: BSD-2-Clause
// Services started through the process server (via = proc): they get a
// pid of their own, as children of init (pid 1), and a POSIX life (their
// handle to the process server, signals, waitpid). The server tells init
// of its children's ends through its events notification; init reaps them
// with the non-blocking wait and hands each exit to the policy.
//
// The services init starts itself are entered in the same server's table
// (adopt) as soon as both run: the server once it is up (itself included)
// and again after each of its restarts, each later one at its start. They
// get a pid (ps, kill, the stop signal) but no handle to the server
// (docs/ARCHITECTURE.md 19.2); their ends come through init's own
// handles, and their zombies are reaped here with the orphans.
#include "initd.h"
#include <proc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static struct async_source events_src;
/* Our own handle to the process server we listen to, and which of its
 * starts it was: a restarted server is a new endpoint and a new pid
 * space, and the processes the old one started are out of our reach. */
static vg_handle_t events_ep, events_note;
static const struct service *events_server;
static uint32_t events_start;

static bool server_restarted(void)
{
	return events_server && events_server->starts != events_start;
}

static struct service *by_pid(struct init *in, int32_t pid)
{
	for (int i = 0; i < in->nvalid; i++)
		if (in->svcs[i].pid == pid)
			return &in->svcs[i];
	return NULL;
}

static void children_ended(struct async_loop *loop, struct async_source *src,
			   const struct vg_port_packet *pkt)
{
	struct init *in = src->ctx;
	int32_t child, status;
	if (pkt->status < 0) {
		printf("init: the process server's events are gone (%d)\n", pkt->status);
		async_source_remove(loop, src);
		return;
	}
	while (proc_process_wait(events_ep, -1, &child, &status) == 0) {
		/* A service init started itself ends through its own handle
		 * (supervise.c): its pid is only reaped here, as orphans are. */
		struct service *s = by_pid(in, child);
		if (s && s->def->via_proc) {
			s->pid = 0;
			service_exited(in, s, status);
		}
	}
	async_source_arm(loop, src);
}

/* The first start through server ps, or the first since it restarted:
 * listen to its events (one process server for all). */
static long listen(struct init *in, const struct service *ps)
{
	if (events_server && events_server != ps)
		return ERR_NOT_SUPPORTED;
	if (events_ep && !server_restarted())
		return 0;
	if (events_ep) { /* the old server's */
		async_source_remove(&in->loop, &events_src);
		vg_handle_close(events_note);
		vg_handle_close(events_ep);
	}
	events_note = events_ep = 0;
	events_server = NULL;
	vg_handle_t ep, note = 0;
	long st = vg_handle_duplicate(ps->ep, VG_RIGHT_SIGNAL, &ep);
	if (st)
		return st;
	if ((st = proc_process_events(ep, &note)) ||
	    (st = async_source_add(&in->loop, &events_src, note, children_ended, in))) {
		if (note)
			vg_handle_close(note);
		vg_handle_close(ep);
		return st;
	}
	events_ep = ep;
	events_note = note;
	events_server = ps;
	events_start = ps->starts;
	return 0;
}

/* NUL-terminated strings one after the other, as proc.spawn takes them. */
static size_t pack(char *buf, size_t size, const char *const *v)
{
	size_t n = 0;
	for (; *v; v++) {
		size_t len = strlen(*v) + 1;
		if (n + len > size)
			return (size_t)-1;
		memcpy(buf + n, *v, len);
		n += len;
	}
	return n;
}

/* Linux's RLIMIT_* of each svc_limit, as the process server numbers them. */
static const uint32_t rlimit[] = {
	[SVC_LIMIT_MEMORY] = 9, /* RLIMIT_AS */
	[SVC_LIMIT_HANDLES] = 16, /* RLIMIT_VG_HANDLES */
	[SVC_LIMIT_THREADS] = 6, /* RLIMIT_NPROC: threads, here */
	[SVC_LIMIT_CPU] = 0, /* RLIMIT_CPU: seconds */
	[SVC_LIMIT_FILES] = 7, /* RLIMIT_NOFILE: the C library's fd table */
};

/* Stages s's limits for the spawn: the server sets them before the
 * program's first instruction. CPU time: SIGXCPU at the limit, SIGKILL a
 * second later (the hard limit). With `user`, its ids too: those of the
 * VFS handles it is granted, so that the server's kill permission and
 * ps agree with the VFS from the start. */
static long stage_limits_and_user(vg_handle_t ps, const struct svcdef *d)
{
	long st = 0;
	for (int k = 0; k < d->nlimits && !st; k++) {
		uint64_t v = d->limits[k].value;
		struct proc_limit l = { v, d->limits[k].kind == SVC_LIMIT_CPU ? v + 1 : v };
		st = proc_process_stage_limit(ps, rlimit[d->limits[k].kind], &l);
	}
	if (!st && d->has_user)
		st = proc_process_stage_ids(ps, d->uid, d->uid, d->uid, d->gid, d->gid, d->gid);
	return st;
}

long viaproc_start(struct init *in, struct service *s, const char *const *argv,
		   const char *const *envp, struct vg_startup_handle *h, size_t n)
{
	const struct service *ps = service_find(in, s->def->refs[s->def->via_ref].name);
	static char args[PROC_PROCESS_SPAWN_ARGS_MAX], env[PROC_PROCESS_SPAWN_ENV_MAX];
	long st = ps && ps->ep ? listen(in, ps) : ERR_NOT_FOUND;
	size_t alen = pack(args, sizeof(args), argv), elen = pack(env, sizeof(env), envp);
	if (!st && (alen == (size_t)-1 || elen == (size_t)-1))
		st = ERR_OUT_OF_RANGE;
	size_t k = 0;
	for (; k < n && !st; k++)
		st = proc_process_give(ps->ep, h[k].tag, h[k].arg, h[k].handle);
	for (; k < n; k++)
		vg_handle_close(h[k].handle);
	if (!st)
		st = stage_limits_and_user(ps->ep, s->def);
	int32_t pid;
	if (!st)
		st = proc_process_spawn(ps->ep, s->def->program, args, alen, env, elen, 0, true,
					&pid);
	else if (ps && ps->ep)
		proc_process_unstage(ps->ep);
	if (st) {
		snprintf(s->why, sizeof(s->why), "%s: the process server refused it (%ld)",
			 s->def->program, st);
		return st;
	}
	s->pid = pid;
	/* Held for when the server is gone: a restart of it leaves this
	 * process out of the new server's reach, and only this handle can
	 * end it then (viaproc_signal). */
	if ((st = proc_process_hold(ps->ep, pid, &s->held)))
		printf("init: %s: the process server did not give its handle (%ld)\n", s->name, st);
	/* The kill right is the pid's: given once there is one (before the
	 * program can do much, not before it runs: it needs it only when a
	 * person types kill). */
	for (int g = 0; g < s->def->ngrants; g++)
		if (s->def->grants[g].tag == SVC_TAG_KILL &&
		    (st = proc_process_grant_kill(ps->ep, pid)))
			printf("init: %s: the process server refused the kill right (%ld)\n",
			       s->name, st);
	return 0;
}

/* The process server init enters its own children in: the running
 * service serving `proc`. */
static const struct service *process_server(struct init *in)
{
	for (int i = 0; i < in->nvalid; i++) {
		const struct service *s = &in->svcs[i];
		if (s->def->serve == SVC_TAG_PROC && s->state == INIT_STATE_RUNNING && s->ep)
			return s;
	}
	return NULL;
}

bool viaproc_is_server(const struct service *s)
{
	return s->def && s->def->serve == SVC_TAG_PROC;
}

void viaproc_adopt(struct init *in, struct service *s)
{
	const struct service *ps = process_server(in);
	s->pid = 0;
	if (!ps || !s->proc)
		return; /* none yet: entered once one starts */
	static char args[PROC_PROCESS_ADOPT_ARGS_MAX];
	const char *argv[SVC_ARGS_MAX + 2];
	argv[0] = s->name;
	for (int k = 0; k < s->def->nargs; k++)
		argv[k + 1] = s->def->args[k];
	argv[s->def->nargs + 1] = NULL;
	size_t alen = pack(args, sizeof(args), argv);
	vg_handle_t dup = 0;
	long st = listen(in, ps);
	if (!st && alen == (size_t)-1)
		st = ERR_OUT_OF_RANGE;
	if (!st)
		st = vg_handle_duplicate(s->proc,
					 VG_RIGHT_MANAGE | VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, &dup);
	/* Its limits and ids, which we set on it ourselves, for the server's
	 * table (getrlimit, kill's permission, ps's user). */
	if (!st && (st = stage_limits_and_user(ps->ep, s->def))) {
		proc_process_unstage(ps->ep);
		vg_handle_close(dup);
	}
	int32_t pid = 0;
	if (!st)
		st = proc_process_adopt(ps->ep, dup, args, alen, s->started_ns, &pid);
	if (st)
		printf("init: %s: the process server did not take it (%ld): it has no pid\n",
		       s->name, st);
	else
		s->pid = pid;
}

void viaproc_adopt_all(struct init *in)
{
	for (int i = 0; i < in->nvalid; i++) {
		struct service *s = &in->svcs[i];
		if (s->proc && !s->def->via_proc && s->state == INIT_STATE_RUNNING)
			viaproc_adopt(in, s);
	}
}

long viaproc_signal(struct service *s, int sig)
{
	if (!server_restarted())
		return proc_process_kill(events_ep, s->pid, sig);
	/* Its pid was the old server's (another process's now, maybe), and
	 * nobody routes its signals any more: it is killed through the
	 * handle we hold, and its end watched through it as for a service
	 * we started ourselves (supervise.c). */
	s->pid = 0;
	if (!s->held)
		return ERR_PEER_CLOSED;
	s->proc = s->held;
	s->held = 0;
	/* Killed by SIGKILL, as the process server would (verdigris/exit.h). */
	long st = vg_process_kill(s->proc, VG_EXIT_SIGNAL(SIGKILL, 0));
	supervise_watch(&init, s);
	return st;
}

long viaproc_reap(const struct service *s, int32_t *status)
{
	int32_t child;
	if (server_restarted())
		return ERR_PEER_CLOSED;
	return proc_process_wait(events_ep, s->pid, &child, status);
}
