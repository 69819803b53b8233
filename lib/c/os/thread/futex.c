// SPDX-License-Identifier: BSD-2-Clause
// Futex waits with absolute deadlines, and the library's internal lock.
#include <errno.h>
#include <time.h>
#include <vg/lock.h>
#include <vg/syscall.h>

#include "../internal/lock.h"
#include "../internal/thread.h"

uint64_t __libc_realtime_deadline(uint64_t ns)
{
	/* The wall clock first: the monotonic clock read after it makes the
	 * deadline late by the time between, never early. */
	uint64_t real = (uint64_t)vg_clock_realtime();
	uint64_t mono = (uint64_t)vg_clock_monotonic();
	if (ns <= real)
		return 0;
	uint64_t left = ns - real;
	return left > UINT64_MAX - 1 - mono ? UINT64_MAX - 1 : mono + left;
}

uint64_t __libc_deadline_on(clockid_t clock, const struct timespec *abstime, int *bad)
{
	*bad = 0;
	if (!abstime)
		return UINT64_MAX;
	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L) {
		*bad = 1;
		return 0;
	}
	if (abstime->tv_sec < 0)
		return 0;
	uint64_t ns = (uint64_t)abstime->tv_sec >= UINT64_MAX / 1000000000u - 1
		? UINT64_MAX - 1
		: (uint64_t)abstime->tv_sec * 1000000000u + (uint64_t)abstime->tv_nsec;
	return clock == CLOCK_REALTIME ? __libc_realtime_deadline(ns) : ns;
}

uint64_t __libc_deadline(const struct timespec *abstime, int *bad)
{
	return __libc_deadline_on(CLOCK_REALTIME, abstime, bad);
}

int __libc_futex_wait(const void *word, uint32_t expected, uint64_t deadline)
{
	long r = vg_futex_wait(word, expected, deadline);
	return r == ERR_TIMED_OUT ? ETIMEDOUT : 0;
}

void __libc_futex_wake(const void *word, uint32_t count)
{
	vg_futex_wake(word, count);
}

/* The library's internal lock is libvg's futex lock (<vg/lock.h>), the one
 * lib/async and the pthread mutexes use too. */
void __libc_lock(int *l)
{
	vg_lock((uint32_t *)l);
}

void __libc_unlock(int *l)
{
	vg_unlock((uint32_t *)l);
}
