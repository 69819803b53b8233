// SPDX-License-Identifier: BSD-2-Clause
// Services started through the process server (via = proc): they get a
// pid of their own, as children of init (pid 1), and a POSIX life (their
// handle to the process server, signals, waitpid). The server tells init
// of its children's ends through its events notification; init reaps them
// with the non-blocking wait and hands each exit to the policy.
#include "initd.h"
#include <proc.h>
#include <stdio.h>
#include <string.h>

static struct async_source events_src;
static vg_handle_t events_ep; /* the process server we listen to */

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
		struct service *s = by_pid(in, child);
		if (s) {
			s->pid = 0;
			service_exited(in, s, status);
		}
	}
	async_source_arm(loop, src);
}

/* The first start through server ps: listen to its events. */
static long listen(struct init *in, const struct service *ps)
{
	if (events_ep)
		return events_ep == ps->ep ? 0 : ERR_NOT_SUPPORTED;
	vg_handle_t note;
	long st = proc_process_events(ps->ep, &note);
	if (!st)
		st = async_source_add(&in->loop, &events_src, note, children_ended, in);
	if (!st)
		events_ep = ps->ep;
	return st;
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

long viaproc_signal(const struct service *s, int sig)
{
	return proc_process_kill(events_ep, s->pid, sig);
}

long viaproc_reap(const struct service *s, int32_t *status)
{
	int32_t child;
	return proc_process_wait(events_ep, s->pid, &child, status);
}
