// SPDX-License-Identifier: BSD-2-Clause
// Futexes: wait while a user word holds an expected value, wake waiters on
// it. Waiters are keyed by the memory the word is in, (VMO, offset)
// (aspace_memory_key), in a small hash table of wait queues, so that a word
// in a VMO that several processes map is one futex for all of them
// (PTHREAD_PROCESS_SHARED, sem_init with pshared); a fork's copy-on-write
// child is another VMO, so its private words stay apart. The check of the
// word and the block happen under the scheduler lock, so a wake between
// them cannot be lost.
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

#define FUTEX_BUCKETS 64

static struct wait_queue buckets[FUTEX_BUCKETS];
static bool ready;

static struct wait_queue *bucket(uintptr_t object, uint64_t offset)
{
	if (!ready) {
		for (int i = 0; i < FUTEX_BUCKETS; i++)
			wait_queue_init(&buckets[i]);
		ready = true;
	}
	uintptr_t h = (uintptr_t)(offset >> 2) ^ (object >> 6);
	return &buckets[(h ^ (h >> 7)) % FUTEX_BUCKETS];
}

/* futex_wait until deadline: a monotonic time, or with realtime a
 * wall-clock one (futex_wait_realtime), which follows sets of the clock. */
static long futex_wait(const uint32_t *addr, uint32_t expected, uint64_t deadline, bool realtime)
{
	if ((uintptr_t)addr & 3)
		return ERR_INVALID_ARGS;
	struct thread *me = thread_current();
	uintptr_t object;
	uint64_t offset;
	aspace_memory_key(&current_process()->as, (uintptr_t)addr, &object, &offset);
	irqflags_t f = sched_lock();
	struct wait_queue *q = bucket(object, offset);
	uint32_t now;
	/* A fault in the copy is recovered by the exception table; the page is
	 * not brought in here, so a never-touched word reads as a fault. */
	long ret = copy_from_user(&now, addr, sizeof(now));
	if (!ret && now != expected)
		ret = ERR_SHOULD_WAIT;
	if (!ret) {
		me->ipc_badge = offset; /* which word we sleep on, for wake */
		me->ipc_msg[0] = object;
		ret = realtime ? wait_queue_block_realtime(q, deadline)
			       : wait_queue_block(q, deadline);
	}
	sched_unlock(f);
	return ret;
}

long sys_futex_wait(const uint32_t *addr, uint32_t expected, uint64_t deadline_ns)
{
	return futex_wait(addr, expected, deadline_ns, false);
}

long sys_futex_wait_realtime(const uint32_t *addr, uint32_t expected, uint64_t realtime_ns)
{
	return futex_wait(addr, expected, realtime_ns, true);
}

long sys_futex_wake(const uint32_t *addr, uint32_t count)
{
	if ((uintptr_t)addr & 3)
		return ERR_INVALID_ARGS;
	uintptr_t object;
	uint64_t offset;
	aspace_memory_key(&current_process()->as, (uintptr_t)addr, &object, &offset);
	long woken = 0;
	irqflags_t f = sched_lock();
	struct wait_queue *q = bucket(object, offset);
	/* The bucket may hold waiters on other words: wake only ours. */
	struct list *pos = q->waiters.next;
	while (pos != &q->waiters && woken < count) {
		struct thread *t = list_entry(pos, struct thread, run_link);
		pos = pos->next;
		if (t->ipc_badge == offset && t->ipc_msg[0] == object) {
			sched_wake(t, 0);
			woken++;
		}
	}
	sched_unlock(f);
	return woken;
}
