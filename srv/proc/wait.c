// SPDX-License-Identifier: BSD-2-Clause
// Ends, stops and waiting. The kernel reports each child's end as a packet
// on the loop's port (its exit code); the process becomes a zombie holding
// its wait status until its parent reaps it (or is reaped at once when the
// parent ignores SIGCHLD or set SA_NOCLDWAIT), and its own children go to
// pid 1. Stops and continuations (process_suspend, whoever made it) come
// as packets too (process_watch_stops) and wait to be reported. Each
// change signals the parent's events notification and sends it SIGCHLD
// (not for stops and continuations with SA_NOCLDSTOP). wait never blocks
// the server: the parent sleeps on its events notification.
#include "procsrv.h"
#include <vg/vg.h>

#define SIGSTOP_NUMBER 19
#define SIGCONT_NUMBER 18
/* SIGCHLD's si_code (<signal.h>). */
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_STOPPED 5
#define CLD_CONTINUED 6
#define STATUS_CONTINUED 0xffff

/* Tells p's parent that p changed (SIGCHLD with code and si_status). */
static void notify_parent(struct proc *p, int32_t code, int32_t status)
{
	struct proc *parent = proc_find(p->ppid);
	if (!parent)
		return;
	if (parent->events)
		vg_notification_signal(parent->events, 1);
	bool stop_change = code == CLD_STOPPED || code == CLD_CONTINUED;
	if (parent->sigchld_caught && !(stop_change && parent->nocldstop))
		proc_deliver(parent, SIGCHLD_NUMBER, code, p->pid, status);
}

static void on_stop(struct proc *p, bool stopped)
{
	p->change = stopped ? PROC_WAIT_STOPPED : PROC_WAIT_CONTINUED;
	if (stopped && !p->stop_sig)
		p->stop_sig = SIGSTOP_NUMBER; /* stopped by itself (raise, kill) */
	notify_parent(p, stopped ? CLD_STOPPED : CLD_CONTINUED,
		      stopped ? p->stop_sig : SIGCONT_NUMBER);
	if (!stopped)
		p->stop_sig = 0;
}

/* c's parent has ended: if c is a fork it never finished (another of its
 * threads called exit, or it was killed, between our fork and the child's
 * first thread), nothing else can start it, and it would stay in the
 * table and the kernel (its handle table holds a handle to itself, and
 * its copies of the parent's open files) for ever. It never ran: no
 * thread now means none ever (a process whose threads all ended is dead).
 * Give it a thread that dies before reaching user mode, as the C
 * library's fork does when it fails, so that the kernel ends it: the
 * process suspended first (its stops unwatched: no stop to report), so
 * that the thread waits at its first return to user mode for the kill,
 * instead of faulting at pc 0 with a crash report if it ran first. */
static void end_unborn(struct proc *c)
{
	struct vg_process_info info;
	vg_handle_t thread;
	if (c->state != PROC_STATE_RUNNING || !c->process || vg_process_info(c->process, &info) ||
	    info.threads || info.state != VG_PROCESS_RUNNING ||
	    vg_process_watch_stops(c->process, 0) || vg_process_suspend(c->process, 1) ||
	    vg_thread_create(c->process, 0, 0, 0, 0, &thread))
		return;
	vg_handle_close(thread);
	vg_process_kill(c->process, -1);
	c->unborn = true;
}

