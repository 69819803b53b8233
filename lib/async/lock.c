// SPDX-License-Identifier: BSD-2-Clause
// The futex mutex of <async/lock.h>.
#include <async/lock.h>
#include <vg/vg.h>

void async_lock(uint32_t *word)
{
	uint32_t c = 0;
	if (__atomic_compare_exchange_n(word, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	/* Contended: mark it so, and sleep while someone else holds it. */
	if (c != 2)
		c = __atomic_exchange_n(word, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		vg_futex_wait(word, 2, UINT64_MAX);
		c = __atomic_exchange_n(word, 2, __ATOMIC_ACQUIRE);
	}
}

void async_unlock(uint32_t *word)
{
	if (__atomic_exchange_n(word, 0, __ATOMIC_RELEASE) == 2)
		vg_futex_wake(word, 1);
}
