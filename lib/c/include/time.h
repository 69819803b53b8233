// SPDX-License-Identifier: BSD-2-Clause
// <time.h>: clocks, sleeping and calendar time, all in UTC.
//
// CLOCK_MONOTONIC is the kernel's monotonic clock (nanoseconds since boot).
// CLOCK_REALTIME is the kernel's wall clock (docs/ARCHITECTURE.md section
// 7): the monotonic clock plus an offset that bin/rtc sets at boot from the
// machine's real-time clock (until then, or without one, 1970-01-01 plus
// the time since boot). Setting it (clock_settime, settimeofday) needs the
// root resource (vg_startup()->resource): EPERM without. localtime is
// gmtime (no time zones).
#ifndef _TIME_H
#define _TIME_H
#include <stddef.h>
#include <sys/types.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCKS_PER_SEC 1000000L
#define TIME_UTC 1

typedef long clock_t;

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

struct tm {
	int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
	long tm_gmtoff;
	const char *tm_zone;
};

int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_getres(clockid_t clock, struct timespec *ts);
/* CLOCK_REALTIME only (EINVAL for the others, or a time before the epoch
 * or past early 2116); EPERM without the root resource. */
int clock_settime(clockid_t clock, const struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);
#define TIMER_ABSTIME 1
/* Sleeps on clock (REALTIME or MONOTONIC), until req when flags has
 * TIMER_ABSTIME, else for req: 0 or the error number (EINTR, EINVAL). An
 * absolute time on CLOCK_REALTIME becomes a monotonic deadline when the
 * sleep starts: a later setting of the clock does not move it. */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, struct timespec *rem);
int timespec_get(struct timespec *ts, int base);
time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t a, time_t b);

struct tm *gmtime_r(const time_t *t, struct tm *tm);
struct tm *gmtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *tm);
struct tm *localtime(const time_t *t);
void tzset(void);
time_t timegm(struct tm *tm);
time_t mktime(struct tm *tm);
size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
		const struct tm *restrict tm);

#endif
