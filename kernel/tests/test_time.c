// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/hal.h>
#include <kernel/ktest.h>
#include <kernel/time.h>

KTEST(time_monotonic)
{
	uint64_t prev = time_ns();
	for (int i = 0; i < 10000; i++) {
		uint64_t now = time_ns();
		KT_ASSERT(now >= prev);
		prev = now;
	}
}

KTEST(timer_interrupts_arrive_at_expected_rate)
{
	/* For one second, count ticks and the gaps between them. A host under
	 * load makes QEMU merge missed periods (x86's local APIC) or deliver
	 * them late in a burst (the ports that catch up), so neither the count
	 * nor any single gap is exact; together they still catch a timer off
	 * by 2x: too fast doubles the count, too slow doubles the median gap. */
	enum { MAX_GAPS = 2 * TICK_HZ };
	static uint64_t gaps[MAX_GAPS];
	const uint64_t period = 1000000000u / TICK_HZ;
	uint64_t first_tick = ticks(), last_tick = first_tick, last_time = 0, start = time_ns();
	int n = 0;
	while (time_ns() - start < 1000000000u) {
		arch_wait_for_interrupt();
		uint64_t k = ticks(), now = time_ns();
		if (k == last_tick)
			continue;
		if (last_time && n < MAX_GAPS)
			gaps[n++] = (now - last_time) / (k - last_tick);
		last_tick = k;
		last_time = now;
	}
	for (int i = 1; i < n; i++) /* insertion sort: n is a few hundred */
		for (int j = i; j > 0 && gaps[j - 1] > gaps[j]; j--) {
			uint64_t t = gaps[j];
			gaps[j] = gaps[j - 1];
			gaps[j - 1] = t;
		}
	KT_ASSERT(n > 0);
	uint64_t median = gaps[n / 2];
	if (median < period / 2 || median > period * 3 / 2)
		ktest_fail(__FILE__, __LINE__, "median gap between ticks %llu ns, period %llu ns",
			   (unsigned long long)median, (unsigned long long)period);
	uint64_t count = ticks() - first_tick;
	if (count < TICK_HZ / 2 || count > TICK_HZ * 3 / 2)
		ktest_fail(__FILE__, __LINE__, "%llu ticks in 1 s at %d Hz",
			   (unsigned long long)count, TICK_HZ);
}
