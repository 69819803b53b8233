// SPDX-License-Identifier: BSD-2-Clause
// <sys/time.h>: struct timeval and utimes.
#ifndef _SYS_TIME_H
#define _SYS_TIME_H
#include <sys/types.h>

struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};

int utimes(const char *path, const struct timeval times[2]);

#endif
