// SPDX-License-Identifier: BSD-2-Clause
// Threads and the scheduler (see thread.h).
#include <kernel/heap.h>
#include <kernel/interrupt.h>
#include <kernel/ktimer.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/percpu.h>
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/realtime.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/thread.h>
#include <kernel/time.h>
#include <verdigris/errors.h>
#include <verdigris/types.h>

struct runqueue {
	struct list queue[NUM_PRIOS];
	uint64_t ready_mask; /* bit p set: queue[p] is not empty */
};

spinlock_t sched_spinlock = SPINLOCK_INIT;
#define lock sched_spinlock
static struct runqueue runqueue; /* shared by all CPUs (see percpu.h) */
static struct list sleepers = LIST_INIT(sleepers); /* by deadline, soonest first */
static struct list all_threads = LIST_INIT(all_threads);
static struct thread boot_thread;
static uint64_t next_id = 1;
static struct thread *zombie; /* a detached thread that just died */

struct percpu percpu_cpus[MAX_CPUS];

/* The scheduler's per-CPU state lives in struct percpu: this CPU's. */
#define current (this_cpu()->current)
#define run_queue (this_cpu()->rq->queue)
#define ready_mask (this_cpu()->rq->ready_mask)

void percpu_init(unsigned n)
{
	struct percpu *c = &percpu_cpus[n];
	c->self = c;
	c->cpu = n;
	c->rq = &runqueue;
	arch_set_this_cpu(c);
}

static bool is_realtime(const struct thread *t)
{
	return t->policy != VG_SCHED_OTHER;
}

/* Queues t at the tail of its priority's queue, or at the head. */
static void make_ready_at(struct thread *t, bool head)
{
	t->state = THREAD_READY;
	if (head)
		list_insert_before(run_queue[t->priority].next, &t->run_link);
	else
		list_push_back(&run_queue[t->priority], &t->run_link);
	ready_mask |= 1ull << t->priority;
	if (current && t->priority > current->priority)
		this_cpu()->need_resched = true;
}

static void make_ready(struct thread *t)
{
	make_ready_at(t, false);
}

static struct thread *take_best_ready(void)
{
	if (!ready_mask)
		return NULL;
	int p = 63 - __builtin_clzll(ready_mask);
	struct list *n = list_pop_front(&run_queue[p]);
	if (list_empty(&run_queue[p]))
		ready_mask &= ~(1ull << p);
	return list_entry(n, struct thread, run_link);
}

static void free_thread(struct thread *t)
{
	if (this_cpu()->fpu_owner == t)
		this_cpu()->fpu_owner = NULL;
	list_remove(&t->all_link);
	pmm_free((paddr_t)((uintptr_t)t->kstack - PHYSMAP_BASE), KSTACK_PAGES);
	kfree(t);
}

/* Runs in the thread switched to: the dead one's stack is no longer in use. */
static void reap_zombie(void)
{
	if (zombie) {
		free_thread(zombie);
		zombie = NULL;
	}
}

/*
 * FP state. The kernel never touches the FP/SIMD registers, so they keep
 * user values across kernel entries. With ARCH_FPU_LAZY they belong to one
 * user thread per CPU, this_cpu()->fpu_owner, and only its user mode may use them
 * (arch_fpu_user_access); a switch moves no FP state at all. Another
 * thread's first FP instruction traps into fpu_user_trap, which saves the
 * owner's values (if the arch says they may have changed) and loads the
 * trapping thread's, so FP values never pass from one thread to another.
 * Threads that do not use FP between switches (IPC servers and clients,
 * typically) never pay for it. Without ARCH_FPU_LAZY (x86_64, where the
 * save and restore are one instruction each) switch_to saves and restores
 * them around every switch between user threads.
 */
bool fpu_user_trap(void)
{
#ifdef ARCH_FPU_LAZY
	irqflags_t f = sched_lock();
	struct thread *t = current, *owner = this_cpu()->fpu_owner;
	bool took = t->proc && owner != t;
	if (took) {
		if (owner) {
			if (arch_fpu_dirty(owner))
				arch_fpu_save(owner->fpu);
			arch_fpu_user_access(owner, false);
		}
		arch_fpu_restore(t->fpu);
		this_cpu()->fpu_owner = t;
		arch_fpu_user_access(t, true);
	}
	sched_unlock(f);
	return took;
#else
	return false;
#endif
}

