/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_THREAD_H
#define KERNEL_THREAD_H

#include <kernel/hal.h>
#include <kernel/list.h>
#include <kernel/percpu.h>
#include <kernel/spinlock.h>
#include <kernel/vmo.h>

/*
 * Threads and the scheduler. Priorities 0 (idle) to 63, one run queue each
 * and a bitmap of the non-empty ones, so that picking the next thread is
 * one count of leading zeros; the highest ready priority runs, and a
 * thread made ready above the running one preempts it. User threads have a
 * policy (docs/ARCHITECTURE.md section 9): time-shared ones (VG_SCHED_OTHER)
 * all run at PRIO_DEFAULT, round-robin with a time slice their nice value
 * weighs (sched_nice_quantum); real-time ones (VG_SCHED_FIFO, VG_SCHED_RR)
 * at PRIO_DEFAULT + their priority, above every time-shared thread, FIFO
 * without a time slice. Kernel threads keep the priority they were made
 * with (the watchdog at PRIO_MAX, above every user thread). A thread blocks on a wait queue (or
 * just sleeps) with an optional deadline; wakers pass it a result code. Everything here runs with
 * interrupts disabled inside the scheduler lock; the lock is one global
 * spinlock for now, to be split per CPU when SMP comes.
 */
#define PRIO_IDLE 0
#define PRIO_DEFAULT 16
#define PRIO_MAX 63
#define NUM_PRIOS 64
#define SCHED_SLICE_TICKS 5 /* nice 0's */
#define KSTACK_PAGES 4
#define DEADLINE_NONE UINT64_MAX
#define THREAD_INTR_MAX 16 /* interruptions waiting per thread */

enum thread_state { THREAD_READY, THREAD_RUNNING, THREAD_BLOCKED, THREAD_DEAD };

struct wait_queue {
	struct list waiters;
};

struct process;

struct thread {
	struct arch_thread arch; /* saved kernel context; arch_context_switch's */
	enum thread_state state;
	int priority;
	int slice; /* ticks left in the time slice */
	int quantum; /* the time slice it gets, in ticks */
	uint8_t policy; /* VG_SCHED_* */
	int8_t nice; /* VG_SCHED_OTHER's weight */
	struct list run_link; /* run queue or wait queue */
	struct list sleep_link; /* the deadline list, when blocked with one */
	struct wait_queue *waiting_on;
	uint64_t deadline;
	/* The wall-clock time the deadline stands for, or 0 for a monotonic
	 * one: sched_realtime_moved computes the deadline again from it. */
	uint64_t realtime_deadline;
	int wait_result;
	void *kstack; /* lowest address */
	void (*entry)(void *);
	void *entry_arg;
	uint64_t id;
	uint64_t run_ticks; /* CPU time, in arch_counter() ticks */
	char name[24];
	struct list all_link;
	struct wait_queue joiners; /* woken when the thread dies */
	bool detached; /* freed by the scheduler when it dies */
	struct process *proc; /* NULL for kernel threads */
	struct list proc_link;
	struct arch_regs *uregs; /* user registers, at the top of the kernel stack */
	uintptr_t tls; /* the user thread pointer (arch_tls_set) */
	struct thread_obj *tobj; /* a user thread's object (process.h) */
	struct port_binding *exc; /* while stopped on an exception (process.c) */
	uint8_t fpu[ARCH_FPU_STATE_SIZE] __attribute__((aligned(16)));
	/* Interruptions (interrupt.c): args waiting for the next return to
	 * user mode, oldest at intr_head; the thread's alternate stack. */
	uint64_t intr_args[THREAD_INTR_MAX];
	uint64_t intr_values[THREAD_INTR_MAX]; /* the frame's addr: sigqueue's value */
	uint8_t intr_head, intr_count;
	bool no_intr; /* blocked in a wait that interruptions must not end */
	/* A frame was delivered: no other until the entry has taken the rest
	 * (interrupt_take) or returned (interrupt.c). */
	bool intr_deferred;
	uintptr_t intr_stack, intr_stack_size;
	/* IPC (kernel/core/ipc.c). */
	struct thread *reply_to; /* the caller this thread owes a reply (one-shot) */
	struct thread *replier; /* the thread holding our reply right */
	uint64_t ipc_msg[5]; /* tag and words 0-3, while queued as a sender */
	uint64_t ipc_badge;
	/* The IPC buffer's two pages (ipc_buffer.c), pinned; has_ipc_buf
	 * changes under the scheduler lock, the pins under vmo_lock. */
	bool has_ipc_buf;
	struct vmo_pin ipc_pin[2];
};

void sched_init(void);
static inline struct thread *thread_current(void)
{
	return this_cpu()->current;
}
/* A kernel thread, ready to run entry(arg) at the priority. NULL when out
 * of memory. */
struct thread *thread_create_kernel(const char *name, void (*entry)(void *), void *arg,
				    int priority);
/* The same in two steps, for callers that finish setting the thread up
 * before it may run. stack_reserve bytes at the top of the kernel stack are
 * left for the caller (a user thread's register frame). */
struct thread *thread_alloc(const char *name, void (*entry)(void *), void *arg, int priority,
			    size_t stack_reserve);
