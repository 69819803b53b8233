// SPDX-License-Identifier: BSD-2-Clause
// Kernel threads and the scheduler.
#include <kernel/heap.h>
#include <kernel/ktest.h>
#include <kernel/pmm.h>
#include <kernel/thread.h>
#include <kernel/time.h>
#include <verdigris/errors.h>
#include <verdigris/types.h>

#define MS 1000000ull

static void set_flag(void *arg)
{
	*(volatile int *)arg = 1;
}

KTEST(sched_thread_runs_and_exits)
{
	volatile int flag = 0;
	struct thread *t = thread_create_kernel("flag", set_flag, (void *)&flag, PRIO_DEFAULT);
	KT_ASSERT(t != NULL);
	thread_join(t);
	KT_EXPECT_EQ(flag, 1);
}

static volatile int pingpong[2];

static void ping(void *arg)
{
	int me = (int)(uintptr_t)arg;
	for (int i = 0; i < 100; i++) {
		pingpong[me]++;
		thread_yield();
	}
}

KTEST(sched_yield_alternates_equal_priorities)
{
	pingpong[0] = pingpong[1] = 0;
	struct thread *a = thread_create_kernel("ping", ping, (void *)0, PRIO_DEFAULT + 1);
	struct thread *b = thread_create_kernel("pong", ping, (void *)1, PRIO_DEFAULT + 1);
	KT_ASSERT(a && b);
	/* Both outrank us: we get the CPU back only when both are done. */
	thread_yield();
	KT_EXPECT_EQ(pingpong[0], 100);
	KT_EXPECT_EQ(pingpong[1], 100);
	thread_join(a);
	thread_join(b);
}

KTEST(sched_sleep_waits_until_deadline)
{
	uint64_t t0 = time_ns();
	thread_sleep_until(t0 + 30 * MS);
	uint64_t slept = time_ns() - t0;
	KT_EXPECT(slept >= 30 * MS);
	KT_EXPECT(slept < 300 * MS);
}

static volatile uint64_t spins[2];
static volatile bool stop_spinning;

static void spinner(void *arg)
{
	int me = (int)(uintptr_t)arg;
	while (!stop_spinning)
		spins[me]++;
}

KTEST(sched_preempts_busy_threads)
{
	/* Two threads that never yield, below us: while we sleep they share the
	 * CPU only if the tick preempts them. Wait until both have run (a host
	 * under load delivers few ticks per wall-clock second), at most 2 s. */
	spins[0] = spins[1] = 0;
	stop_spinning = false;
	struct thread *a = thread_create_kernel("spin0", spinner, (void *)0, PRIO_DEFAULT - 1);
	struct thread *b = thread_create_kernel("spin1", spinner, (void *)1, PRIO_DEFAULT - 1);
	KT_ASSERT(a && b);
	uint64_t t0 = time_ns();
	while ((!spins[0] || !spins[1]) && time_ns() - t0 < 2000 * MS)
		thread_sleep_until(time_ns() + 20 * MS);
	stop_spinning = true;
	uint64_t s0 = spins[0], s1 = spins[1];
	thread_join(a);
	thread_join(b);
	KT_EXPECT(s0 > 0);
	KT_EXPECT(s1 > 0);
}

static volatile int order[3], order_n;

static void record_order(void *arg)
{
	order[order_n++] = (int)(uintptr_t)arg;
}

KTEST(sched_higher_priority_runs_first)
{
	/* Above both while creating them, so that a tick in between cannot
	 * start the first before the second exists; then below both. */
	order_n = 0;
	thread_set_priority(thread_current(), PRIO_DEFAULT + 3);
	struct thread *lo = thread_create_kernel("lo", record_order, (void *)1, PRIO_DEFAULT + 1);
	struct thread *hi = thread_create_kernel("hi", record_order, (void *)2, PRIO_DEFAULT + 2);
	thread_set_priority(thread_current(), PRIO_DEFAULT);
	KT_ASSERT(lo && hi);
	KT_EXPECT_EQ(order_n, 2);
	KT_EXPECT_EQ(order[0], 2);
	KT_EXPECT_EQ(order[1], 1);
	thread_join(lo);
	thread_join(hi);
}

KTEST(sched_nice_weighs_time_slices)
{
	KT_EXPECT_EQ(sched_nice_quantum(0), SCHED_SLICE_TICKS);
	KT_EXPECT_EQ(sched_nice_quantum(VG_NICE_MAX), 1);
	KT_EXPECT_EQ(sched_nice_quantum(VG_NICE_MIN), 4 * SCHED_SLICE_TICKS);
	for (int n = VG_NICE_MIN; n < VG_NICE_MAX; n++)
		KT_EXPECT(sched_nice_quantum(n) >= sched_nice_quantum(n + 1));
}

