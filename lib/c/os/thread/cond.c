// SPDX-License-Identifier: BSD-2-Clause
// Condition variables: a sequence number that every signal and broadcast
// advances; a waiter sleeps on the value it read before releasing the
// mutex, so a wake between the two is never lost (the futex sees the
// changed word and returns at once). Wake-ups may be spurious, as POSIX
// allows.
#include <errno.h>
#include <pthread.h>

#include "../internal/thread.h"

int pthread_cond_init(pthread_cond_t *restrict c, const pthread_condattr_t *restrict a)
{
	c->seq = 0;
	c->clock = a ? a->clock : CLOCK_REALTIME;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

/* What a waiter gives back before it waits, retaken however it ends. */
struct held {
	pthread_cond_t *c;
	pthread_mutex_t *m;
	unsigned count;
};

static void retake(struct held *h)
{
	pthread_mutex_lock(h->m);
	h->m->count = h->count;
}

/* A waiter cancelled in its wait: a signal that woke it just before goes
 * on to another waiter (a spurious wake-up at worst), then the mutex is
 * taken back for the cleanup handlers. */
static void cancelled(void *arg)
{
	struct held *h = arg;
	__libc_futex_wake(&h->c->seq, 1);
	retake(h);
}

/* A cancellation point: a cancelled waiter takes the mutex back before
 * its cleanup handlers run (POSIX), through the handler pushed here. */
int pthread_cond_timedwait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m,
			   const struct timespec *restrict abstime)
{
	int bad;
	uint64_t deadline = __libc_deadline_on(c->clock, abstime, &bad);
	if (bad)
		return EINVAL;
	if (m->type != PTHREAD_MUTEX_NORMAL && !__libc_mutex_owned(m))
		return EPERM;
	unsigned seq = __atomic_load_n(&c->seq, __ATOMIC_ACQUIRE);
	/* A recursive mutex is released whole and taken back as it was. */
	struct held h = { c, m, m->count };
	m->count = 1;
	pthread_mutex_unlock(m);
	int r;
	pthread_cleanup_push(cancelled, &h);
	r = __libc_cp_futex_wait(&c->seq, seq, deadline);
	pthread_cleanup_pop(0);
	retake(&h);
	return r;
}

int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m)
{
	return pthread_cond_timedwait(c, m, NULL);
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
	__libc_futex_wake(&c->seq, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
	__libc_futex_wake(&c->seq, 0x7fffffff);
	return 0;
}

int pthread_condattr_init(pthread_condattr_t *a)
{
	a->clock = CLOCK_REALTIME;
	a->pshared = PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	a->clock = clock;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *restrict a, clockid_t *restrict clock)
{
	*clock = a->clock;
	return 0;
}
