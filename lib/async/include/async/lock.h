/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A mutex on a 32-bit word with the kernel's futexes: 0 free, 1 held, 2
 * held with waiters (so that an unlock without waiters makes no system
 * call).
 */
#ifndef ASYNC_LOCK_H
#define ASYNC_LOCK_H

#include <stdint.h>

void async_lock(uint32_t *word);
void async_unlock(uint32_t *word);

#endif