void fpu_state_read(void *state)
{
	/* Under the lock: a switch in between would save the registers over
	 * what we read (eager) or take the ownership away (lazy). */
	irqflags_t f = sched_lock();
	struct thread *t = current;
#ifdef ARCH_FPU_LAZY
	if (this_cpu()->fpu_owner == t && arch_fpu_dirty(t))
		arch_fpu_save(t->fpu);
#else
	arch_fpu_save(t->fpu);
#endif
	memcpy(state, t->fpu, ARCH_FPU_STATE_SIZE);
	sched_unlock(f);
}

void fpu_state_write(const void *state)
{
	irqflags_t f = sched_lock();
	struct thread *t = current;
	memcpy(t->fpu, state, ARCH_FPU_STATE_SIZE);
#ifdef ARCH_FPU_LAZY
	if (this_cpu()->fpu_owner == t) /* else its next FP instruction loads them */
#endif
		arch_fpu_restore(t->fpu);
	sched_unlock(f);
}

/* Switches from the current thread to next (lock held), which is marked
 * running; the current one has set its own state already. Inline in its
 * two callers: it is most of IPC's handoff. */
static inline __attribute__((always_inline)) void switch_to(struct thread *next)
{
	struct percpu *c = this_cpu();
	struct thread *prev = current;
	c->need_resched = false;
	next->state = THREAD_RUNNING;
	if (next->slice <= 0)
		next->slice = next->quantum;
	/* Interruptions to deliver, a stop, or a kill: user_return's slow
	 * path takes care of them (interrupt.c), so that a thread of a killed
	 * process woken from a blocking call never runs its code again. Also
	 * when the thread runs on: a tick in the middle of the system call
	 * that queued them must not clear the flag that gets them delivered
	 * on its way out. */
	if (next->proc &&
	    ((next->intr_count && !next->intr_deferred) | next->proc->suspended |
	     next->proc->killed))
		c->need_resched = true;
	if (next == prev)
		return;
	uint64_t now = arch_counter();
	prev->run_ticks += now - c->switched_at;
	c->switched_at = now;
#ifdef ARCH_FPU_LAZY
	if (prev->state == THREAD_DEAD && c->fpu_owner == prev)
		c->fpu_owner = NULL; /* its values stay until the next owner loads its own */
#else
	if (prev->proc && prev->state != THREAD_DEAD)
		arch_fpu_save(prev->fpu);
#endif
#ifndef ARCH_TLS_IN_FRAME
	arch_tls_switch(prev, next);
#endif
	if (next->proc) {
		/* Kernel threads run in whatever address space is loaded: they
		 * only touch the shared kernel half. */
		paddr_t root = next->proc->as.root;
		if (root != c->active_root) {
			arch_aspace_activate(root);
			c->active_root = root;
		}
		c->kstack_top = thread_stack_top(next);
#ifndef ARCH_KSTACK_IN_PERCPU
		arch_set_kernel_stack(c->kstack_top);
#endif
#if defined(ARCH_FPU_LAZY) && !defined(ARCH_FPU_ACCESS_PER_THREAD)
		arch_fpu_user_access(next, next == c->fpu_owner);
#elif !defined(ARCH_FPU_LAZY)
		arch_fpu_restore(next->fpu);
#endif
#ifdef ARCH_HAS_IOPORTS
		arch_ioports_load(next->proc->io_bitmap, next->proc->obj.koid, false);
#endif
	}
	if (prev->state == THREAD_DEAD && prev->detached)
		zombie = prev;
	current = next;
	arch_context_switch(&prev->arch, &next->arch);
	reap_zombie();
}

/* Picks the next thread and switches to it. Lock held; the current thread
 * has set its own state (RUNNING to stay runnable, else BLOCKED or DEAD). */
static void schedule(void)
{
	/* POSIX: a real-time thread preempted with time left goes back to the
	 * head of its queue (a yield empties its slice: the tail). */
	if (current->state == THREAD_RUNNING)
		make_ready_at(current, is_realtime(current) && current->slice > 0);
	struct thread *next = take_best_ready();
	kassert(next); /* the idle thread is always ready */
	switch_to(next);
}

void sched_handoff(struct thread *next)
{
	/* IPC's fast path: next was blocked and is off every queue; it runs now,
	 * without a trip through the run queues. */
	list_remove(&next->sleep_link);
	next->waiting_on = NULL;
	next->wait_result = 0;
	switch_to(next);
}

