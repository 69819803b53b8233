// SPDX-License-Identifier: BSD-2-Clause
// Ends and waiting. The kernel reports each child's end as a packet on the
// loop's port (its exit code); the process becomes a zombie holding its
// wait status until its parent reaps it, and its own children go to pid 1.
// wait never blocks the server: the parent sleeps on its events
// notification, which every end of one of its children signals.
#include "procsrv.h"
#include <vg/vg.h>

#define SIGSEGV_NUMBER 11 /* what a process the kernel killed for a fault gets */

/* A C library program ended by a signal's default action ends with code
 * 128 + signal (lib/c/os/signal, docs/ARCHITECTURE.md section 15), which
 * is reported as "killed by that signal": so, as in a shell's $?, exit(n)
 * for n in 129-192 is indistinguishable from a signal. */
#define SIGNAL_CODE_FIRST 129
#define SIGNAL_CODE_LAST (128 + 64)

int32_t proc_wait_status(long code, int kill_sig)
{
	if (kill_sig)
		return kill_sig & 0x7f;
	if (code < 0) /* the kernel's code for a fault it killed the process for */
		return SIGSEGV_NUMBER;
	if (code >= SIGNAL_CODE_FIRST && code <= SIGNAL_CODE_LAST)
		return (int32_t)(code - 128);
	return (int32_t)((code & 0xff) << 8);
}

static void notify_parent(struct proc *p)
{
	struct proc *parent = proc_find(p->ppid);
	if (parent && parent->events)
		vg_notification_signal(parent->events, 1);
}

static void on_exit(struct async_loop *loop, struct async_source *src,
		    const struct vg_port_packet *pkt)
{
	struct proc *p = src->ctx;
	async_source_remove(loop, src);
	p->exit_src.key = 0;
	/* A source that went away (never, while we hold the handle) counts as
	 * a kill. */
	long code = pkt->status < 0 ? -1 : (long)pkt->data[0];
	p->status = proc_wait_status(code, p->kill_sig);
	p->state = PROC_STATE_ZOMBIE;
	vg_handle_close(p->process);
	p->process = VG_HANDLE_INVALID;
	proc_unstage(p);
	if (p->events) {
		vg_handle_close(p->events);
		p->events = VG_HANDLE_INVALID;
	}
	/* Orphans go to pid 1, which hears of those that already ended. */
	struct proc *init = proc_find(1);
	bool zombies = false;
	for (size_t i = 0; i < PROC_MAX; i++) {
		struct proc *c = &procsrv.table[i];
		if (c->pid && c->ppid == p->pid) {
			c->ppid = 1;
			zombies |= c->state == PROC_STATE_ZOMBIE;
		}
	}
	if (zombies && init && init->events)
		vg_notification_signal(init->events, 1);
	notify_parent(p);
}

long proc_watch(struct proc *p)
{
	return async_source_add(procsrv.loop, &p->exit_src, p->process, on_exit, p);
}

static bool selected(const struct proc *caller, const struct proc *c, int32_t pid)
{
	if (c->ppid != caller->pid)
		return false;
	if (pid > 0)
		return c->pid == pid;
	if (pid == -1)
		return true;
	return c->pgid == (pid == 0 ? caller->pgid : -pid);
}

long proc_wait(struct proc *caller, int32_t pid, int32_t *child, int32_t *status)
{
	if (pid == INT32_MIN)
		return PROC_PROC_ERROR_NO_CHILD; /* -pid would overflow */
	bool any = false;
	for (size_t i = 0; i < PROC_MAX; i++) {
		struct proc *c = &procsrv.table[i];
		if (!c->pid || !selected(caller, c, pid))
			continue;
		if (c->state == PROC_STATE_ZOMBIE) {
			*child = c->pid;
			*status = c->status;
			proc_free(c);
			return 0;
		}
		any = true;
	}
	return any ? PROC_PROC_ERROR_AGAIN : PROC_PROC_ERROR_NO_CHILD;
}
