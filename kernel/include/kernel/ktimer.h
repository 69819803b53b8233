/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_KTIMER_H
#define KERNEL_KTIMER_H

#include <kernel/types.h>

/* Timer objects (ktimer.c): fires those whose deadline is at or before now;
 * from the tick, scheduler lock held. Resolution: one tick. */
void ktimers_expire(uint64_t now);

#endif
