// SPDX-License-Identifier: BSD-2-Clause
// Futex waits with absolute deadlines, and the library's internal lock.
#include <errno.h>
#include <vg/lock.h>
#include <vg/syscall.h>

#include "../internal/lock.h"
#include "../internal/thread.h"

uint64_t __libc_deadline(const struct timespec *abstime, int *bad)
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
	if ((uint64_t)abstime->tv_sec >= UINT64_MAX / 1000000000u - 1)
		return UINT64_MAX - 1;
	return (uint64_t)abstime->tv_sec * 1000000000u + (uint64_t)abstime->tv_nsec;
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
