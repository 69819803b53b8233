// SPDX-License-Identifier: BSD-2-Clause
// Clocks and sleeping: CLOCK_MONOTONIC is the kernel's monotonic clock,
// CLOCK_REALTIME its wall clock (docs/ARCHITECTURE.md section 7), which
// the holder of the root resource sets, and root through /dev/rtc0. Every
// sleep is on the monotonic clock but an absolute one on the wall clock,
// which the kernel keeps as such: a set of the clock moves it (POSIX).
#include <errno.h>
#include <stdbool.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <vg/vg.h>

#include "../internal/signal.h"
#include "../internal/thread.h"
#include "../internal/time.h"

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) {
		errno = EINVAL;
		return -1;
	}
	uint64_t ns =
		(uint64_t)(clock == CLOCK_REALTIME ? vg_clock_realtime() : vg_clock_monotonic());
	ts->tv_sec = (time_t)(ns / 1000000000u);
	ts->tv_nsec = (long)(ns % 1000000000u);
	return 0;
}

int clock_settime(clockid_t clock, const struct timespec *ts)
{
	if (clock != CLOCK_REALTIME || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L ||
	    ts->tv_sec < 0 || (uint64_t)ts->tv_sec >= VG_REALTIME_MAX / 1000000000u) {
		errno = EINVAL;
		return -1;
	}
	uint64_t ns = (uint64_t)ts->tv_sec * 1000000000u + (uint64_t)ts->tv_nsec;
	long st = vg_clock_set_realtime(vg_startup()->resource, ns);
	if (st == ERR_OUT_OF_RANGE) {
		errno = EINVAL;
		return -1;
	}
	/* Without the root resource (none, or another object): the clock's
	 * device, which lets root (the VFS's check of its open) set it. */
	return st ? __rtc_clock_set(ns) : 0;
}

int clock_getres(clockid_t clock, struct timespec *ts)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) {
		errno = EINVAL;
		return -1;
	}
	if (ts) {
		ts->tv_sec = 0;
		ts->tv_nsec = 1;
	}
	return 0;
}

int timespec_get(struct timespec *ts, int base)
{
	return base == TIME_UTC && !clock_gettime(CLOCK_REALTIME, ts) ? base : 0;
}

time_t time(time_t *t)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

/* Processor time is not accounted per process yet: the time since boot. */
clock_t clock(void)
{
	return (clock_t)((uint64_t)vg_clock_monotonic() / 1000u);
}

static bool valid(const struct timespec *ts)
{
	return ts->tv_nsec >= 0 && ts->tv_nsec < 1000000000L && ts->tv_sec >= 0;
}

static uint64_t ns_of(const struct timespec *ts)
{
	uint64_t s = (uint64_t)ts->tv_sec;
	return s > (UINT64_MAX - 1) / 1000000000u - 1 ? UINT64_MAX - 1
						      : s * 1000000000u + (uint64_t)ts->tv_nsec;
}

/* Sleeps until the monotonic clock reaches deadline (with realtime: the
 * wall clock): 0, or EINTR when a handler ran (*rem, if given, then gets
 * the time left; only for a monotonic deadline). An interruption that ran
 * no handler (the signal was ignored or blocked) does not end the sleep;
 * SA_RESTART never applies here. A cancellation point. */
static int sleep_until(uint64_t deadline, bool realtime, struct timespec *rem)
{
	uint64_t handled = __libc_sig_handled();
	for (;;) {
		bool was = __libc_cp_enter();
		long st = realtime ? vg_thread_sleep_until_realtime(deadline)
				   : vg_thread_sleep_until(deadline);
		__libc_cp_leave(was);
		if (st != ERR_INTERRUPTED)
			return 0;
		if (__libc_sig_eintr(handled, 0)) {
			uint64_t now = (uint64_t)vg_clock_monotonic();
			uint64_t left = deadline > now ? deadline - now : 0;
			if (rem) {
				rem->tv_sec = (time_t)(left / 1000000000u);
				rem->tv_nsec = (long)(left % 1000000000u);
			}
			return EINTR;
		}
	}
}

static uint64_t after(uint64_t d)
{
	uint64_t now = (uint64_t)vg_clock_monotonic();
	return d > UINT64_MAX - now - 1 ? UINT64_MAX - 1 : now + d;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (!valid(req)) {
		errno = EINVAL;
		return -1;
	}
	int err = sleep_until(after(ns_of(req)), false, rem);
	if (err) {
		errno = err;
		return -1;
	}
	if (rem)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}

/* An absolute time is a deadline of the kernel's sleep as it is, on the
 * monotonic clock or the wall clock. The result is the error number
 * (errno is left alone), and rem is not touched for an absolute sleep, as
 * POSIX. */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, struct timespec *rem)
{
	if ((clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) || (flags & ~TIMER_ABSTIME) ||
	    !valid(req))
		return EINVAL;
	if (flags & TIMER_ABSTIME)
		return sleep_until(ns_of(req), clock == CLOCK_REALTIME, NULL);
	return sleep_until(after(ns_of(req)), false, rem);
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	(void)tz; /* obsolete: no time zone but UTC */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}

int settimeofday(const struct timeval *tv, const void *tz)
{
	(void)tz; /* obsolete: no time zone but UTC */
	if (tv->tv_usec < 0 || tv->tv_usec >= 1000000) {
		errno = EINVAL;
		return -1;
	}
	return clock_settime(CLOCK_REALTIME, &(struct timespec){ tv->tv_sec, tv->tv_usec * 1000 });
}

unsigned sleep(unsigned seconds)
{
	struct timespec ts = { (time_t)seconds, 0 };
	nanosleep(&ts, NULL);
	return 0;
}

int usleep(unsigned long usec)
{
	struct timespec ts = { (time_t)(usec / 1000000), (long)(usec % 1000000) * 1000 };
	return nanosleep(&ts, NULL);
}
