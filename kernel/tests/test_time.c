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
	/* Sleep through 200 ms of monotonic time and count the ticks. TCG keeps
	 * both clocks on the host's, so the tolerance only absorbs start/stop
	 * edges and host jitter. */
	const uint64_t span_ns = 200000000;
	uint64_t t0 = time_ns(), k0 = ticks();
	while (time_ns() - t0 < span_ns)
		arch_wait_for_interrupt();
	uint64_t got = ticks() - k0;
	uint64_t want = TICK_HZ * span_ns / 1000000000u;
	if (got < want * 3 / 4 || got > want * 5 / 4)
		ktest_fail(__FILE__, __LINE__, "%llu ticks in 200 ms, expected about %llu",
			   (unsigned long long)got, (unsigned long long)want);
}