void thread_ready(struct thread *t);
/* The top of t's kernel stack. */
static inline uintptr_t thread_stack_top(const struct thread *t)
{
	return (uintptr_t)t->kstack + KSTACK_PAGES * PAGE_SIZE;
}
/* Ends the calling thread; its stack is freed by whoever reaps it next. */
_Noreturn void thread_exit(void);
void thread_yield(void);
/* Sleeps until the monotonic clock reaches deadline_ns: 0, or
 * ERR_INTERRUPTED for a user thread with an interruption waiting. */
int thread_sleep_until(uint64_t deadline_ns);
/* The same until the wall clock (realtime.h) reaches rt: the deadline
 * follows every later set of the clock, as POSIX's absolute
 * CLOCK_REALTIME waits do (a set past rt ends the sleep at once). */
int thread_sleep_until_realtime(uint64_t rt);
/* The wall clock was set: every wait until a wall-clock time gets its
 * deadline from the new offset, and those now past end (as timeouts). */
void sched_realtime_moved(void);
/* Prints every thread: name, process, state, where it resumes in user
 * mode (the test boots' watchdog, watchdog.c). */
void sched_dump_threads(void);
void thread_set_priority(struct thread *t, int priority);
/* Sets t's policy (VG_SCHED_*) and, for the real-time ones, its priority
 * (1 to VG_SCHED_RT_MAX), or for VG_SCHED_OTHER its nice (VG_NICE_MIN to
 * VG_NICE_MAX); the caller checked them. Takes effect at once: the thread
 * moves between run queues, and the caller yields if it now ranks below a
 * ready thread. Lock held. */
void thread_set_sched(struct thread *t, unsigned policy, int value);
/* The time slice, in ticks, of a time-shared thread with that nice. */
int sched_nice_quantum(int nice);
/* Waits for t to die, then frees it. One joiner per thread. */
void thread_join(struct thread *t);

/* Whether the current thread has an interruption waiting that ends its
 * waits (unless no_intr); if so it is delivered when the thread next
 * returns to user mode. Scheduler lock held. */
bool thread_intr_ends_wait(void);

void wait_queue_init(struct wait_queue *q);
/* Blocks the caller on q until woken or the deadline passes; returns the
 * waker's result, or ERR_TIMED_OUT (ERR_CANCELED at once in a killed
 * process, ERR_INTERRUPTED with an interruption waiting, unless no_intr). Call with the scheduler
 * lock held (sched_lock) after deciding to wait; it is released while blocked and held again on
 * return. */
int wait_queue_block(struct wait_queue *q, uint64_t deadline_ns);
/* wait_queue_block until the wall clock reaches rt (a deadline that
 * follows sets of the clock, as in thread_sleep_until_realtime). */
int wait_queue_block_realtime(struct wait_queue *q, uint64_t rt);
/* Wakes up to n waiters (oldest first) with result; returns how many. */
int wait_queue_wake(struct wait_queue *q, int n, int result);

/* The first waiter, or NULL; and taking a waiter off its queue while it
 * stays blocked (IPC picks its partner this way). Lock held. */
static inline struct thread *wait_queue_first(struct wait_queue *q)
{
	return list_empty(&q->waiters) ? NULL
				       : list_entry(q->waiters.next, struct thread, run_link);
}

static inline void wait_queue_remove(struct thread *t)
{
	/* Off the queue but still blocked: the caller hands it on. */
	list_remove(&t->run_link);
	t->waiting_on = NULL;
}
/* Wakes t with result if it is blocked. Lock held. */
void sched_wake(struct thread *t, int result);
/* Blocks the caller (whose state the caller set) and runs next, a blocked
 * thread taken off its queue, at once. Lock held; returns when the caller
 * runs again, with its wait result in thread_current()->wait_result. */
void sched_handoff(struct thread *next);

/* The current user thread's FP/SIMD values: copied out to state, or
 * replaced by state (both ARCH_FPU_STATE_SIZE bytes), lazy switching or
 * not. */
void fpu_state_read(void *state);
void fpu_state_write(const void *state);

/* The scheduler lock (inline: it is on every IPC's path). */
extern spinlock_t sched_spinlock;
static inline irqflags_t sched_lock(void)
{
	return spin_lock_irqsave(&sched_spinlock);
}

static inline void sched_unlock(irqflags_t f)
{
	spin_unlock_irqrestore(&sched_spinlock, f);
}

/* Stops using the user page tables at root (before they are freed). */
void sched_drop_aspace(paddr_t root);

/* From the timer interrupt: accounting, deadlines, preemption. */
void sched_tick(void);
/* On the way out of an interrupt: switch if a better thread is ready. */
void sched_preempt(void);
/* The same, with the common case (nothing to do) inline. */
static inline void sched_preempt_check(void)
{
	if (this_cpu()->need_resched)
		sched_preempt();
}

/* ---- arch (hal_arch.h defines struct arch_thread) ---- */
/* Prepares t so that the first switch to it runs thread_start() on the
 * stack ending at stack_top. */
void arch_thread_init(struct thread *t, void *stack_top);
/* Saves the current kernel context in from and resumes to. */
void arch_context_switch(struct arch_thread *from, struct arch_thread *to);
/* Generic: where a new thread begins, with interrupts disabled. */
_Noreturn void thread_start(void);

#endif