_Noreturn void thread_start(void)
{
	/* First run of a new thread: we arrive from schedule() with the lock held. */
	struct thread *t = current;
	reap_zombie();
	spin_unlock(&lock);
	arch_irq_enable();
	t->entry(t->entry_arg);
	thread_exit();
}

static void idle_loop(void *arg)
{
	(void)arg;
	for (;;)
		arch_wait_for_interrupt();
}

void sched_init(void)
{
	for (int p = 0; p < NUM_PRIOS; p++)
		list_init(&runqueue.queue[p]);
	/* The boot context becomes a thread like any other. */
	boot_thread.state = THREAD_RUNNING;
	boot_thread.priority = PRIO_DEFAULT;
	boot_thread.slice = boot_thread.quantum = SCHED_SLICE_TICKS;
	boot_thread.id = next_id++;
	strlcpy(boot_thread.name, "boot", sizeof(boot_thread.name));
	list_init(&boot_thread.run_link);
	list_init(&boot_thread.sleep_link);
	wait_queue_init(&boot_thread.joiners);
	list_push_back(&all_threads, &boot_thread.all_link);
	current = &boot_thread;
	this_cpu()->switched_at = arch_counter();
	this_cpu()->idle = thread_create_kernel("idle", idle_loop, NULL, PRIO_IDLE);
	if (!this_cpu()->idle)
		panic("sched: no memory for the idle thread");
}

struct thread *thread_alloc(const char *name, void (*entry)(void *), void *arg, int priority,
			    size_t stack_reserve)
{
	struct thread *t = kzalloc(sizeof(*t));
	if (!t)
		return NULL;
	paddr_t stack = pmm_alloc(KSTACK_PAGES, 1, 0);
	if (!stack) {
		kfree(t);
		return NULL;
	}
	t->kstack = phys_to_virt(stack);
	t->entry = entry;
	t->entry_arg = arg;
	t->priority = priority < PRIO_IDLE ? PRIO_IDLE : MIN(priority, PRIO_MAX);
	t->quantum = SCHED_SLICE_TICKS;
	strlcpy(t->name, name, sizeof(t->name));
	list_init(&t->run_link);
	list_init(&t->sleep_link);
	list_init(&t->proc_link);
	wait_queue_init(&t->joiners);
	arch_thread_init(t, (void *)(ALIGN_DOWN(thread_stack_top(t) - stack_reserve, 16)));
	irqflags_t f = sched_lock();
	t->id = next_id++;
	list_push_back(&all_threads, &t->all_link);
	sched_unlock(f);
	return t;
}

void thread_ready(struct thread *t)
{
	irqflags_t f = sched_lock();
	make_ready(t);
	sched_unlock(f);
}

struct thread *thread_create_kernel(const char *name, void (*entry)(void *), void *arg,
				    int priority)
{
	struct thread *t = thread_alloc(name, entry, arg, priority, 0);
	if (t)
		thread_ready(t);
	return t;
}

_Noreturn void thread_exit(void)
{
	sched_lock();
	current->state = THREAD_DEAD;
	wait_queue_wake(&current->joiners, 1, 0);
	schedule();
	panic("thread_exit: a dead thread was scheduled");
}

void thread_join(struct thread *t)
{
	irqflags_t f = sched_lock();
	kassert(t != current);
	while (t->state != THREAD_DEAD)
		wait_queue_block(&t->joiners, DEADLINE_NONE);
	/* It switched away for the last time before we could run: its stack is
	 * free to go. */
	free_thread(t);
	sched_unlock(f);
}

void thread_yield(void)
{
	irqflags_t f = sched_lock();
	current->slice = 0; /* to the back of its priority's queue */
	schedule();
	sched_unlock(f);
}

/* Moves t to priority (lock held): a ready thread changes queues, and the
 * running one yields the CPU when a ready thread now ranks above it. */
static void move_to_priority(struct thread *t, int priority)
{
	/* A thread from thread_alloc is READY but queued only by thread_ready. */
	if (t->state == THREAD_READY && !list_empty(&t->run_link)) {
		list_remove(&t->run_link);
		if (list_empty(&run_queue[t->priority]))
			ready_mask &= ~(1ull << t->priority);
		t->priority = priority;
		make_ready(t);
	} else {
		t->priority = priority;
	}
	if (t == current && priority < PRIO_MAX && ready_mask >> (priority + 1))
		this_cpu()->need_resched = true;
	if (this_cpu()->need_resched && t == current)
		schedule();
}

