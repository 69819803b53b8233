// SPDX-License-Identifier: BSD-2-Clause
// Monotonic time from the arch counter, and the periodic tick count.
#include <kernel/hal.h>
#include <kernel/thread.h>
#include <kernel/time.h>

/* ns = counter * mult >> 32, with a 128-bit product: no division on the hot
 * path and no overflow for centuries of uptime. */
static uint64_t mult;
static volatile uint64_t tick_count;

void time_init(uint64_t counter_freq)
{
	/* 1e9 << 32 still fits 64 bits: no 128-bit division (a libgcc call). */
	mult = (1000000000ull << 32) / counter_freq;
}

uint64_t time_ns(void)
{
	return (uint64_t)(((unsigned __int128)arch_counter() * mult) >> 32);
}

uint64_t ticks(void)
{
	return tick_count;
}

void timer_tick(void)
{
	tick_count++;
	sched_tick();
}
