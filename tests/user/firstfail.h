/* SPDX-License-Identifier: BSD-2-Clause */
/* The first failed check of a many-threaded stress program (forkstress.c,
 * forkstorm.c): its number, what it was and errno then. Later failures
 * are often that one's echoes, so only the first is kept. */
#ifndef FIRSTFAIL_H
#define FIRSTFAIL_H

#include <errno.h>

static int failed, failed_errno;
static const char *failed_what;

static void fail(int code, const char *what)
{
	if (!__atomic_load_n(&failed, __ATOMIC_ACQUIRE)) {
		failed_what = what;
		failed_errno = errno;
		__atomic_store_n(&failed, code, __ATOMIC_RELEASE);
	}
}

#endif