void thread_set_priority(struct thread *t, int priority)
{
	irqflags_t f = sched_lock();
	move_to_priority(t, priority < PRIO_IDLE ? PRIO_IDLE : MIN(priority, PRIO_MAX));
	sched_unlock(f);
}

int sched_nice_quantum(int nice)
{
	/* Linear on each side of nice 0's SCHED_SLICE_TICKS: 19 gets 1 tick
	 * (a fifth of nice 0's CPU when both spin), -20 gets 20 (four times). */
	if (nice >= 0)
		return SCHED_SLICE_TICKS - (SCHED_SLICE_TICKS - 1) * nice / VG_NICE_MAX;
	return SCHED_SLICE_TICKS +
		(4 * SCHED_SLICE_TICKS - SCHED_SLICE_TICKS) * -nice / -VG_NICE_MIN;
}

void thread_set_sched(struct thread *t, unsigned policy, int value)
{
	t->policy = (uint8_t)policy;
	if (policy == VG_SCHED_OTHER) {
		t->nice = (int8_t)value;
		t->quantum = sched_nice_quantum(value);
	} else {
		t->quantum = SCHED_SLICE_TICKS; /* RR's; FIFO's slice never runs out */
	}
	if (t->slice > t->quantum)
		t->slice = t->quantum;
	move_to_priority(t, policy == VG_SCHED_OTHER ? PRIO_DEFAULT : PRIO_DEFAULT + value);
}

static void add_sleeper(struct thread *t)
{
	struct list *pos = sleepers.next;
	while (pos != &sleepers &&
	       list_entry(pos, struct thread, sleep_link)->deadline <= t->deadline)
		pos = pos->next;
	list_insert_before(pos, &t->sleep_link);
}

/* Blocks current (lock held) until woken or the deadline; rt: the
 * wall-clock time the deadline stands for, or 0. */
static int block_current(struct wait_queue *q, uint64_t deadline, uint64_t rt)
{
	struct thread *t = current;
	/* The program's own wait, not a stop (suspension, an exception). */
	if (t->proc && t->proc->intr_hold && !t->proc->intr_entry && !t->no_intr)
		interrupt_hold_lapse(t);
	t->state = THREAD_BLOCKED;
	t->waiting_on = q;
	t->deadline = deadline;
	t->realtime_deadline = rt;
	t->wait_result = 0;
	if (q)
		list_push_back(&q->waiters, &t->run_link);
	if (deadline != DEADLINE_NONE)
		add_sleeper(t);
	schedule();
	return t->wait_result;
}

static void wake(struct thread *t, int result)
{
	if (t->waiting_on)
		list_remove(&t->run_link);
	t->waiting_on = NULL;
	list_remove(&t->sleep_link);
	t->wait_result = result;
	make_ready(t);
}

void sched_wake(struct thread *t, int result)
{
	if (t->state == THREAD_BLOCKED)
		wake(t, result);
}

bool thread_intr_ends_wait(void)
{
	struct thread *t = current;
	/* Held for an entry not yet registered (process_interrupt_hold), or
	 * for the entry to take them: nothing would run, so the wait goes on. */
	if (!t->intr_count || t->no_intr || !t->proc->intr_entry || t->intr_deferred)
		return false;
	/* Delivered on the way out. Queued while the thread ran on another
	 * CPU (queue sends no IPI), it has no need_resched of its own yet:
	 * without it the refused wait would return with nothing delivered
	 * until a tick, and a cancellation point that retries its call
	 * could miss the request. */
	this_cpu()->need_resched = true;
	return true;
}

/* thread_sleep_until, and with realtime until the wall-clock time
 * deadline_ns. That one is converted under the lock: realtime_set stores
 * the offset before it takes the lock to move the sleepers, so a
 * conversion with the old offset is of a sleeper it then moves. */
static int sleep_until(uint64_t deadline_ns, bool realtime)
{
	irqflags_t f = sched_lock();
	uint64_t rt = realtime ? deadline_ns : 0;
	if (realtime)
		deadline_ns = realtime_deadline(rt);
	int err = 0;
	/* As in wait_queue_block: a killed thread must not sleep again, or a
	 * program that sleeps in a loop, rarely current at a tick, would
	 * never reach user_return's exit. */
	if (current->proc && current->proc->killed)
		err = ERR_CANCELED;
	else if (thread_intr_ends_wait())
		err = ERR_INTERRUPTED;
	else if (deadline_ns > time_ns())
		err = block_current(NULL, deadline_ns, rt);
	sched_unlock(f);
	return err;
}

