// SPDX-License-Identifier: BSD-2-Clause
// The futex lock of <vg/lock.h>. A contender marks the word 2 before it
// sleeps and keeps it 2 when it takes the lock, since others may still be
// asleep; only an unlock that finds 2 pays for a wake.
#include <vg/lock.h>
#include <vg/vg.h>

long vg_futex_wait_until(const uint32_t *word, uint32_t expected, uint64_t deadline)
{
	if (vg_deadline_is_realtime(deadline))
		return vg_futex_wait_realtime(word, expected, deadline & ~VG_DEADLINE_REALTIME);
	return vg_futex_wait(word, expected, deadline);
}

long vg_lock_until(uint32_t *word, uint64_t deadline)
{
	uint32_t c = 0;
	if (__atomic_compare_exchange_n(word, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 0;
	if (c != 2)
		c = __atomic_exchange_n(word, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		long r = vg_futex_wait_until(word, 2, deadline);
		c = __atomic_exchange_n(word, 2, __ATOMIC_ACQUIRE);
		if (c != 0 && r == ERR_TIMED_OUT)
			return ERR_TIMED_OUT;
	}
	return 0;
}

void vg_lock(uint32_t *word)
{
	vg_lock_until(word, UINT64_MAX);
}

bool vg_trylock(uint32_t *word)
{
	uint32_t c = 0;
	return __atomic_compare_exchange_n(word, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void vg_unlock(uint32_t *word)
{
	if (__atomic_exchange_n(word, 0, __ATOMIC_RELEASE) == 2)
		vg_futex_wake(word, 1);
}
