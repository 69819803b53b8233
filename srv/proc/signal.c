// SPDX-License-Identifier: BSD-2-Clause
// kill: who may signal whom, and what a signal does to a process. Signal
// numbers are POSIX's as Linux numbers them (1-31, and 32-64 for the
// real-time ones), so that the libc's <signal.h> and this table agree.
//
// Delivery decides in one place, proc_deliver, on the kernel's
// interruptions (docs/ARCHITECTURE.md, section 15): SIGKILL ends the
// process; SIGSTOP suspends it and SIGCONT resumes it; every other signal
// is an interruption the target's C library turns into its handler or
// its default action (which may be to stop, through process_suspend).
// A program that set up no interruption entry gets the default action
// here: ignored, stopped, or ended with "killed by signal N".
#include "procsrv.h"
#include <verdigris/intr.h>
#include <vg/vg.h>

#define SIG_MAX 64
#define SIGHUP_NUMBER 1
#define SIGCONT_NUMBER 18
#define SIGSTOP_NUMBER 19

enum default_action { TERMINATE, IGNORE, STOP };

static enum default_action default_action(int32_t sig)
{
	switch (sig) {
	case 17: /* SIGCHLD */
	case 18: /* SIGCONT */
	case 23: /* SIGURG */
	case 28: /* SIGWINCH */ return IGNORE;
	case 19: /* SIGSTOP */
	case 20: /* SIGTSTP */
	case 21: /* SIGTTIN */
	case 22: /* SIGTTOU */ return STOP;
	default: return TERMINATE;
	}
}

bool proc_signal_valid(int32_t sig)
{
	return sig >= 0 && sig <= SIG_MAX;
}

static void end_with(struct proc *p, int32_t sig)
{
	p->kill_sig = sig;
	vg_process_kill(p->process, VG_EXIT_SIGNAL_DEFAULT(sig));
}

/* The default action, for a program with no interruption entry (it
 * cannot catch signals): but the signals its creator left blocked or
 * ignored stay so (POSIX's exec keeps both, and such a program never
 * changes them): one ignored is dropped, one blocked stays pending for
 * ever (the program can never take it). */
static void without_entry(struct proc *p, int32_t sig)
{
	if (sig <= 0 || (sig < 64 && ((p->sigs.blocked | p->sigs.ignored) >> sig) & 1))
		return;
	switch (default_action(sig)) {
	case IGNORE: break;
	case STOP: vg_process_suspend(p->process, 1); break;
	case TERMINATE: end_with(p, sig); break;
	}
}

/* proc_deliver with a value (sigqueue's): the kernel's answer to the
 * interruption (ERR_SHOULD_WAIT: 16 wait already), or 0. */
static long deliver(struct proc *p, int32_t sig, int32_t code, int32_t from, int32_t status,
		    uint64_t value, uint64_t counted)
{
	/* Nothing reaches a zombie, nor pid 1 (the root task, which this
	 * server did not start and holds no handle to, like init on Unix
	 * which gets no signal it did not ask for). */
	if (!sig || p->state != PROC_STATE_RUNNING || !p->process || p->kill_sig || p->is_server)
		return 0;
	if (sig == SIGKILL_NUMBER) {
		end_with(p, sig);
		return 0;
	}
	/* The signal a stop reports to waitid: this one, if it stops. */
	if (default_action(sig) == STOP)
		p->stop_sig = sig;
	if (sig == SIGSTOP_NUMBER) {
		vg_process_suspend(p->process, 1);
		return 0;
	}
	if (sig == SIGCONT_NUMBER)
		vg_process_suspend(p->process, 0);
	long st = vg_process_interrupt_value(
		p->process, VG_SIGARG_WITH_STATUS(VG_SIGARG(sig, code, from), status) | counted,
		value);
	if (st != ERR_BAD_STATE)
		return st;
	without_entry(p, sig);
	return 0;
}

void proc_unheld(struct proc *p)
{
	uint64_t held[VG_INTR_WAITING_MAX][2];
	long n;
	while (p->process && !p->kill_sig &&
	       (n = vg_process_interrupt_unhold(p->process, &held[0][0], VG_INTR_WAITING_MAX)) > 0)
		for (long i = 0; i < n && !p->kill_sig; i++)
			without_entry(p, VG_SIGARG_SIG(held[i][0]));
}

void proc_deliver(struct proc *p, int32_t sig, int32_t code, int32_t from, int32_t status)
{
	/* Delivered, or coalesced with the ones still queued (ERR_SHOULD_WAIT),
	 * or the process is already gone. */
	(void)deliver(p, sig, code, from, status, 0, 0);
}

/* POSIX's rule: the sender's real or effective uid is the target's real
 * or saved one, or the sender is privileged (effective uid 0, the kill
 * right, pid 1); SIGCONT may go to any process of the sender's session.
 * pid 1 gets nothing from anyone else (proc_deliver would drop it). */
static bool may_signal(const struct proc *caller, const struct proc *p, int32_t sig)
{
	/* This server's own entry (adopt): a stop would leave nobody to
	 * continue it, an end nobody to report it; its supervisor (init)
	 * ends it through its own handle. */
	if (p->is_server)
		return false;
	if (caller == p || caller->pid == 1)
		return true;
	if (p->pid == 1)
		return false;
	const struct proc_ids *s = &caller->ids, *t = &p->ids;
	return s->euid == 0 || caller->kill_any || s->ruid == t->ruid || s->ruid == t->suid ||
		s->euid == t->ruid || s->euid == t->suid ||
		(sig == SIGCONT_NUMBER && caller->sid == p->sid);
}

