// SPDX-License-Identifier: BSD-2-Clause
// Real-time signals: sigqueue, and the queue that keeps every blocked
// real-time signal with its value until it is delivered or taken
// (docs/ARCHITECTURE.md section 15.1).
//
// Ordinary signals merge while blocked (one pending bit, one arg); a
// real-time one is kept once per sending, here. The pending sets in
// signal.c still say which signals are pending: for a real-time signal
// the bit means "the queue holds some for this owner". The queue is a
// fixed table (SIGQUEUE_MAX slots) with a state word per slot, changed by
// compare-and-swap only, because the signal entry adds to it on whatever
// thread it interrupted, perhaps one in the middle of taking from it. The
// order among signals of one number is a sequence number given at put.
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <verdigris/intr.h>
#include <vg/vg.h>

#include "../internal/signal.h"

enum { SLOT_FREE, SLOT_WRITING, SLOT_FULL, SLOT_TAKING };

struct slot {
	uint32_t state;
	int sig;
	const struct __pthread *owner;
	uint64_t seq, arg, value;
};

static struct slot slots[SIGQUEUE_MAX];
_Static_assert(SIGQUEUE_MAX == VG_INTR_COUNTED_MAX,
	       "the kernel refuses a sigqueue from elsewhere when the queue is full");
static uint64_t next_seq;

int (*__libc_sigqueue_other)(pid_t pid, int sig, uint64_t value);

static bool claim(struct slot *s, uint32_t from, uint32_t to)
{
	return __atomic_compare_exchange_n(&s->state, &from, to, false, __ATOMIC_ACQ_REL,
					   __ATOMIC_RELAXED);
}

bool __libc_sigq_put(const struct __pthread *owner, uint64_t arg, uint64_t value)
{
	for (size_t i = 0; i < SIGQUEUE_MAX; i++) {
		struct slot *s = &slots[i];
		if (!claim(s, SLOT_FREE, SLOT_WRITING))
			continue;
		s->sig = VG_SIGARG_SIG(arg);
		s->owner = owner;
		s->arg = arg;
		s->value = value;
		s->seq = __atomic_fetch_add(&next_seq, 1, __ATOMIC_RELAXED);
		__atomic_store_n(&s->state, SLOT_FULL, __ATOMIC_RELEASE);
		return true;
	}
	return false;
}

static bool holds(const struct slot *s, const struct __pthread *owner, int sig)
{
	return __atomic_load_n(&s->state, __ATOMIC_ACQUIRE) == SLOT_FULL && s->sig == sig &&
		s->owner == owner;
}

bool __libc_sigq_take(const struct __pthread *owner, int sig, uint64_t *arg, uint64_t *value,
		      bool *more)
{
	for (;;) {
		struct slot *oldest = NULL;
		size_t count = 0;
		for (size_t i = 0; i < SIGQUEUE_MAX; i++) {
			struct slot *s = &slots[i];
			if (!holds(s, owner, sig))
				continue;
			count++;
			if (!oldest || s->seq < oldest->seq)
				oldest = s;
		}
		*more = count > 1;
		if (!oldest)
			return false;
		if (!claim(oldest, SLOT_FULL, SLOT_TAKING))
			continue; /* another taker was first: look again */
		if (oldest->sig != sig || oldest->owner != owner) {
			/* Taken and filled again with another signal between the
			 * look and the claim: it stays. */
			__atomic_store_n(&oldest->state, SLOT_FULL, __ATOMIC_RELEASE);
			continue;
		}
		*arg = oldest->arg;
		*value = oldest->value;
		__atomic_store_n(&oldest->state, SLOT_FREE, __ATOMIC_RELEASE);
		return true;
	}
}

size_t __libc_sigq_peek(const struct __pthread *owner, int sig, struct vg_startup_signal *out,
			size_t max)
{
	size_t n = 0;
	/* In sending order: each time the oldest after the last one given. */
	for (const struct slot *last = NULL; n < max; n++) {
		const struct slot *next = NULL;
		for (size_t i = 0; i < SIGQUEUE_MAX; i++) {
			const struct slot *s = &slots[i];
			if (holds(s, owner, sig) && (!last || s->seq > last->seq) &&
			    (!next || s->seq < next->seq))
				next = s;
		}
		if (!next)
			break;
		out[n] = (struct vg_startup_signal){ next->arg, next->value };
		last = next;
	}
	return n;
}

bool __libc_sigq_full(void)
{
	for (size_t i = 0; i < SIGQUEUE_MAX; i++)
		if (__atomic_load_n(&slots[i].state, __ATOMIC_ACQUIRE) == SLOT_FREE)
			return false;
	return true;
}

void __libc_sigq_clear(void)
{
	memset(slots, 0, sizeof(slots));
}

int sigqueue(pid_t pid, int sig, const union sigval value)
{
	uint64_t word = 0;
	memcpy(&word, &value, sizeof(value));
	if (sig < 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	/* Another process: the process server checks kill's permissions and
	 * answers EAGAIN when the target's queue of interruptions is full. */
	if (pid != __libc_pid || pid <= 0) {
		int err = pid > 0 && __libc_sigqueue_other ? __libc_sigqueue_other(pid, sig, word)
							   : ESRCH;
		if (err) {
			errno = err;
			return -1;
		}
		return 0;
	}
	if (sig == 0)
		return 0;
	/* Ours: queued if blocked, so refused when the queue is full. A
	 * real-time one is counted by the kernel as one from another process
	 * is (VG_INTR_COUNTED), so that those are refused when ours fill the
	 * queue. */
	uint64_t arg = VG_SIGARG(sig, SI_QUEUE, __libc_pid);
	int err = SIG_QUEUED(sig) && __libc_sigq_full()
		? EAGAIN
		: __libc_sig_self(SIG_QUEUED(sig) ? arg | VG_INTR_COUNTED : arg, word);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}
