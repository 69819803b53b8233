// SPDX-License-Identifier: BSD-2-Clause
// <sys/time.h>: struct timeval, utimes, gettimeofday and settimeofday
// (lib/c/os/time/clock.c: the wall clock, CLOCK_REALTIME) and BSD's macros
// on timevals.
#ifndef _SYS_TIME_H
#define _SYS_TIME_H
#include <sys/types.h>

struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};

int utimes(const char *path, const struct timeval times[2]);

/* tz must be NULL or is ignored (no time zone but UTC). */
int gettimeofday(struct timeval *restrict tv, void *restrict tz);
/* clock_settime(CLOCK_REALTIME): EPERM without the root resource; tz as
 * above. */
int settimeofday(const struct timeval *tv, const void *tz);

#define timerisset(t) ((t)->tv_sec || (t)->tv_usec)
#define timerclear(t) ((t)->tv_sec = (t)->tv_usec = 0)
#define timercmp(a, b, CMP) \
	((a)->tv_sec == (b)->tv_sec ? (a)->tv_usec CMP(b)->tv_usec : (a)->tv_sec CMP(b)->tv_sec)
#define timeradd(a, b, res)                                   \
	do {                                                  \
		(res)->tv_sec = (a)->tv_sec + (b)->tv_sec;    \
		(res)->tv_usec = (a)->tv_usec + (b)->tv_usec; \
		if ((res)->tv_usec >= 1000000) {              \
			(res)->tv_sec++;                      \
			(res)->tv_usec -= 1000000;            \
		}                                             \
	} while (0)
#define timersub(a, b, res)                                   \
	do {                                                  \
		(res)->tv_sec = (a)->tv_sec - (b)->tv_sec;    \
		(res)->tv_usec = (a)->tv_usec - (b)->tv_usec; \
		if ((res)->tv_usec < 0) {                     \
			(res)->tv_sec--;                      \
			(res)->tv_usec += 1000000;            \
		}                                             \
	} while (0)

#endif
