// SPDX-License-Identifier: BSD-2-Clause
// Spin locks: one word taken by compare and swap. On a processor shared by
// several threads, spinning while the holder is not running only burns
// its time slice, so after a few tries the waiter yields to let it run.
#include <errno.h>
#include <pthread.h>
#include <vg/vg.h>

#define SPINS 64

int pthread_spin_init(pthread_spinlock_t *l, int pshared)
{
	(void)pshared; /* a word in shared memory works the same */
	*l = 0;
	return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *l)
{
	return __atomic_load_n(l, __ATOMIC_RELAXED) ? EBUSY : 0;
}

int pthread_spin_trylock(pthread_spinlock_t *l)
{
	int c = 0;
	return __atomic_compare_exchange_n(l, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED) ? 0
											    : EBUSY;
}

int pthread_spin_lock(pthread_spinlock_t *l)
{
	for (unsigned n = 1; pthread_spin_trylock(l); n++) {
		/* Wait for it to look free before trying again. */
		while (__atomic_load_n(l, __ATOMIC_RELAXED))
			if (n++ % SPINS == 0)
				vg_thread_yield();
	}
	return 0;
}

int pthread_spin_unlock(pthread_spinlock_t *l)
{
	__atomic_store_n(l, 0, __ATOMIC_RELEASE);
	return 0;
}
