// SPDX-License-Identifier: BSD-2-Clause
// Process-shared attributes of mutexes, condition variables, read-write
// locks and barriers (and the last two's whole attributes: there is nothing
// else in them). Being shared changes nothing in how the objects work, as
// the kernel's futexes are keyed by the memory, so one in memory that
// several processes map serves them all; a mutex only records its owner's
// process as well (mutex.c).
#include <errno.h>
#include <pthread.h>

static int valid(int pshared)
{
	return pshared == PTHREAD_PROCESS_PRIVATE || pshared == PTHREAD_PROCESS_SHARED;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int pshared)
{
	if (!valid(pshared))
		return EINVAL;
	a->pshared = pshared;
	return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *restrict a, int *restrict pshared)
{
	*pshared = a->pshared;
	return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *a, int pshared)
{
	if (!valid(pshared))
		return EINVAL;
	a->pshared = pshared;
	return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *restrict a, int *restrict pshared)
{
	*pshared = a->pshared;
	return 0;
}

int pthread_rwlockattr_init(pthread_rwlockattr_t *a)
{
	a->pshared = PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *a, int pshared)
{
	if (!valid(pshared))
		return EINVAL;
	a->pshared = pshared;
	return 0;
}

int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *restrict a, int *restrict pshared)
{
	*pshared = a->pshared;
	return 0;
}

int pthread_barrierattr_init(pthread_barrierattr_t *a)
{
	a->pshared = PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_barrierattr_setpshared(pthread_barrierattr_t *a, int pshared)
{
	if (!valid(pshared))
		return EINVAL;
	a->pshared = pshared;
	return 0;
}

int pthread_barrierattr_getpshared(const pthread_barrierattr_t *restrict a, int *restrict pshared)
{
	*pshared = a->pshared;
	return 0;
}