static void on_event(struct async_loop *loop, struct async_source *src,
		     const struct vg_port_packet *pkt)
{
	struct proc *p = src->ctx;
	if (pkt->status >= 0 && pkt->type == VG_PACKET_PROCESS_STOP) {
		async_source_arm(loop, src);
		on_stop(p, pkt->data[0] != 0);
		return;
	}
	if (pkt->status >= 0 && pkt->type == VG_PACKET_PROCESS_UNHELD) {
		async_source_arm(loop, src);
		proc_unheld(p);
		return;
	}
	async_source_remove(loop, src);
	p->exit_src.key = 0;
	if (p->unborn) {
		proc_free(p); /* nobody ever saw it: no status, no SIGCHLD */
		return;
	}
	/* The kernel keeps how it ended (abi/verdigris/exit.h): an exit code
	 * apart from a signal's end, whoever sent the signal. A source that
	 * went away (never, while we hold the handle) counts as a kill. */
	long code = pkt->status < 0 ? VG_EXIT_SIGNAL(SIGKILL_NUMBER, 0) : (long)pkt->data[0];
	p->status = vg_exit_wait_status(code);
	p->state = PROC_STATE_ZOMBIE;
	vg_handle_close(p->process);
	p->process = VG_HANDLE_INVALID;
	proc_unstage(p);
	if (p->events) {
		vg_handle_close(p->events);
		p->events = VG_HANDLE_INVALID;
	}
	proc_hangup(p);
	/* Orphans go to pid 1, which hears of those that already ended. */
	struct proc *init = proc_find(1);
	bool zombies = false;
	for (size_t i = 0; i < PROC_MAX; i++) {
		struct proc *c = &procsrv.table[i];
		if (c->pid && c->ppid == p->pid) {
			c->ppid = 1;
			zombies |= c->state == PROC_STATE_ZOMBIE;
			end_unborn(c);
		}
	}
	if (zombies && init && init->events)
		vg_notification_signal(init->events, 1);
	p->change = 0;
	/* p->status is a wait status: the signal in the low bits (bit 7 the
	 * core dump), else the exit code above them. */
	if (p->status & 0x7f)
		notify_parent(p, p->status & 0x80 ? CLD_DUMPED : CLD_KILLED, p->status & 0x7f);
	else
		notify_parent(p, CLD_EXITED, (p->status >> 8) & 0xff);
	struct proc *parent = proc_find(p->ppid);
	if (parent && parent->nocldwait)
		proc_free(p); /* no zombie: its parent does not wait */
}

long proc_watch(struct proc *p)
{
	/* One that has already ended has no stops to report: its exit
	 * packet comes all the same. */
	long st = vg_process_watch_stops(p->process, 1);
	if (st && st != ERR_PEER_CLOSED)
		return st;
	return async_source_add(procsrv.loop, &p->exit_src, p->process, on_event, p);
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

/* c's change that flags ask for, as a wait status: true when there is one. */
static bool reportable(const struct proc *c, uint32_t flags, int32_t *status)
{
	if (c->state == PROC_STATE_ZOMBIE) {
		*status = c->status;
		return flags & PROC_WAIT_EXITED;
	}
	if (c->change & flags & PROC_WAIT_STOPPED) {
		*status = 0x7f | (c->stop_sig & 0xff) << 8;
		return true;
	}
	*status = STATUS_CONTINUED;
	return c->change & flags & PROC_WAIT_CONTINUED;
}

long proc_wait(struct proc *caller, int32_t pid, uint32_t flags, int32_t *child, int32_t *status)
{
	if (pid == INT32_MIN)
		return PROC_PROC_ERROR_NO_CHILD; /* -pid would overflow */
	if ((flags &
	     ~(PROC_WAIT_EXITED | PROC_WAIT_STOPPED | PROC_WAIT_CONTINUED | PROC_WAIT_NOWAIT)) ||
	    !(flags & ~PROC_WAIT_NOWAIT))
		return PROC_PROC_ERROR_INVALID;
	bool any = false;
	for (size_t i = 0; i < PROC_MAX; i++) {
		struct proc *c = &procsrv.table[i];
		if (!c->pid || !selected(caller, c, pid))
			continue;
		any = true;
		if (!reportable(c, flags, status))
			continue;
		*child = c->pid;
		if (flags & PROC_WAIT_NOWAIT)
			return 0;
		if (c->state == PROC_STATE_ZOMBIE)
			proc_free(c);
		else
			c->change = 0;
		return 0;
	}
	return any ? PROC_PROC_ERROR_AGAIN : PROC_PROC_ERROR_NO_CHILD;
}
