// SPDX-License-Identifier: BSD-2-Clause
// Clocks and sleeping on the kernel's monotonic clock. CLOCK_REALTIME is the
// same clock until a time service sets the wall-clock time (<time.h>).
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <vg/syscall.h>

#include "../internal/signal.h"
#include "../internal/thread.h"

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) {
		errno = EINVAL;
		return -1;
	}
	uint64_t ns = (uint64_t)vg_clock_monotonic();
	ts->tv_sec = (time_t)(ns / 1000000000u);
	ts->tv_nsec = (long)(ns % 1000000000u);
	return 0;
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

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (req->tv_nsec < 0 || req->tv_nsec >= 1000000000L || req->tv_sec < 0) {
		errno = EINVAL;
		return -1;
	}
	uint64_t now = (uint64_t)vg_clock_monotonic();
	uint64_t d = (uint64_t)req->tv_sec * 1000000000u + (uint64_t)req->tv_nsec;
	uint64_t deadline = d > UINT64_MAX - now - 1 ? UINT64_MAX - 1 : now + d;
	uint64_t handled = __libc_sig_handled();
	/* An interruption that ran no handler (the signal was ignored or
	 * blocked) does not end the sleep; SA_RESTART never applies here. */
	for (;;) {
		bool was = __libc_cp_enter(); /* a cancellation point */
		long st = vg_thread_sleep_until(deadline);
		__libc_cp_leave(was);
		if (st != ERR_INTERRUPTED)
			break;
		if (__libc_sig_eintr(handled, 0)) {
			now = (uint64_t)vg_clock_monotonic();
			uint64_t left = deadline > now ? deadline - now : 0;
			if (rem) {
				rem->tv_sec = (time_t)(left / 1000000000u);
				rem->tv_nsec = (long)(left % 1000000000u);
			}
			errno = EINTR;
			return -1;
		}
	}
	if (rem)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
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