/* A kernel thread made ready with a policy (as a user thread would have). */
static struct thread *start_with_policy(const char *name, void (*fn)(void *), void *arg,
					unsigned policy, int value)
{
	struct thread *t = thread_alloc(name, fn, arg, PRIO_DEFAULT, 0);
	if (t) {
		irqflags_t f = sched_lock();
		thread_set_sched(t, policy, value);
		sched_unlock(f);
		thread_ready(t);
	}
	return t;
}

KTEST(sched_realtime_outranks_timeshared)
{
	/* Above all three while making them; then back among the time-shared.
	 * RR 2 runs first, then FIFO 1, then the nice -20 one (a bigger slice,
	 * never a higher rank), then us. */
	order_n = 0;
	thread_set_priority(thread_current(), PRIO_MAX - 1);
	struct thread *ts =
		start_with_policy("ts", record_order, (void *)1, VG_SCHED_OTHER, VG_NICE_MIN);
	struct thread *rt1 = start_with_policy("rt1", record_order, (void *)2, VG_SCHED_FIFO, 1);
	struct thread *rt2 = start_with_policy("rt2", record_order, (void *)3, VG_SCHED_RR, 2);
	KT_ASSERT(ts && rt1 && rt2);
	thread_set_priority(thread_current(), PRIO_DEFAULT); /* behind ts in its queue */
	KT_EXPECT_EQ(order_n, 3);
	KT_EXPECT_EQ(order[0], 3);
	KT_EXPECT_EQ(order[1], 2);
	KT_EXPECT_EQ(order[2], 1);
	thread_join(ts);
	thread_join(rt1);
	thread_join(rt2);
}

static volatile bool fifo_other_ran;

static void fifo_spin(void *arg)
{
	/* Spins three nice-0 slices: an equal FIFO thread must not get in. */
	(void)arg;
	uint64_t t0 = ticks();
	while (ticks() - t0 < 3 * SCHED_SLICE_TICKS && !fifo_other_ran)
		;
	order[order_n++] = fifo_other_ran ? -1 : 1;
}

static void fifo_mark(void *arg)
{
	(void)arg;
	fifo_other_ran = true;
	order[order_n++] = 2;
}

KTEST(sched_fifo_has_no_time_slice)
{
	order_n = 0;
	fifo_other_ran = false;
	thread_set_priority(thread_current(), PRIO_MAX - 1);
	struct thread *a = start_with_policy("fifo_a", fifo_spin, NULL, VG_SCHED_FIFO, 1);
	struct thread *b = start_with_policy("fifo_b", fifo_mark, NULL, VG_SCHED_FIFO, 1);
	KT_ASSERT(a && b);
	thread_set_priority(thread_current(), PRIO_DEFAULT);
	KT_EXPECT_EQ(order_n, 2);
	KT_EXPECT_EQ(order[0], 1);
	KT_EXPECT_EQ(order[1], 2);
	thread_join(a);
	thread_join(b);
}

static struct wait_queue wq;
static volatile int waiter_result;

static void waiter(void *arg)
{
	uint64_t deadline = (uint64_t)(uintptr_t)arg;
	irqflags_t f = sched_lock();
	waiter_result = wait_queue_block(&wq, deadline ? time_ns() + deadline : DEADLINE_NONE);
	sched_unlock(f);
}

KTEST(sched_wait_queue_wake_and_timeout)
{
	wait_queue_init(&wq);
	waiter_result = 1;
	struct thread *t = thread_create_kernel("waiter", waiter, NULL, PRIO_DEFAULT + 1);
	KT_ASSERT(t);
	thread_yield(); /* it runs and blocks */
	irqflags_t f = sched_lock();
	KT_EXPECT_EQ(wait_queue_wake(&wq, 1, 7), 1);
	sched_unlock(f);
	thread_join(t);
	KT_EXPECT_EQ(waiter_result, 7);

	t = thread_create_kernel("waiter", waiter, (void *)(uintptr_t)(20 * MS), PRIO_DEFAULT + 1);
	KT_ASSERT(t);
	thread_join(t);
	KT_EXPECT_EQ(waiter_result, ERR_TIMED_OUT);
	f = sched_lock();
	KT_EXPECT_EQ(wait_queue_wake(&wq, 1, 0), 0); /* nobody left on it */
	sched_unlock(f);
}

static void nothing(void *arg)
{
	(void)arg;
}

KTEST(sched_thread_create_exit_does_not_leak)
{
	size_t pages = pmm_free_pages();
	size_t bytes = kheap_stats().live_bytes;
	for (int i = 0; i < 200; i++) {
		struct thread *t = thread_create_kernel("short", nothing, NULL, PRIO_DEFAULT);
		KT_ASSERT(t);
		thread_join(t);
	}
	KT_EXPECT_EQ(kheap_stats().live_bytes, bytes);
	/* The heap may keep one empty slab per class cached. */
	KT_EXPECT(pmm_free_pages() + HEAP_NCLASSES >= pages);
	KT_EXPECT(pmm_free_pages() <= pages);
}