int thread_sleep_until(uint64_t deadline_ns)
{
	return sleep_until(deadline_ns, false);
}

int thread_sleep_until_realtime(uint64_t rt)
{
	return sleep_until(rt, true);
}

void wait_queue_init(struct wait_queue *q)
{
	list_init(&q->waiters);
}

static int block_on(struct wait_queue *q, uint64_t deadline_ns, uint64_t rt)
{
	/* A thread of a killed process only finds its way out. */
	if (current->proc && current->proc->killed)
		return ERR_CANCELED;
	if (thread_intr_ends_wait())
		return ERR_INTERRUPTED;
	if (deadline_ns != DEADLINE_NONE && deadline_ns <= time_ns())
		return ERR_TIMED_OUT;
	return block_current(q, deadline_ns, rt);
}

int wait_queue_block(struct wait_queue *q, uint64_t deadline_ns)
{
	return block_on(q, deadline_ns, 0);
}

int wait_queue_block_realtime(struct wait_queue *q, uint64_t rt)
{
	/* rt 0 is the epoch, always past: realtime_deadline gives 0. */
	return block_on(q, realtime_deadline(rt), rt);
}

int wait_queue_wake(struct wait_queue *q, int n, int result)
{
	int woken = 0;
	while (woken < n && !list_empty(&q->waiters)) {
		wake(list_entry(q->waiters.next, struct thread, run_link), result);
		woken++;
	}
	return woken;
}

/* Ends the sleeps and waits whose deadline is at or before now. */
static void expire_sleepers(uint64_t now)
{
	while (!list_empty(&sleepers)) {
		struct thread *t = list_entry(sleepers.next, struct thread, sleep_link);
		if (t->deadline > now)
			break;
		wake(t, t->waiting_on ? ERR_TIMED_OUT : 0);
	}
}

void sched_realtime_moved(void)
{
	irqflags_t f = sched_lock();
	/* Out of the sorted list, then back in at their new places. */
	struct list moved = LIST_INIT(moved);
	for (struct list *pos = sleepers.next; pos != &sleepers;) {
		struct thread *t = list_entry(pos, struct thread, sleep_link);
		pos = pos->next;
		if (t->realtime_deadline) {
			list_remove(&t->sleep_link);
			list_push_back(&moved, &t->sleep_link);
		}
	}
	struct list *n;
	while ((n = list_pop_front(&moved))) {
		struct thread *t = list_entry(n, struct thread, sleep_link);
		t->deadline = realtime_deadline(t->realtime_deadline);
		add_sleeper(t);
	}
	expire_sleepers(time_ns());
	sched_unlock(f);
}

void sched_tick(void)
{
	irqflags_t f = sched_lock();
	uint64_t now = time_ns();
	expire_sleepers(now);
	ktimers_expire(now);
	/* A thread of a killed process gets to user_return's slow path, which
	 * ends it, within a tick. */
	/* A FIFO thread runs until it blocks, yields or is preempted. */
	if (current && current->policy != VG_SCHED_FIFO && --current->slice <= 0)
		this_cpu()->need_resched = true;
	if (current && current->proc && current->proc->killed)
		this_cpu()->need_resched = true;
	sched_unlock(f);
}

void sched_preempt(void)
{
	if (!current || !this_cpu()->need_resched)
		return;
	irqflags_t f = sched_lock();
	if (this_cpu()->need_resched)
		schedule();
	sched_unlock(f);
}

void sched_drop_aspace(paddr_t root)
{
	irqflags_t f = sched_lock();
	if (this_cpu()->active_root == root) {
		arch_aspace_activate(0);
		this_cpu()->active_root = 0;
	}
	sched_unlock(f);
}

void sched_dump_threads(void)
{
	static const char *const states[] = { "ready", "running", "blocked", "dead" };
	irqflags_t f = sched_lock();
	for (struct list *l = all_threads.next; l != &all_threads; l = l->next) {
		const struct thread *t = list_entry(l, struct thread, all_link);
		const struct process *p = t->proc;
		kprintf("  %-16s %-16s koid %-6llu %-7s%s user pc %#lx\n", t->name,
			p ? p->name : "(kernel)", p ? (unsigned long long)p->obj.koid : 0ull,
			states[t->state], t->deadline ? " (deadline)" : "",
			p && t->uregs ? (unsigned long)arch_regs_pc(t->uregs) : 0ul);
	}
	sched_unlock(f);
}
