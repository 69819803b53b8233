// SPDX-License-Identifier: BSD-2-Clause
// The C library in the root task: the allocator on several threads,
// constructors, setjmp/longjmp, stdio on the log, clocks and the calendar.
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../utest.h"

static int constructed;
__attribute__((constructor)) static void set_constructed(void)
{
	constructed = 1234;
}

UTEST(libc_constructors_ran)
{
	CHECK_EQ(constructed, 1234);
}

/* Each thread keeps blocks of many sizes, checks their contents, and hands
 * some to the next thread to free. */
enum { MT = 4, MSLOTS = 64, MSTEPS = 4000 };
static void *handoff[MT];
static pthread_mutex_t handoff_lock = PTHREAD_MUTEX_INITIALIZER;

static void *malloc_worker(void *arg)
{
	long id = (long)(uintptr_t)arg, bad = 0;
	unsigned char *p[MSLOTS] = { 0 };
	size_t n[MSLOTS] = { 0 };
	uint64_t s = 0x1234567 + (uint64_t)id;
	for (int i = 0; i < MSTEPS; i++) {
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		int k = (int)(s % MSLOTS);
		if (p[k]) {
			for (size_t j = 0; j < n[k]; j++)
				bad += p[k][j] != (unsigned char)(k + j);
			if (i % 7 == 0) {
				pthread_mutex_lock(&handoff_lock);
				void *old = handoff[(id + 1) % MT];
				handoff[(id + 1) % MT] = p[k];
				pthread_mutex_unlock(&handoff_lock);
				free(old);
			} else {
				free(p[k]);
			}
		}
		n[k] = (s >> 20) % (i % 50 == 0 ? 100000 : 600);
		p[k] = i % 3 ? malloc(n[k]) : aligned_alloc(64, n[k]);
		if (!p[k] || malloc_usable_size(p[k]) < n[k] ||
		    (i % 3 == 0 && (uintptr_t)p[k] % 64))
			return (void *)-1;
		for (size_t j = 0; j < n[k]; j++)
			p[k][j] = (unsigned char)(k + j);
	}
	for (int k = 0; k < MSLOTS; k++)
		free(p[k]);
	return (void *)bad;
}

UTEST(libc_malloc_threads)
{
	pthread_t t[MT];
	for (long i = 0; i < MT; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, malloc_worker, (void *)(uintptr_t)i), 0);
	for (int i = 0; i < MT; i++) {
		void *r = (void *)1;
		pthread_join(t[i], &r);
		CHECK_EQ((long)(uintptr_t)r, 0);
	}
	for (int i = 0; i < MT; i++)
		free(handoff[i]);
	char *z = calloc(1000, 10);
	CHECK(z && !z[0] && !z[9999]);
	char *r = realloc(z, 200000);
	CHECK(r && !r[9999]);
	free(r);
	errno = 0;
	CHECK(!malloc((size_t)1 << 62));
	CHECK_EQ(errno, ENOMEM);
}

static jmp_buf jb;
static int depth;

static __attribute__((noinline)) void jump_from_deep(int n)
{
	if (n == 0)
		longjmp(jb, 0); /* 0 arrives as 1 */
	depth++;
	jump_from_deep(n - 1);
}

UTEST(libc_setjmp_longjmp)
{
	volatile int passes = 0;
	volatile double f = 1.5;
	int r = setjmp(jb);
	passes++;
	if (r == 0) {
		f = 2.5;
		jump_from_deep(20);
	}
	CHECK_EQ(r, 1);
	CHECK_EQ(passes, 2);
	CHECK_EQ(depth, 20);
	CHECK(f == 2.5);
}

UTEST(libc_stdio_and_time)
{
	CHECK_EQ(printf("libc: printf %.3f %s %d\n", 3.14159, "ok", 42), 25);
	CHECK_EQ(fprintf(stderr, "libc: stderr %g\n", 0.5), 17);
	CHECK_EQ(puts("libc: puts"), 1);
	CHECK_EQ(fflush(stdout), 0);
	errno = 0;
	CHECK(!fopen("/etc/passwd", "r"));
	CHECK_EQ(errno, ENOSYS);

	struct timespec a, b;
	CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0);
	struct timespec d = { 0, 3 * 1000 * 1000 };
	CHECK_EQ(nanosleep(&d, NULL), 0);
	CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &b), 0);
	long long ns = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
	CHECK(ns >= 3 * 1000 * 1000);

	time_t t = 1700000000; /* 2023-11-14 22:13:20 UTC, a Tuesday */
	struct tm tm;
	CHECK(gmtime_r(&t, &tm) == &tm);
	CHECK_EQ(tm.tm_year, 123);
	CHECK_EQ(tm.tm_mon, 10);
	CHECK_EQ(tm.tm_mday, 14);
	CHECK_EQ(tm.tm_hour, 22);
	CHECK_EQ(tm.tm_wday, 2);
	CHECK_EQ(tm.tm_yday, 317);
	CHECK_EQ(timegm(&tm), 1700000000);
	char buf[64];
	CHECK_EQ(strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %j", &tm), 27);
	CHECK(!strcmp(buf, "2023-11-14 22:13:20 Tue 318"));
	struct tm n = { .tm_year = 100, .tm_mon = 13, .tm_mday = 0 }; /* 2001-01-31 */
	CHECK_EQ(mktime(&n), 980899200);
	CHECK_EQ(n.tm_mon, 0);
	CHECK_EQ(n.tm_mday, 31);
	t = -86400;
	gmtime_r(&t, &tm);
	CHECK_EQ(tm.tm_year, 69);
	CHECK_EQ(tm.tm_mday, 31);
}
