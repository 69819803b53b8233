// SPDX-License-Identifier: BSD-2-Clause
// The wall clock: an offset from the monotonic clock, bounded when set.
#include <kernel/ktest.h>
#include <kernel/realtime.h>
#include <kernel/time.h>
#include <verdigris/errors.h>
#include <verdigris/types.h>

#define SECOND 1000000000ull

KTEST(realtime_follows_the_time_set)
{
	uint64_t saved = realtime_ns();
	const uint64_t when = 1764000000ull * SECOND; /* November 2025 */
	KT_ASSERT(realtime_set(when) == 0);
	uint64_t mono0 = time_ns(), real0 = realtime_ns();
	KT_ASSERT(real0 >= when && real0 - when < SECOND);
	/* It advances with the monotonic clock: realtime - monotonic is
	 * constant while nothing sets it. */
	while (time_ns() - mono0 < 10000000u) /* 10 ms */
		;
	uint64_t mono1 = time_ns(), real1 = realtime_ns();
	uint64_t d0 = real0 - mono0, d1 = real1 - mono1;
	KT_ASSERT(real1 > real0);
	KT_ASSERT(d1 - d0 < 100000u || d0 - d1 < 100000u); /* reads a few counter ticks apart */
	/* A time before the uptime (early 1970) is exact too. */
	KT_ASSERT(realtime_set(5) == 0);
	KT_ASSERT(realtime_ns() >= 5 && realtime_ns() < 5 + SECOND);
	KT_ASSERT(realtime_set(saved) == 0);
}

KTEST(realtime_refuses_out_of_range)
{
	uint64_t before = realtime_ns();
	KT_ASSERT(realtime_set(VG_REALTIME_MAX) == ERR_OUT_OF_RANGE);
	KT_ASSERT(realtime_set(UINT64_MAX) == ERR_OUT_OF_RANGE);
	uint64_t after = realtime_ns();
	/* Unchanged: still just after the value read before. */
	KT_ASSERT(after >= before && after - before < SECOND);
	KT_ASSERT(realtime_set(VG_REALTIME_MAX - 1) == 0);
	KT_ASSERT(realtime_ns() >= VG_REALTIME_MAX - 1);
	KT_ASSERT(realtime_set(before) == 0);
}
