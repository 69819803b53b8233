/* SPDX-License-Identifier: BSD-2-Clause */
/* The page two processes share in the process-shared synchronization test
 * (tests/user/utest/t_pshared.c and its child, tests/user/pshared_child.c):
 * a VMO the test maps and gives the child tagged PSHARED_TAG. */
#ifndef PSHARED_H
#define PSHARED_H

#include <pthread.h>
#include <semaphore.h>
#include <verdigris/types.h>

#define PSHARED_TAG (VG_HTAG_USER + 1)
#define PSHARED_ROUNDS 2000 /* counter increments by each side */
#define PSHARED_PINGS 100 /* condition variable round trips */
#define PSHARED_WAIT_S 10 /* the longest any wait may take */

struct pshared {
	sem_t go, tried, done;
	pthread_mutex_t m; /* error-checking, process-shared */
	pthread_cond_t c; /* process-shared */
	long counter; /* under m */
	int turn; /* under m: 1 the child's, 0 the test's */
};

#endif