long proc_grant_kill(struct proc *caller, int32_t pid)
{
	if (caller->pid != 1)
		return PROC_PROC_ERROR_DENIED;
	struct proc *p = proc_find(pid);
	if (!p || p->state == PROC_STATE_ZOMBIE)
		return PROC_PROC_ERROR_NO_PROCESS;
	p->kill_any = true;
	return 0;
}

/* The live leader of session sid, or NULL. */
static struct proc *session_leader(int32_t sid)
{
	struct proc *leader = proc_find(sid);
	if (!leader || leader->sid != leader->pid || leader->state == PROC_STATE_ZOMBIE)
		return NULL;
	return leader;
}

long proc_terminal(struct proc *caller, int32_t sid, int32_t pgid)
{
	if (caller->pid != 1)
		return PROC_PROC_ERROR_DENIED;
	if (pgid < 0)
		return PROC_PROC_ERROR_INVALID;
	struct proc *leader = session_leader(sid);
	if (!leader)
		return PROC_PROC_ERROR_NO_PROCESS;
	leader->tty_fg = pgid;
	return 0;
}

long proc_terminal_device(struct proc *caller, int32_t sid, uint64_t rdev)
{
	if (caller->pid != 1)
		return PROC_PROC_ERROR_DENIED;
	struct proc *leader = session_leader(sid);
	if (!leader)
		return PROC_PROC_ERROR_NO_PROCESS;
	leader->tty_dev = rdev;
	return 0;
}

uint64_t proc_ctty(const struct proc *caller)
{
	struct proc *leader = session_leader(caller->sid);
	return leader ? leader->tty_dev : 0;
}

void proc_hangup(struct proc *p)
{
	if (p->sid != p->pid || p->tty_fg <= 1)
		return;
	/* SIGCONT after SIGHUP: a stopped group wakes to act on it. */
	for (size_t i = 0; i < PROC_MAX; i++) {
		struct proc *q = &procsrv.table[i];
		if (q->pid && q != p && q->pgid == p->tty_fg) {
			proc_deliver(q, SIGHUP_NUMBER, 0, p->pid, 0);
			proc_deliver(q, SIGCONT_NUMBER, 0, p->pid, 0);
		}
	}
	p->tty_fg = 0;
}

#define SI_QUEUE_CODE (-1)
#define SIGRTMIN_NUMBER 32

/* A real-time signal is queued, never merged, whoever sends it (kill or
 * sigqueue): the kernel counts it for the target (VG_INTR_COUNTED, at
 * most SIGQUEUE_MAX, 32, not yet taken) and refuses one that cannot wait
 * (ERR_SHOULD_WAIT: the queue is full, or 16 interruptions wait for the
 * thread). deliver's answer. */
static long send(struct proc *p, int32_t sig, int32_t code, int32_t from, uint64_t value)
{
	return deliver(p, sig, code, from, 0, value, sig >= SIGRTMIN_NUMBER ? VG_INTR_COUNTED : 0);
}

/* kill's: a real-time signal that could not be queued is refused (EAGAIN
 * to the sender); another merges with one still pending. */
static long kill_one(struct proc *caller, struct proc *p, int32_t sig)
{
	long st = send(p, sig, 0 /* SI_USER */, caller->pid, 0);
	return st == ERR_SHOULD_WAIT && sig >= SIGRTMIN_NUMBER ? PROC_PROC_ERROR_FULL : 0;
}

long proc_kill(struct proc *caller, int32_t pid, int32_t sig)
{
	if (!proc_signal_valid(sig))
		return PROC_PROC_ERROR_INVALID;
	if (pid > 0) {
		struct proc *p = proc_find(pid);
		if (!p)
			return PROC_PROC_ERROR_NO_PROCESS;
		if (!may_signal(caller, p, sig))
			return PROC_PROC_ERROR_DENIED;
		return kill_one(caller, p, sig);
	}
	if (pid == INT32_MIN)
		return PROC_PROC_ERROR_NO_PROCESS;
	/* A group (0: the caller's), or -1: everyone the caller may signal
	 * but pid 1 and the caller. As on Linux, sent when it reached one of
	 * them: EAGAIN only when every queue was full. */
	int32_t pgid = pid == 0 ? caller->pgid : -pid;
	bool found = false, allowed = false, sent = false;
	for (size_t i = 0; i < PROC_MAX; i++) {
		struct proc *p = &procsrv.table[i];
		if (!p->pid || (pid == -1 ? p->pid == 1 || p == caller : p->pgid != pgid))
			continue;
		found = true;
		if (!may_signal(caller, p, sig))
			continue;
		allowed = true;
		sent |= !kill_one(caller, p, sig);
	}
	if (!found)
		return PROC_PROC_ERROR_NO_PROCESS;
	if (!allowed)
		return PROC_PROC_ERROR_DENIED;
	return sent ? 0 : PROC_PROC_ERROR_FULL;
}

long proc_sigqueue(struct proc *caller, int32_t pid, int32_t sig, uint64_t value)
{
	if (!proc_signal_valid(sig) || pid <= 0)
		return PROC_PROC_ERROR_INVALID;
	struct proc *p = proc_find(pid);
	if (!p)
		return PROC_PROC_ERROR_NO_PROCESS;
	if (!may_signal(caller, p, sig))
		return PROC_PROC_ERROR_DENIED;
	/* Not merged either when it is an ordinary signal: refused when 16
	 * interruptions wait for the thread. */
	return send(p, sig, SI_QUEUE_CODE, caller->pid, value) == ERR_SHOULD_WAIT
		? PROC_PROC_ERROR_FULL
		: 0;
}
