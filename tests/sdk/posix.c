// SPDX-License-Identifier: BSD-2-Clause
// An ordinary POSIX-style C program, built with the SDK's bin/cc by the
// test suite (tools/testsuite.py) and booted as the root task: printf with
// floating point, malloc, threads with a mutex, __thread variables, a
// constructor and atexit, and the SDK's collections library (-lcoll). Every line it prints is
// checked, and it exits with the number of problems it found itself.
#include <coll/hmap.h>
#include <coll/sb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NTHREADS 4
#define ROUNDS 10000

static __thread int per_thread = 5;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long total;
static int constructed;

__attribute__((constructor)) static void init(void)
{
	constructed = 1;
}

static void bye(void)
{
	printf("sdk-posix: atexit ran\n");
}

static void *work(void *arg)
{
	int id = (int)(long)arg;
	per_thread += id;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		total++;
		pthread_mutex_unlock(&lock);
	}
	char *s = malloc(64);
	if (!s)
		return (void *)0;
	snprintf(s, 64, "thread %d tls %d", id, per_thread);
	return s;
}

/* A hash map of names made with the string builder; whether it failed. */
static int collections(void)
{
	struct hmap m;
	struct sb b;
	hmap_init_str(&m);
	sb_init(&b);
	int bad = 0;
	for (long i = 0; i < 100; i++) {
		sb_truncate(&b, 0);
		sb_printf(&b, "key%ld", i);
		bad |= !hmap_put_str(&m, sb_str(&b), (void *)i);
	}
	struct hmap_slot *s = hmap_find_str(&m, "key42");
	long v = s ? (long)s->value : -1;
	printf("sdk-posix: coll %zu keys, key42=%ld\n", m.len, v);
	bad |= m.len != 100 || v != 42 || b.failed;
	sb_free(&b);
	hmap_free(&m);
	return bad;
}

int main(int argc, char **argv)
{
	int problems = 0;
	atexit(bye);
	printf("sdk-posix: start argc=%d argv0=%s constructed=%d\n", argc, argv[0], constructed);
	printf("sdk-posix: floats %.3f %g %e\n", 3.14159265, 0.1 + 0.2, 12345.678);
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		if (pthread_create(&t[i], NULL, work, (void *)(i + 1)))
			problems++;
	for (int i = 0; i < NTHREADS; i++) {
		void *r = NULL;
		pthread_join(t[i], &r);
		if (r) {
			printf("sdk-posix: %s\n", (char *)r);
			free(r);
		} else {
			problems++;
		}
	}
	printf("sdk-posix: total %ld main tls %d\n", total, per_thread);
	if (total != (long)NTHREADS * ROUNDS || per_thread != 5)
		problems++;
	problems += collections();
	size_t n = 1 << 20;
	unsigned char *big = malloc(n);
	if (!big)
		problems++;
	else {
		memset(big, 7, n);
		problems += big[n - 1] != 7;
		free(big);
	}
	printf("sdk-posix: done, %d problems\n", problems);
	return problems;
}
