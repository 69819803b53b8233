// SPDX-License-Identifier: BSD-2-Clause
// The wall clock: an offset from the monotonic clock, bounded when set.
#include <kernel/ktest.h>
#include <kernel/realtime.h>
#include <kernel/thread.h>
#include <kernel/time.h>
#include <verdigris/errors.h>
#include <verdigris/types.h>

#define SECOND 1000000000ull

/* Whether realtime_ns() read now is ns_set plus the monotonic time since
 * the set, which happened between the monotonic reads a and b: bounds from
 * reads on either side, so that no time the host steals from the guest
 * between two reads can make it fail. */
static bool follows(uint64_t ns_set, uint64_t a, uint64_t b)
{
	uint64_t m0 = time_ns();
	uint64_t real = realtime_ns();
	uint64_t m1 = time_ns();
	return real >= ns_set + (m0 - b) && real <= ns_set + (m1 - a);
}

KTEST(realtime_follows_the_time_set)
{
	uint64_t saved = realtime_ns();
	const uint64_t when = 1764000000ull * SECOND; /* November 2025 */
	uint64_t a = time_ns();
	KT_ASSERT(realtime_set(when) == 0);
	uint64_t b = time_ns();
	KT_ASSERT(follows(when, a, b));
	/* It advances with the monotonic clock. */
	uint64_t start = time_ns();
	while (time_ns() - start < 10000000u) /* 10 ms */
		;
	KT_ASSERT(follows(when, a, b));
	KT_ASSERT(realtime_ns() >= when + 10000000u);
	/* A time before the uptime (early 1970) is exact too. */
	a = time_ns();
	KT_ASSERT(realtime_set(5) == 0);
	b = time_ns();
	KT_ASSERT(follows(5, a, b));
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

/* The monotonic deadline of a wall-clock time, which waits until one block
 * with (realtime_deadline) and get again when the clock is set: a second
 * ahead is a second of monotonic time, a time past is 0; after a set a
 * day ahead the same time is past; one too far stops short of
 * DEADLINE_NONE. */
KTEST(realtime_deadline_follows_the_offset)
{
	uint64_t saved = realtime_ns();
	const uint64_t base = 1764000000ull * SECOND; /* November 2025 */
	/* The set happens between a and b: the deadline is a second after it. */
	uint64_t a = time_ns();
	KT_ASSERT(realtime_set(base) == 0);
	uint64_t b = time_ns();
	uint64_t rt = base + SECOND;
	uint64_t d = realtime_deadline(rt);
	KT_ASSERT(d >= a + SECOND && d <= b + SECOND);
	KT_ASSERT(realtime_deadline(base - SECOND) == 0);
	KT_ASSERT(realtime_deadline(0) == 0);
	KT_ASSERT(realtime_deadline(UINT64_MAX) > d);
	KT_ASSERT(realtime_set(base + 86400 * SECOND) == 0);
	KT_ASSERT(realtime_deadline(rt) == 0);
	KT_ASSERT(realtime_set(base) == 0);
	KT_ASSERT(realtime_deadline(rt) != 0);
	/* A wall clock behind the uptime (early 1970): the far future stops
	 * short of DEADLINE_NONE. */
	KT_ASSERT(realtime_set(5) == 0);
	KT_ASSERT(realtime_deadline(UINT64_MAX) == DEADLINE_NONE - 1);
	KT_ASSERT(realtime_set(saved) == 0);
}
