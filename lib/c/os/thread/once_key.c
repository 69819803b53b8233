// SPDX-License-Identifier: BSD-2-Clause
// pthread_once and thread-specific data (keys with destructors).
//
// Keys are slots in one table of PTHREAD_KEYS_MAX; each thread's values
// live in its struct __pthread with the slot's generation at the time they
// were set. Creating a key starts a new generation of its slot, so values
// that threads set for a deleted key read as NULL for the new one and are
// not passed to its destructor.
#include <errno.h>
#include <pthread.h>

#include "../internal/lock.h"
#include "../internal/thread.h"

enum { ONCE_INIT, ONCE_RUNNING, ONCE_WAITED, ONCE_DONE };

int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	for (;;) {
		int s = __atomic_load_n(once, __ATOMIC_ACQUIRE);
		if (s == ONCE_DONE)
			return 0;
		if (s == ONCE_INIT) {
			if (!__atomic_compare_exchange_n(once, &s, ONCE_RUNNING, 0,
							 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
				continue;
			fn();
			if (__atomic_exchange_n(once, ONCE_DONE, __ATOMIC_RELEASE) == ONCE_WAITED)
				__libc_futex_wake(once, 0x7fffffff);
			return 0;
		}
		if (s == ONCE_RUNNING &&
		    !__atomic_compare_exchange_n(once, &s, ONCE_WAITED, 0, __ATOMIC_RELAXED,
						 __ATOMIC_RELAXED))
			continue;
		__libc_futex_wait(once, ONCE_WAITED, UINT64_MAX);
	}
}

static int keys_lock;
static struct {
	int used;
	unsigned gen;
	void (*destructor)(void *);
} keys[PTHREAD_KEYS_MAX];

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	__libc_lock(&keys_lock);
	for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (!keys[k].used) {
			keys[k].used = 1;
			keys[k].gen++;
			keys[k].destructor = destructor;
			__libc_unlock(&keys_lock);
			*key = k;
			return 0;
		}
	}
	__libc_unlock(&keys_lock);
	return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
	if (key >= PTHREAD_KEYS_MAX)
		return EINVAL;
	__libc_lock(&keys_lock);
	int was = keys[key].used;
	keys[key].used = 0;
	keys[key].destructor = NULL;
	__libc_unlock(&keys_lock);
	return was ? 0 : EINVAL;
}

void *pthread_getspecific(pthread_key_t key)
{
	if (key >= PTHREAD_KEYS_MAX || __libc_self.tsd[key].gen != keys[key].gen)
		return NULL;
	return __libc_self.tsd[key].value;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	if (key >= PTHREAD_KEYS_MAX || !keys[key].used)
		return EINVAL;
	__libc_self.tsd[key].value = (void *)value;
	__libc_self.tsd[key].gen = keys[key].gen;
	return 0;
}

void __libc_tsd_run_destructors(void)
{
	for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		int ran = 0;
		for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
			void *v = __libc_self.tsd[k].value;
			void (*d)(void *) = keys[k].destructor;
			if (v && d && keys[k].used && __libc_self.tsd[k].gen == keys[k].gen) {
				__libc_self.tsd[k].value = NULL;
				d(v);
				ran = 1;
			}
		}
		if (!ran)
			return;
	}
}
