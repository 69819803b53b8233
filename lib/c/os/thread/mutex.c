// SPDX-License-Identifier: BSD-2-Clause
// Mutexes: libvg's futex lock (<vg/lock.h>: 0 free, 1 held, 2 held with
// possible sleepers), plus the owner and a count for the recursive and
// error-checking kinds. A process-shared one also records the owner's
// process (the kernel's id of it, asked each time: a cached one would be
// wrong in a fork's child), since two processes' threads may have the same
// pthread_t.
#include <errno.h>
#include <pthread.h>
#include <vg/lock.h>
#include <vg/vg.h>

#include "../internal/thread.h"

int pthread_mutex_init(pthread_mutex_t *restrict m, const pthread_mutexattr_t *restrict a)
{
	*m = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	m->type = a ? a->type : PTHREAD_MUTEX_DEFAULT;
	m->pshared = a ? a->pshared : PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return __atomic_load_n(&m->lock, __ATOMIC_RELAXED) ? EBUSY : 0;
}

static uint64_t this_process(void)
{
	struct vg_handle_info i;
	return vg_handle_info(vg_self(), &i) ? 0 : i.koid;
}

int __libc_mutex_owned(const pthread_mutex_t *m)
{
	return m->owner == pthread_self() && (!m->pshared || m->owner_process == this_process());
}

static void take_ownership(pthread_mutex_t *m)
{
	m->owner = pthread_self();
	if (m->pshared && m->type != PTHREAD_MUTEX_NORMAL)
		m->owner_process = this_process();
	m->count = 1;
}

/* Already held by the caller: what the kind says to do. -1: not held. */
static int relock(pthread_mutex_t *m)
{
	if (m->type == PTHREAD_MUTEX_NORMAL || !__libc_mutex_owned(m))
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
	if (vg_lock_until(&m->lock, deadline))
		return ETIMEDOUT;
	take_ownership(m);
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
	if (!vg_trylock(&m->lock))
		return EBUSY;
	take_ownership(m);
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->type != PTHREAD_MUTEX_NORMAL) {
		if (!__libc_mutex_owned(m))
			return EPERM;
		if (--m->count)
			return 0;
	}
	m->owner = NULL;
	vg_unlock(&m->lock);
	return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	a->type = PTHREAD_MUTEX_DEFAULT;
	a->pshared = PTHREAD_PROCESS_PRIVATE;
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
