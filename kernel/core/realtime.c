// SPDX-License-Identifier: BSD-2-Clause
// The wall clock (docs/ARCHITECTURE.md section 7): an offset from the
// monotonic clock. The kernel never reads a real-time clock chip itself:
// a user-space driver (drv/rtc) reads it once at boot and sets the offset,
// so the kernel keeps no driver for three chips and the hot path of a read
// is one add. Keeping an offset (not a base time) means the wall clock
// advances exactly with the monotonic clock the scheduler's deadlines use.
#include <kernel/realtime.h>
#include <kernel/thread.h>
#include <kernel/time.h>
#include <verdigris/errors.h>
#include <verdigris/types.h>

/* realtime - monotonic; two's complement, so a wall clock set to a time
 * smaller than the uptime (early 1970) is still exact. One aligned 64-bit
 * word: readers on other CPUs see the old or the new value, never a mix. */
static uint64_t offset;

uint64_t realtime_ns(void)
{
	return time_ns() + __atomic_load_n(&offset, __ATOMIC_RELAXED);
}

int realtime_set(uint64_t ns)
{
	if (ns >= VG_REALTIME_MAX)
		return ERR_OUT_OF_RANGE;
	__atomic_store_n(&offset, ns - time_ns(), __ATOMIC_RELAXED);
	/* After the store: a wait that blocks from now on converts with the
	 * new offset, and one that blocked before is moved here. */
	sched_realtime_moved();
	return 0;
}

uint64_t realtime_deadline(uint64_t rt)
{
	uint64_t now = time_ns();
	uint64_t real = now + __atomic_load_n(&offset, __ATOMIC_RELAXED);
	if (rt <= real)
		return 0;
	uint64_t left = rt - real;
	return left >= DEADLINE_NONE - now ? DEADLINE_NONE - 1 : now + left;
}
