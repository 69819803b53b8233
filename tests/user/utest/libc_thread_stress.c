// SPDX-License-Identifier: BSD-2-Clause
// A thread stress: many threads at once on many mutexes and one condition
// variable. Transfers between accounts (two locks each, taken in index
// order) with audits that take every lock and check the total; then a
// token passed round a ring of all the threads through a condition
// variable with broadcasts, which only works if no wake-up is lost. Every
// wait has a deadline, so a lost wake-up fails the test instead of hanging.
#include <errno.h>
#include <pthread.h>
#include <time.h>

#include "../utest.h"

enum { THREADS = 16, ACCOUNTS = 8, START = 1000, TRANSFERS = 400, LAPS = 30 };

static pthread_mutex_t account_lock[ACCOUNTS];
static long balance[ACCOUNTS];
static long bad_audits, moved;

/* Every lock in index order: the total must be what it was. */
static void audit(void)
{
	long sum = 0;
	for (int i = 0; i < ACCOUNTS; i++)
		pthread_mutex_lock(&account_lock[i]);
	for (int i = 0; i < ACCOUNTS; i++)
		sum += balance[i];
	if (sum != (long)ACCOUNTS * START)
		bad_audits++; /* under every lock */
	for (int i = ACCOUNTS - 1; i >= 0; i--)
		pthread_mutex_unlock(&account_lock[i]);
}

static void *transfers(void *arg)
{
	uint32_t r = (uint32_t)(uintptr_t)arg * 2654435761u + 1;
	for (int i = 0; i < TRANSFERS; i++) {
		r = r * 1664525u + 1013904223u;
		int a = (int)(r >> 8) % ACCOUNTS, b = (int)(r >> 16) % ACCOUNTS;
		if (a == b)
			b = (b + 1) % ACCOUNTS;
		int lo = a < b ? a : b, hi = a < b ? b : a;
		long amount = (long)(r >> 24) % 50;
		pthread_mutex_lock(&account_lock[lo]);
		pthread_mutex_lock(&account_lock[hi]);
		if (balance[a] >= amount) {
			balance[a] -= amount;
			if (i % 32 == 0)
				sched_yield(); /* hold two locks across a switch */
			balance[b] += amount;
			__atomic_fetch_add(&moved, amount, __ATOMIC_RELAXED);
		}
		pthread_mutex_unlock(&account_lock[hi]);
		pthread_mutex_unlock(&account_lock[lo]);
		if (i % 50 == 0)
			audit();
	}
	return NULL;
}

static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ring_cond = PTHREAD_COND_INITIALIZER;
static int turn, timeouts;
static int passes[THREADS];
static struct timespec ring_deadline;

static void *ring(void *arg)
{
	int me = (int)(uintptr_t)arg;
	pthread_mutex_lock(&ring_lock);
	for (int lap = 0; lap < LAPS && !timeouts; lap++) {
		while (turn != me && !timeouts)
			if (pthread_cond_timedwait(&ring_cond, &ring_lock, &ring_deadline) ==
			    ETIMEDOUT)
				timeouts++;
		if (timeouts)
			break;
		passes[me]++;
		turn = (me + 1) % THREADS;
		pthread_cond_broadcast(&ring_cond);
	}
	pthread_mutex_unlock(&ring_lock);
	return NULL;
}

UTEST(libc_thread_stress_mutexes_condvars)
{
	pthread_t t[THREADS];
	for (int i = 0; i < ACCOUNTS; i++) {
		CHECK_EQ(pthread_mutex_init(&account_lock[i], NULL), 0);
		balance[i] = START;
	}
	for (int i = 0; i < THREADS; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, transfers, (void *)(uintptr_t)i), 0);
	for (int i = 0; i < THREADS; i++)
		CHECK_EQ(pthread_join(t[i], NULL), 0);
	audit();
	CHECK_EQ(bad_audits, 0);
	CHECK(moved > 0);

	clock_gettime(CLOCK_REALTIME, &ring_deadline);
	ring_deadline.tv_sec += 30;
	for (int i = 0; i < THREADS; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, ring, (void *)(uintptr_t)i), 0);
	for (int i = 0; i < THREADS; i++)
		CHECK_EQ(pthread_join(t[i], NULL), 0);
	CHECK_EQ(timeouts, 0);
	CHECK_EQ(turn, 0);
	for (int i = 0; i < THREADS; i++)
		CHECK_EQ(passes[i], LAPS);
}
