// SPDX-License-Identifier: BSD-2-Clause
// The threads' internals shared by lib/c/os: the per-thread data (in each
// thread's TLS block, so that pthread_self is one thread-pointer-relative
// address), futex waits with absolute deadlines, and the exit stubs
// (lib/c/arch/<arch>/thread_exit.S).
#ifndef LIBC_THREAD_H
#define LIBC_THREAD_H
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

/* CPUs the kernel runs threads on: one (docs/ARCHITECTURE.md section 9);
 * affinity sets and sysconf(_SC_NPROCESSORS_*) report it. */
#define LIBC_NCPUS 1

enum { T_JOINABLE, T_DETACHED, T_EXITING, T_EXITED };
enum { GATE_OPEN, GATE_WAIT, GATE_ABORT };

struct __pthread {
	void *(*fn)(void *);
	void *arg;
	void *result;
	uint32_t state; /* T_*; a futex word: joiners wait for T_EXITED */
	uintptr_t map_base; /* the stack and TLS mapping; 0: the first thread */
	size_t map_len;
	struct __pthread *zombie_next; /* exited detached threads, not yet reaped */
	uint32_t handle; /* the kernel thread's handle (pthread_kill); 0: the first thread */
	bool user_stack; /* pthread_attr_setstack: the mapping is the caller's */
	/* A futex: GATE_WAIT holds a new thread at its start while its
	 * creator sets its policy; GATE_ABORT (refused) ends it unrun. */
	uint32_t sched_gate;
	bool affinity_set; /* affinity holds what pthread_setaffinity_np set */
	cpu_set_t affinity;
	struct __pthread *live_next, *live_prev; /* the living threads (pthread_cancel's ESRCH) */
	/* Cancellation (cancel.c). cancel_pending is set by other threads;
	 * the rest is the thread's own, also read by its interruption entry. */
	uint32_t cancel_pending;
	bool cancel_disabled;
	bool cancel_async;
	bool in_cp; /* inside a cancellation point's wait */
	struct __pthread_cleanup *cleanup; /* the innermost pthread_cleanup_push */
	/* Its signal mask (__libc_sig_mask): written by the thread, read by
	 * the others' interruption entries looking for a thread to take a
	 * process-directed signal (__libc_thread_forward). */
	sigset_t sig_mask;
	struct {
		void *value;
		unsigned gen; /* the key's generation when value was set */
	} tsd[PTHREAD_KEYS_MAX];
};

extern _Thread_local struct __pthread __libc_self;

/* The deadline (<vg/lock.h>'s: monotonic ns, or VG_DEADLINE_REALTIME |
 * a wall-clock time, which follows sets of the clock) of an absolute time
 * on clock (CLOCK_REALTIME or CLOCK_MONOTONIC); UINT64_MAX for NULL, 0 for
 * a time before the epoch. 1 through *bad for an invalid timespec. */
uint64_t __libc_deadline_on(clockid_t clock, const struct timespec *abstime, int *bad);
/* The same on CLOCK_REALTIME, POSIX's clock for timed locks and waits. */
uint64_t __libc_deadline(const struct timespec *abstime, int *bad);
/* futex_wait until such a deadline: 0 when woken or the word differed,
 * ETIMEDOUT at deadline. */
int __libc_futex_wait(const void *word, uint32_t expected, uint64_t deadline);
void __libc_futex_wake(const void *word, uint32_t count);

/* Whether the calling thread holds m (recursive and error-checking kinds). */
int __libc_mutex_owned(const pthread_mutex_t *m);

/* TSD destructors of the calling thread (pthread_exit). */
void __libc_tsd_run_destructors(void);
/* The calling thread's allocator caches back to the shared slabs
 * (pthread_exit). */
void __libc_malloc_thread_exit(void);
/* stdio's buffers out (exit). */
void __libc_stdio_flush_all(void);

/* Cancellation points (cancel.c). A cancellation point's wait is a
 * region: __libc_cp_enter acts on a pending request (the thread exits
 * with PTHREAD_CANCELED through its cleanup handlers), else marks the
 * thread as inside one until __libc_cp_leave(what it returned). A request
 * that arrives inside interrupts the wait and the interruption entry acts
 * on it there, so a wait is never entered with a request missed. Only a
 * wait may be inside: whatever the caller holds across it is released by
 * a cleanup handler it pushed first. */
bool __libc_cp_enter(void);
void __libc_cp_leave(bool was);
/* futex_wait (as __libc_futex_wait) as a cancellation point. */
int __libc_cp_futex_wait(const void *word, uint32_t expected, uint64_t deadline);
/* The interruption entry's part (lib/c/os/signal/signal.c): at its start
 * it takes the thread out of the region (a signal handler is no
 * cancellation point's wait), and before it resumes the interrupted
 * context it puts it back and acts on a request that asks to. */
bool __libc_cancel_entry_begin(void);
void __libc_cancel_entry_end(bool in_cp);
/* Scheduling (sched.c): a pthread_attr_t's policy and priority checked
 * before a thread is made (0 or EINVAL); whether a new thread needs a
 * policy set (explicit, or the creator's when inherited) and which; a
 * policy set on a kernel thread (VG_HANDLE_INVALID: the caller), 0 or an
 * errno. */
int __libc_sched_attr_check(const pthread_attr_t *a);
bool __libc_sched_wanted(const pthread_attr_t *a, int *policy, int *priority);
int __libc_sched_set(uint32_t h, int policy, int priority);
/* Sends arg and value (a process-directed signal the calling thread blocks) to
 * another living thread that does not block signal sig: whether one took
 * it. Only tries the list's lock (the caller is an interruption entry,
 * which may have interrupted its holder). pthread.c. */
bool __libc_thread_forward(int sig, uint64_t arg, uint64_t value);
/* In a forked child: the calling thread is the only one (pthread.c). */
void __libc_threads_forked(void);
/* Whether t is a thread of this process that has not been joined or
 * reaped (pthread.c). */
bool __libc_thread_alive(struct __pthread *t);

_Noreturn void __libc_exit_and_wake(uint32_t *word, uint32_t value);

/* Held around the library's vm_map and vm_unmap calls (lib/c/os/malloc/
 * pages.c, thread stacks): today's kernel does not serialize changes to an
 * address space made by several threads at once. */
extern int __libc_vm_lock;

#endif
