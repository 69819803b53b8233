// SPDX-License-Identifier: BSD-2-Clause
// Barriers: the last of count arrivals starts a new generation and wakes
// the others, who sleep on the generation word.
#include <errno.h>
#include <pthread.h>

#include "../internal/lock.h"
#include "../internal/thread.h"

int pthread_barrier_init(pthread_barrier_t *restrict b, const pthread_barrierattr_t *restrict a,
			 unsigned count)
{
	(void)a;
	if (!count)
		return EINVAL;
	b->lock = 0;
	b->count = count;
	b->waiting = 0;
	b->gen = 0;
	return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b)
{
	return b->waiting ? EBUSY : 0;
}

int pthread_barrier_wait(pthread_barrier_t *b)
{
	__libc_lock(&b->lock);
	unsigned gen = b->gen;
	if (++b->waiting == b->count) {
		b->waiting = 0;
		__atomic_store_n(&b->gen, gen + 1, __ATOMIC_RELEASE);
		__libc_futex_wake(&b->gen, 0x7fffffff);
		__libc_unlock(&b->lock);
		return PTHREAD_BARRIER_SERIAL_THREAD;
	}
	__libc_unlock(&b->lock);
	while (__atomic_load_n(&b->gen, __ATOMIC_ACQUIRE) == gen)
		__libc_futex_wait(&b->gen, gen, UINT64_MAX);
	return 0;
}
