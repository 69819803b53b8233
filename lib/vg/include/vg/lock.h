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

void vg_lock(uint32_t *word);
/* vg_lock with a deadline (monotonic ns, UINT64_MAX: none): 0 when taken,
 * ERR_TIMED_OUT when the deadline passed first. */
long vg_lock_until(uint32_t *word, uint64_t deadline);
/* Takes the lock only if it is free. */
bool vg_trylock(uint32_t *word);
void vg_unlock(uint32_t *word);

#endif
