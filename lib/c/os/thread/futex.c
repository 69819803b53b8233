// SPDX-License-Identifier: BSD-2-Clause
// Futex waits with absolute deadlines, and the library's internal lock.
#include <errno.h>
#include <time.h>
#include <vg/lock.h>
#include <vg/syscall.h>

#include "../internal/lock.h"
#include "../internal/thread.h"

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
	/* Either clock's far future is below VG_DEADLINE_REALTIME: 292 years
	 * of uptime, a wall clock past 2116 (VG_REALTIME_MAX), which the
	 * kernel never reaches. */
	uint64_t far = clock == CLOCK_REALTIME ? VG_REALTIME_MAX - 1 : VG_DEADLINE_REALTIME - 1;
	uint64_t ns = (uint64_t)abstime->tv_sec >= far / 1000000000u
		? far
		: (uint64_t)abstime->tv_sec * 1000000000u + (uint64_t)abstime->tv_nsec;
	if (ns > far)
		ns = far;
	/* The kernel keeps a wall-clock deadline as one, moving it when the
	 * clock is set (POSIX). */
	return clock == CLOCK_REALTIME ? VG_DEADLINE_REALTIME | ns : ns;
}

uint64_t __libc_deadline(const struct timespec *abstime, int *bad)
{
	return __libc_deadline_on(CLOCK_REALTIME, abstime, bad);
}

int __libc_futex_wait(const void *word, uint32_t expected, uint64_t deadline)
{
	long r = vg_futex_wait_until(word, expected, deadline);
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
