// SPDX-License-Identifier: BSD-2-Clause
// The signal internals shared by lib/c/os (lib/c/os/signal).
#ifndef LIBC_SIGNAL_INTERNAL_H
#define LIBC_SIGNAL_INTERNAL_H
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "thread.h"

/* How many handlers this thread has run (low half; the high half counts
 * those without SA_RESTART): blocking calls note it before they block and
 * ask __libc_sig_eintr after an ERR_INTERRUPTED. */
uint64_t __libc_sig_handled(void);
/* Whether a blocking call interrupted after `before` should fail with
 * EINTR (a handler ran; for a restartable call, one without SA_RESTART)
 * rather than block again. */
int __libc_sig_eintr(uint64_t before, int restartable);
/* The low half above as a futex word (sigsuspend waits on it). */
const uint32_t *__libc_sig_handled_word(void);
/* Counts the signals that reached the calling thread (left pending or
 * handled), as a futex word: sigwait reads it before it looks at the
 * pending set and sleeps on it. */
const uint32_t *__libc_sig_arrivals_word(void);
/* info for an interruption's arg (VG_SIGARG). */
void __libc_sig_info(uint64_t arg, siginfo_t *info);
/* Removes the lowest pending signal in set, the calling thread's first,
 * then the process's, and returns it with its info; 0 when none is. */
int __libc_sig_take(sigset_t set, siginfo_t *info);
/* Sends arg (VG_SIGARG) to the calling thread: its entry runs before this
 * returns. 0 or an errno value. */
int __libc_sig_self(uint64_t arg);
/* Sends arg to thread t (the caller's own struct for itself; the first
 * thread through process_interrupt). 0 or an errno value (ESRCH: it has
 * ended). */
struct __pthread;
int __libc_sig_send(struct __pthread *t, uint64_t arg);
/* The interruption entry is registered (once per process; each thread's
 * alternate stack with it). 0 or an errno value. */
int __libc_sig_ready(void);
/* Sends the calling thread's pending signals that its mask now lets
 * through, and the process's. */
void __libc_sig_flush(void);
/* In a forked child: nothing is pending (POSIX). */
void __libc_sig_forked(void);
/* The signals pending for the calling thread or the whole process. */
sigset_t __libc_sig_pending_all(void);
/* Signal set contains SIGCHLD, which the caller blocks or waits for: from
 * now on the process server sends it even without a handler, so that it
 * can be pending (sigpending, sigwait). */
void __libc_sigchld_wanted(sigset_t set);

/* Whether n bytes at buf can be read (and written, if writable): 0 or
 * EFAULT, which a fault while touching them gives instead of SIGSEGV
 * (probe.c). */
int __libc_probe(const void *buf, size_t n, bool writable);
/* The interruption entry's part: a fault during a probe goes back to it;
 * returns only when no probe is under way. */
void __libc_probe_fault(void);

/* Logs the crash report of a process about to end with exit_code for
 * info's signal, interrupted in f (lib/c/os/signal/crash.c); false when
 * another report is already under way (the kernel's then serves). */
struct vg_intr_frame;
bool __libc_crash_report(const siginfo_t *info, const struct vg_intr_frame *f, int exit_code);

/* The calling thread's mask (in its struct __pthread, where the other
 * threads can see it) and its own pending signals (thread-directed:
 * pthread_kill, raise, faults). */
#define __libc_sig_mask (__libc_self.sig_mask)
extern _Thread_local sigset_t __libc_sig_pending;

/* Set by the process server's client at start-up: our pid (0: unknown,
 * kill takes only 0 as ours), and kill of another process (NULL: ESRCH). */
extern pid_t __libc_pid;
extern int (*__libc_kill_other)(pid_t pid, int sig);
/* Tells the process server SIGCHLD's action (a handler or not; SA_NOCLDSTOP;
 * SA_NOCLDWAIT or SIG_IGN: children are reaped as they end), set with the
 * hooks above (NULL: no server). */
extern void (*__libc_sigchld_action)(int caught, int nocldstop, int nocldwait);

#define SIGBIT(sig) ((sigset_t)1 << (sig))
/* Signals a mask never blocks. */
#define SIG_UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

#endif
