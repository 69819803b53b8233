// SPDX-License-Identifier: BSD-2-Clause
// Futexes: wait while a user word holds an expected value, wake waiters on
// it. Waiters are keyed by (address space, user address) in a small hash
// table of wait queues; the check of the word and the block happen under the
// scheduler lock, so a wake between them cannot be lost.
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

#define FUTEX_BUCKETS 64

static struct wait_queue buckets[FUTEX_BUCKETS];
static bool ready;

static struct wait_queue *bucket(const struct aspace *as, uintptr_t addr)
{
	if (!ready) {
		for (int i = 0; i < FUTEX_BUCKETS; i++)
			wait_queue_init(&buckets[i]);
		ready = true;
	}
	uintptr_t h = (addr >> 2) ^ ((uintptr_t)as >> 6);
	return &buckets[(h ^ (h >> 7)) % FUTEX_BUCKETS];
}

long sys_futex_wait(const uint32_t *addr, uint32_t expected, uint64_t deadline_ns)
{
	if ((uintptr_t)addr & 3)
		return ERR_INVALID_ARGS;
	struct process *p = current_process();
	struct thread *me = thread_current();
	irqflags_t f = sched_lock();
	struct wait_queue *q = bucket(&p->as, (uintptr_t)addr);
	uint32_t now;
	/* A fault in the copy is recovered by the exception table; the page is
	 * not brought in here, so a never-touched word reads as a fault. */
	long ret = copy_from_user(&now, addr, sizeof(now));
	if (!ret && now != expected)
		ret = ERR_SHOULD_WAIT;
	if (!ret) {
		me->ipc_badge = (uintptr_t)addr; /* which word we sleep on, for wake */
		me->ipc_msg[0] = (uintptr_t)&p->as;
		ret = wait_queue_block(q, deadline_ns);
	}
	sched_unlock(f);
	return ret;
}

long sys_futex_wake(const uint32_t *addr, uint32_t count)
{
	if ((uintptr_t)addr & 3)
		return ERR_INVALID_ARGS;
	struct process *p = current_process();
	long woken = 0;
	irqflags_t f = sched_lock();
	struct wait_queue *q = bucket(&p->as, (uintptr_t)addr);
	/* The bucket may hold waiters on other words: wake only ours. */
	struct list *pos = q->waiters.next;
	while (pos != &q->waiters && woken < count) {
		struct thread *t = list_entry(pos, struct thread, run_link);
		pos = pos->next;
		if (t->ipc_badge == (uintptr_t)addr && t->ipc_msg[0] == (uintptr_t)&p->as) {
			sched_wake(t, 0);
			woken++;
		}
	}
	sched_unlock(f);
	return woken;
}
