// SPDX-License-Identifier: BSD-2-Clause
// Read-write locks that prefer writers: a reader waits while a writer holds
// the lock or waits for it. State under an internal lock; readers and
// writers sleep on their own sequence words.
#include <errno.h>
#include <pthread.h>

#include "../internal/lock.h"
#include "../internal/thread.h"

int pthread_rwlock_init(pthread_rwlock_t *restrict l, const pthread_rwlockattr_t *restrict a)
{
	(void)a;
	*l = (pthread_rwlock_t)PTHREAD_RWLOCK_INITIALIZER;
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
	return l->readers || l->writer ? EBUSY : 0;
}

static int rdlock(pthread_rwlock_t *l, uint64_t deadline, int try)
{
	__libc_lock(&l->lock);
	while (l->writer || l->wwait) {
		unsigned seq = l->rseq;
		__libc_unlock(&l->lock);
		if (try)
			return EBUSY;
		if (__libc_futex_wait(&l->rseq, seq, deadline) == ETIMEDOUT)
			return ETIMEDOUT;
		__libc_lock(&l->lock);
	}
	l->readers++;
	__libc_unlock(&l->lock);
	return 0;
}

static int wrlock(pthread_rwlock_t *l, uint64_t deadline, int try)
{
	__libc_lock(&l->lock);
	while (l->writer || l->readers) {
		if (try) {
			__libc_unlock(&l->lock);
			return EBUSY;
		}
		unsigned seq = l->wseq;
		l->wwait++;
		__libc_unlock(&l->lock);
		int r = __libc_futex_wait(&l->wseq, seq, deadline);
		__libc_lock(&l->lock);
		l->wwait--;
		if (r == ETIMEDOUT && (l->writer || l->readers)) {
			/* Readers held back for this writer may go now. */
			if (!l->wwait && !l->writer) {
				l->rseq++;
				__libc_futex_wake(&l->rseq, 0x7fffffff);
			}
			__libc_unlock(&l->lock);
			return ETIMEDOUT;
		}
	}
	l->writer = 1;
	__libc_unlock(&l->lock);
	return 0;
}

int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
	__libc_lock(&l->lock);
	if (l->writer)
		l->writer = 0;
	else if (l->readers)
		l->readers--;
	else {
		__libc_unlock(&l->lock);
		return EPERM;
	}
	if (!l->readers && l->wwait) {
		l->wseq++;
		__libc_futex_wake(&l->wseq, 1);
	} else if (!l->wwait) {
		l->rseq++;
		__libc_futex_wake(&l->rseq, 0x7fffffff);
	}
	__libc_unlock(&l->lock);
	return 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
	return rdlock(l, UINT64_MAX, 0);
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
	return rdlock(l, 0, 1);
}

int pthread_rwlock_timedrdlock(pthread_rwlock_t *restrict l, const struct timespec *restrict t)
{
	int bad;
	uint64_t deadline = __libc_deadline(t, &bad);
	return bad ? EINVAL : rdlock(l, deadline, 0);
}

int pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
	return wrlock(l, UINT64_MAX, 0);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
	return wrlock(l, 0, 1);
}

int pthread_rwlock_timedwrlock(pthread_rwlock_t *restrict l, const struct timespec *restrict t)
{
	int bad;
	uint64_t deadline = __libc_deadline(t, &bad);
	return bad ? EINVAL : wrlock(l, deadline, 0);
}
