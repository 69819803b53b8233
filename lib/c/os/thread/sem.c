// SPDX-License-Identifier: BSD-2-Clause
// Unnamed semaphores: the count in one word, decremented by compare and
// swap; waiters announce themselves so that sem_post makes a system call
// only when someone may sleep. A process-shared semaphore needs nothing
// more: the futex is keyed by the memory, whichever process maps it.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>

#include <vg/lock.h>
#include <vg/syscall.h>

#include "../internal/signal.h"
#include "../internal/thread.h"

int sem_init(sem_t *s, int pshared, unsigned value)
{
	(void)pshared;
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	s->value = value;
	s->waiters = 0;
	return 0;
}

int sem_destroy(sem_t *s)
{
	(void)s;
	return 0;
}

static int take(sem_t *s)
{
	unsigned v = __atomic_load_n(&s->value, __ATOMIC_SEQ_CST);
	while (v) {
		if (__atomic_compare_exchange_n(&s->value, &v, v - 1, 1, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return 1;
	}
	return 0;
}

int sem_trywait(sem_t *s)
{
	if (take(s))
		return 0;
	errno = EAGAIN;
	return -1;
}

/* A waiter cancelled in its wait: it is no longer one, and a post that
 * woke it just before is passed on to another. */
static void cancelled(void *arg)
{
	sem_t *s = arg;
	__atomic_fetch_sub(&s->waiters, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&s->value, __ATOMIC_SEQ_CST))
		__libc_futex_wake(&s->value, 1);
}

/* A cancellation point. */
int sem_timedwait(sem_t *restrict s, const struct timespec *restrict abstime)
{
	pthread_testcancel();
	if (take(s))
		return 0;
	int bad;
	uint64_t deadline = __libc_deadline(abstime, &bad);
	if (bad) {
		errno = EINVAL;
		return -1;
	}
	/* Sequentially consistent with sem_post's increment and load: either
	 * the poster sees this waiter or the take below sees the post. */
	__atomic_fetch_add(&s->waiters, 1, __ATOMIC_SEQ_CST);
	int r = 0;
	bool got;
	uint64_t handled = __libc_sig_handled();
	pthread_cleanup_push(cancelled, s);
	while (!(got = take(s)) && !r) {
		/* A signal handler ends the wait with EINTR (POSIX; SA_RESTART
		 * does not restart sem_wait). */
		bool was = __libc_cp_enter();
		long st = vg_futex_wait_until(&s->value, 0, deadline);
		__libc_cp_leave(was);
		if (st == ERR_TIMED_OUT)
			r = ETIMEDOUT;
		else if (st == ERR_INTERRUPTED && __libc_sig_eintr(handled, 0))
			r = EINTR;
	}
	pthread_cleanup_pop(0);
	__atomic_fetch_sub(&s->waiters, 1, __ATOMIC_RELEASE);
	if (!got) {
		errno = r;
		return -1;
	}
	return 0;
}

int sem_wait(sem_t *s)
{
	return sem_timedwait(s, NULL);
}

int sem_post(sem_t *s)
{
	unsigned v = __atomic_load_n(&s->value, __ATOMIC_RELAXED);
	do {
		if (v >= SEM_VALUE_MAX) {
			errno = EOVERFLOW;
			return -1;
		}
	} while (!__atomic_compare_exchange_n(&s->value, &v, v + 1, 1, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	if (__atomic_load_n(&s->waiters, __ATOMIC_SEQ_CST))
		__libc_futex_wake(&s->value, 1);
	return 0;
}

int sem_getvalue(sem_t *restrict s, int *restrict value)
{
	*value = (int)__atomic_load_n(&s->value, __ATOMIC_RELAXED);
	return 0;
}
