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
/* info for an interruption's arg (VG_SIGARG) and value (sigqueue's
 * si_value, which the frame's addr carries). */
void __libc_sig_info(uint64_t arg, uint64_t value, siginfo_t *info);
/* A signal's arg as the library sends it again within the process
 * (forwarded to another thread, or to itself when unblocked): a count the
 * kernel took for it (VG_INTR_COUNTED, sigqueue's) moves to SIGARG_CREDIT,
 * so that it is not counted twice; __libc_sig_give_back returns it when
 * the signal is no longer kept (handled, ignored, taken by sigwait). */
#define SIGARG_CREDIT (1ull << 25)
uint64_t __libc_sig_resend_arg(uint64_t arg);
void __libc_sig_give_back(uint64_t arg);
/* Removes the lowest pending signal in set, the calling thread's first,
 * then the process's, and returns it with its info; 0 when none is. */
int __libc_sig_take(sigset_t set, siginfo_t *info);
/* Sends arg (VG_SIGARG) and value (si_value) to the calling thread: its
 * entry runs before this returns. 0 or an errno value. */
int __libc_sig_self(uint64_t arg, uint64_t value);
/* Sends arg and value to thread t (the caller's own struct for itself;
 * the first thread through process_interrupt). 0 or an errno value
 * (ESRCH: it has ended; EAGAIN: 16 interruptions wait). */
struct __pthread;
int __libc_sig_send(struct __pthread *t, uint64_t arg, uint64_t value);
/* The interruption entry is registered (once per process; each thread's
 * alternate stack with it). 0 or an errno value. */
int __libc_sig_ready(void);
/* Sends the calling thread's pending signals that its mask now lets
 * through, and the process's. */
void __libc_sig_flush(void);
/* Around a handler (os/signal/ipcbuf.c): the interrupted code's IPC
 * buffer is set aside in *h (the entry's), so that the handler's own calls
 * use another, and put back. The records of nested handlers are linked,
 * innermost first: setjmp keeps the innermost's address in jmp_buf word
 * __LIBC_JMP_HANDLERS (__libc_setjmp_save, which setjmp.S ends with), and
 * longjmp and siglongjmp end every record made since
 * (__libc_handler_ipc_unwind), freeing each left handler's buffer. */
struct vg_ipc_buffer;
struct __libc_handler_ipc {
	struct __libc_handler_ipc *outer;
	struct vg_ipc_buffer *interrupted;
};
#define __LIBC_JMP_HANDLERS 29
void __libc_handler_ipc_begin(struct __libc_handler_ipc *h);
void __libc_handler_ipc_end(struct __libc_handler_ipc *h);
__attribute__((visibility("hidden"))) int __libc_setjmp_save(unsigned long *env);
void __libc_handler_ipc_unwind(const unsigned long *env);
/* In a forked child: nothing is pending (POSIX). */
void __libc_sig_forked(void);
/* The signals that are SIG_IGN, for a new program (exec, posix_spawn). */
sigset_t __libc_sig_ignored(void);
/* A new program's start: the mask, pending signals and ignored actions
 * its creator passed (VG_HTAG_SIGNALS), if any, and the entry registered
 * (__libc_sig_ready) once the mask is in place. */
void __libc_sig_inherit(void);

/* The queue of blocked real-time signals (sigqueue.c): each one sent is
 * kept, with its arg and value, for its thread (owner) or the process
 * (owner NULL), until taken oldest first. Lock-free: the entry adds to
 * it, on any thread, whatever the interrupted code was doing. */
#define SIG_QUEUED(sig) ((sig) >= SIGRTMIN) /* to SIGRTMAX, the last signal */
_Static_assert(SIGRTMAX == NSIG - 1, "the real-time signals end the set");
/* false when the queue is full (_SC_SIGQUEUE_MAX signals wait). */
bool __libc_sigq_put(const struct __pthread *owner, uint64_t arg, uint64_t value);
/* The oldest of sig for owner, false when none; *more: others remain. */
bool __libc_sigq_take(const struct __pthread *owner, int sig, uint64_t *arg, uint64_t *value,
		      bool *more);
bool __libc_sigq_full(void);
/* The queued signals sig of owner, oldest first, at most max (exec passes
 * them on); they stay queued. */
struct vg_startup_signal;
size_t __libc_sigq_peek(const struct __pthread *owner, int sig, struct vg_startup_signal *out,
			size_t max);
/* The pending signals of set (the calling thread's and the process's)
 * one by one, in the order they are to be kept again, at most max: how
 * many. */
size_t __libc_sig_export(sigset_t set, struct vg_startup_signal *out, size_t max);
/* In a forked child: empty. */
void __libc_sigq_clear(void);
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
bool __libc_crash_report(const siginfo_t *info, const struct vg_intr_frame *f, int wait_status);

/* The calling thread's mask (in its struct __pthread, where the other
 * threads can see it) and its own pending signals (thread-directed:
 * pthread_kill, raise, faults). */
#define __libc_sig_mask (__libc_self.sig_mask)
extern _Thread_local sigset_t __libc_sig_pending;

/* Set by the process server's client at start-up: our pid (0: unknown,
 * kill takes only 0 as ours), and kill of another process (NULL: ESRCH). */
extern pid_t __libc_pid;
extern int (*__libc_kill_other)(pid_t pid, int sig);
/* sigqueue to another process (NULL: ESRCH). */
extern int (*__libc_sigqueue_other)(pid_t pid, int sig, uint64_t value);
/* Tells the process server SIGCHLD's action (a handler or not; SA_NOCLDSTOP;
 * SA_NOCLDWAIT or SIG_IGN: children are reaped as they end), set with the
 * hooks above (NULL: no server). */
extern void (*__libc_sigchld_action)(int caught, int nocldstop, int nocldwait);

#define SIGBIT(sig) ((sigset_t)1 << (sig))
/* Signals a mask never blocks. */
#define SIG_UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

#endif
