/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <kernel/types.h>

#define TICK_HZ 250

/* Prepares counter-to-nanosecond conversion; call once the counter
 * frequency is known. Before that, time_ns() returns 0. */
void time_init(uint64_t counter_freq);
/* Nanoseconds since the counter started (machine reset on all three archs). */
uint64_t time_ns(void);
uint64_t ticks(void);

#endif
