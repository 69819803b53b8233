// SPDX-License-Identifier: BSD-2-Clause
// Tests of things the library had without one: the rwlock's timed locks
// (ETIMEDOUT while another thread holds it, success once released),
// and perror's output.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../utest.h"
#include "../vfs_up.h"

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* An absolute CLOCK_REALTIME time ms from now. */
static struct timespec in_ms(long ms)
{
	long long t = now_ns() + ms * 1000000LL;
	return (struct timespec){ (time_t)(t / 1000000000), (long)(t % 1000000000) };
}

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static volatile int holder_state; /* 1: holding, 2: release now */

/* Holds the lock (for writing when arg is non-NULL) until told, then
 * releases it 50 ms later. */
static void *holder(void *write)
{
	if (write)
		pthread_rwlock_wrlock(&lock);
	else
		pthread_rwlock_rdlock(&lock);
	holder_state = 1;
	while (holder_state != 2)
		sched_yield();
	struct timespec d = { 0, 50000000 };
	nanosleep(&d, NULL);
	pthread_rwlock_unlock(&lock);
	return NULL;
}

static pthread_t start_holder(int write)
{
	pthread_t t;
	holder_state = 0;
	pthread_create(&t, NULL, holder, write ? (void *)1 : NULL);
	while (holder_state != 1)
		sched_yield();
	return t;
}

UTEST(libc_rwlock_timed)
{
	/* A writer holds it: both timed locks time out, after the time. */
	pthread_t t = start_holder(1);
	long long t0 = now_ns();
	struct timespec until = in_ms(40);
	CHECK_EQ(pthread_rwlock_timedrdlock(&lock, &until), ETIMEDOUT);
	CHECK(now_ns() - t0 >= 40000000);
	until = in_ms(40);
	CHECK_EQ(pthread_rwlock_timedwrlock(&lock, &until), ETIMEDOUT);
	struct timespec bad = { 0, -1 };
	CHECK_EQ(pthread_rwlock_timedrdlock(&lock, &bad), EINVAL);
	/* Released while we wait: the read lock is ours long before the
	 * deadline. */
	holder_state = 2;
	t0 = now_ns();
	until = in_ms(5000);
	CHECK_EQ(pthread_rwlock_timedrdlock(&lock, &until), 0);
	CHECK(now_ns() - t0 < 4000000000LL);
	CHECK_EQ(pthread_rwlock_unlock(&lock), 0);
	pthread_join(t, NULL);
	/* A reader holds it: readers get in at once, a writer times out, then
	 * gets it when the reader leaves. */
	t = start_holder(0);
	until = in_ms(40);
	CHECK_EQ(pthread_rwlock_timedrdlock(&lock, &until), 0);
	CHECK_EQ(pthread_rwlock_unlock(&lock), 0);
	until = in_ms(40);
	CHECK_EQ(pthread_rwlock_timedwrlock(&lock, &until), ETIMEDOUT);
	holder_state = 2;
	until = in_ms(5000);
	CHECK_EQ(pthread_rwlock_timedwrlock(&lock, &until), 0);
	CHECK_EQ(pthread_rwlock_unlock(&lock), 0);
	pthread_join(t, NULL);
	/* A free lock is taken whatever the time, even one already past. */
	struct timespec past = { 0, 0 };
	CHECK_EQ(pthread_rwlock_timedwrlock(&lock, &past), 0);
	CHECK_EQ(pthread_rwlock_unlock(&lock), 0);
}

/* perror writes "s: message\n" (or just the message) to descriptor 2. */
UTEST(libc_perror)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	int saved = dup(2); /* -1 when 2 is the log (not open) */
	CHECK_EQ(dup2(p[1], 2), 2);
	errno = ENOENT;
	perror("open x");
	errno = EACCES;
	perror("");
	errno = 9999;
	perror(NULL);
	if (saved >= 0) {
		dup2(saved, 2);
		close(saved);
	} else {
		close(2);
	}
	close(p[1]);
	char buf[256] = "";
	ssize_t n = 0, r;
	while ((r = read(p[0], buf + n, sizeof(buf) - 1 - (size_t)n)) > 0)
		n += r;
	close(p[0]);
	static const char want[] = "open x: No such file or directory\n"
				   "Permission denied\n"
				   "Unknown error 9999\n";
	CHECK_EQ(n, sizeof(want) - 1);
	CHECK(memcmp(buf, want, sizeof(want) - 1) == 0);
}
