/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The one futex lock of the system's libraries (lib/c's internal lock and
 * its pthread mutexes, lib/async's locks): a 32-bit word, 0 free, 1 held,
 * 2 held with possible sleepers, so that neither taking a free lock nor
 * releasing one nobody waits for makes a system call. Not recursive, no
 * owner: callers that need those keep them beside the word.
 */
#ifndef VG_LOCK_H
#define VG_LOCK_H

#include <stdbool.h>
#include <stdint.h>

/* A deadline of the libraries' waits, in one word: monotonic ns (below
 * VG_DEADLINE_REALTIME, or UINT64_MAX: none), or VG_DEADLINE_REALTIME |
 * a time on the wall clock (below VG_REALTIME_MAX, 2^62 ns), which
 * follows sets of the clock (the kernel's futex_wait_realtime). */
#define VG_DEADLINE_REALTIME (1ull << 63)

static inline bool vg_deadline_is_realtime(uint64_t deadline)
{
	return deadline >> 62 == 2; /* bit 63 alone: UINT64_MAX has 62 too */
}

/* futex_wait until such a deadline: the kernel's status. */
long vg_futex_wait_until(const uint32_t *word, uint32_t expected, uint64_t deadline);

void vg_lock(uint32_t *word);
/* vg_lock with a deadline (as above; UINT64_MAX: none): 0 when taken,
 * ERR_TIMED_OUT when the deadline passed first. */
long vg_lock_until(uint32_t *word, uint64_t deadline);
/* Takes the lock only if it is free. */
bool vg_trylock(uint32_t *word);
void vg_unlock(uint32_t *word);

#endif
