// SPDX-License-Identifier: BSD-2-Clause
// Sending signals within the process (raise, pthread_kill, kill of our
// own pid), and the masks: sigprocmask, sigpending, sigsuspend, pause.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
#include <verdigris/exit.h>
#include <verdigris/intr.h>
#include <vg/vg.h>

#include "../internal/signal.h"
#include "../internal/thread.h"

pid_t __libc_pid;
int (*__libc_kill_other)(pid_t pid, int sig);
void (*__libc_sigchld_action)(int caught, int nocldstop, int nocldwait);

static int errno_of(long st)
{
	switch (st) {
	case 0: return 0;
	case ERR_SHOULD_WAIT: return EAGAIN;
	case ERR_PEER_CLOSED: return ESRCH;
	default: return EINVAL;
	}
}

int __libc_sig_send(struct __pthread *t, uint64_t arg, uint64_t value)
{
	int err = __libc_sig_ready();
	if (err)
		return err;
	/* The first thread has no handle of its own, but it is the process's
	 * oldest, which is where process_interrupt goes. */
	return errno_of(t->handle ? vg_thread_interrupt_value(t->handle, arg, value)
				  : vg_process_interrupt_value(vg_self(), arg, value));
}

int __libc_sig_self(uint64_t arg, uint64_t value)
{
	return __libc_sig_send(&__libc_self, arg, value);
}

int pthread_kill(pthread_t t, int sig)
{
	if (sig < 0 || sig >= NSIG)
		return EINVAL;
	if (sig == 0)
		return 0;
	return __libc_sig_send(t, VG_SIGARG(sig, SI_TKILL, 0), 0);
}

int raise(int sig)
{
	int err = pthread_kill(pthread_self(), sig);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

int kill(pid_t pid, int sig)
{
	if (sig < 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	/* Other processes and groups are the process server's (kill.c in
	 * lib/c/os/proc sets the hook); without one, 0 is our own process. */
	if (pid != __libc_pid && __libc_kill_other)
		return __libc_kill_other(pid, sig);
	if (pid != 0 && pid != __libc_pid) {
		errno = ESRCH;
		return -1;
	}
	long st = 0;
	if (sig == SIGKILL)
		st = vg_process_kill(vg_self(), VG_EXIT_SIGNAL(SIGKILL, 0));
	else if (sig == SIGSTOP)
		st = vg_process_suspend(vg_self(), 1);
	else if (SIG_QUEUED(sig))
		/* Queued, as the process server does it for another process:
		 * counted, refused when the queue is full (sigqueue.c). */
		st = __libc_sigq_full()
			? EAGAIN
			: __libc_sig_self(VG_SIGARG(sig, SI_USER, __libc_pid) | VG_INTR_COUNTED, 0);
	else if (sig)
		st = __libc_sig_self(VG_SIGARG(sig, SI_USER, __libc_pid), 0);
	if (st) {
		errno = st > 0 ? (int)st : errno_of(st);
		return -1;
	}
	return 0;
}

/* A process group: kill of its negated id (0: the caller's own group). */
int killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}

int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	sigset_t mask = __libc_sig_mask;
	if (set) {
		switch (how) {
		case SIG_BLOCK: mask |= *set; break;
		case SIG_UNBLOCK: mask &= ~*set; break;
		case SIG_SETMASK: mask = *set; break;
		default: return EINVAL;
		}
	}
	if (old)
		*old = __libc_sig_mask;
	__libc_sigchld_wanted(mask);
	__libc_sig_mask = mask & ~SIG_UNBLOCKABLE;
	__libc_sig_flush();
	return 0;
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	int err = pthread_sigmask(how, set, old);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

int sigpending(sigset_t *set)
{
	*set = __libc_sig_pending_all();
	return 0;
}

static void restore_mask(void *old)
{
	__libc_sig_mask = *(sigset_t *)old;
	__libc_sig_flush();
}

/* A cancellation point: a cancelled thread has its mask back for its
 * cleanup handlers. */
int sigsuspend(const sigset_t *mask)
{
	if (__libc_sig_ready()) {
		errno = EINVAL;
		return -1;
	}
	sigset_t old = __libc_sig_mask;
	uint32_t before = (uint32_t)__libc_sig_handled();
	pthread_cleanup_push(restore_mask, &old);
	__libc_sig_mask = *mask & ~SIG_UNBLOCKABLE;
	__libc_sig_flush();
	/* The count of handlers is a futex word: one that runs between the
	 * read above and the wait makes the wait return at once, one that
	 * arrives during it ends it with ERR_INTERRUPTED. */
	while ((uint32_t)__libc_sig_handled() == before)
		__libc_cp_futex_wait(__libc_sig_handled_word(), before, UINT64_MAX);
	pthread_cleanup_pop(1);
	errno = EINTR;
	return -1;
}

int pause(void)
{
	sigset_t mask = __libc_sig_mask;
	return sigsuspend(&mask);
}
