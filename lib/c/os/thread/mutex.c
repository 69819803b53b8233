// SPDX-License-Identifier: BSD-2-Clause
// Mutexes: a futex word (0 free, 1 held, 2 held with possible sleepers),
// plus the owner and a count for the recursive and error-checking kinds.
#include <errno.h>
#include <pthread.h>

#include "../internal/thread.h"

/* Takes the word; ETIMEDOUT when the deadline passes first. */
static int word_lock(unsigned *w, uint64_t deadline)
{
	unsigned c = 0;
	if (__atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 0;
	if (c != 2)
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
	while (c) {
		int r = __libc_futex_wait(w, 2, deadline);
		c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
		if (c && r == ETIMEDOUT)
			return ETIMEDOUT;
	}
	return 0;
}

static void word_unlock(unsigned *w)
{
	if (__atomic_exchange_n(w, 0, __ATOMIC_RELEASE) == 2)
		__libc_futex_wake(w, 1);
}

int pthread_mutex_init(pthread_mutex_t *restrict m, const pthread_mutexattr_t *restrict a)
{
	*m = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	m->type = a ? a->type : PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return __atomic_load_n(&m->lock, __ATOMIC_RELAXED) ? EBUSY : 0;
}

/* Already held by the caller: what the kind says to do. -1: not held. */
static int relock(pthread_mutex_t *m)
{
	if (m->type == PTHREAD_MUTEX_NORMAL || m->owner != pthread_self())
		return -1;
	if (m->type == PTHREAD_MUTEX_ERRORCHECK)
		return EDEADLK;
	if (m->count == ~0u)
		return EAGAIN;
	m->count++;
	return 0;
}

static int mutex_lock(pthread_mutex_t *m, uint64_t deadline)
{
	int r = relock(m);
	if (r >= 0)
		return r;
	if ((r = word_lock(&m->lock, deadline)))
		return r;
	m->owner = pthread_self();
	m->count = 1;
	return 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	return mutex_lock(m, UINT64_MAX);
}

int pthread_mutex_timedlock(pthread_mutex_t *restrict m, const struct timespec *restrict abstime)
{
	int bad;
	uint64_t deadline = __libc_deadline(abstime, &bad);
	if (bad && __atomic_load_n(&m->lock, __ATOMIC_RELAXED))
		return EINVAL;
	return mutex_lock(m, deadline);
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	int r = relock(m);
	if (r >= 0)
		return r == EDEADLK ? EBUSY : r;
	unsigned c = 0;
	if (!__atomic_compare_exchange_n(&m->lock, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return EBUSY;
	m->owner = pthread_self();
	m->count = 1;
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->type != PTHREAD_MUTEX_NORMAL) {
		if (m->owner != pthread_self())
			return EPERM;
		if (--m->count)
			return 0;
	}
	m->owner = NULL;
	word_unlock(&m->lock);
	return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	a->type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
	if (type != PTHREAD_MUTEX_NORMAL && type != PTHREAD_MUTEX_RECURSIVE &&
	    type != PTHREAD_MUTEX_ERRORCHECK)
		return EINVAL;
	a->type = type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict a, int *restrict type)
{
	*type = a->type;
	return 0;
}
