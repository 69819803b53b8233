// SPDX-License-Identifier: BSD-2-Clause
// One C program linked four ways (mk/dyn.mk): static, static PIE, against
// the shared C library, and as a PIE against it. Each check compares a
// library result with the value worked out by hand; the exit status is 1
// if any failed, else a digest of every result (2-255: an exit code is one
// byte, verdigris/exit.h), so the
// in-OS test (tests/user/utest/t_dyn.c) can require all four links to
// agree as well as pass.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned failures, digest = 2166136261u;
static int constructed;
static _Thread_local int counter = 7;

__attribute__((constructor)) static void construct(void)
{
	constructed = 1;
}

static void mix(const char *s)
{
	for (; *s; s++)
		digest = (digest ^ (unsigned char)*s) * 16777619u;
}

static void check_str(const char *what, const char *got, const char *want)
{
	mix(got);
	if (strcmp(got, want)) {
		printf("dyncheck: %s: got \"%s\", want \"%s\"\n", what, got, want);
		failures++;
	}
}

static void check_long(const char *what, long got, long want)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%ld", got);
	mix(buf);
	if (got != want) {
		printf("dyncheck: %s: got %ld, want %ld\n", what, got, want);
		failures++;
	}
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void *thread_main(void *arg)
{
	counter += (int)(long)arg; /* this thread's copy, from the template */
	return (void *)(long)counter;
}

int main(int argc, char **argv)
{
	char buf[64];
	(void)argc, (void)argv;
	check_long("constructor ran", constructed, 1);
	snprintf(buf, sizeof(buf), "%d|%5.2f|%x|%s", 42, 3.14159, 0xbeef, "dyn");
	check_str("snprintf", buf, "42| 3.14|beef|dyn");
	check_long("strtod", (long)(strtod("2.5e3", NULL) * 2), 5000);
	errno = 0;
	check_long("strtol overflow", strtol("99999999999999999999", NULL, 10),
		   0x7fffffffffffffffL);
	check_long("errno", errno, ERANGE);
	int v[] = { 5, 3, 9, 1, 7 };
	qsort(v, 5, sizeof(int), cmp_int);
	snprintf(buf, sizeof(buf), "%d%d%d%d%d", v[0], v[1], v[2], v[3], v[4]);
	check_str("qsort", buf, "13579");
	char *p = malloc(100);
	for (int i = 0; p && i < 100; i++)
		p[i] = (char)i;
	p = realloc(p, 100000);
	long sum = 0;
	for (int i = 0; p && i < 100; i++)
		sum += p[i];
	free(p);
	check_long("malloc and realloc keep the bytes", sum, 4950);
	counter++;
	pthread_t t;
	void *res = NULL;
	check_long("pthread_create", pthread_create(&t, NULL, thread_main, (void *)10L), 0);
	check_long("pthread_join", pthread_join(t, &res), 0);
	check_long("the thread's TLS starts from the template", (long)res, 17);
	check_long("the main thread's TLS is its own", counter, 8);
	printf("dyncheck: %u failures, digest %x\n", failures, digest);
	return failures ? 1 : (int)(2 + digest % 254);
}
