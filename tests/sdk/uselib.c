// SPDX-License-Identifier: BSD-2-Clause
// A dynamic program linked against a shared library built with the SDK
// (tests/sdk/sdklib.c, libsdkdemo.so): the test suite builds it with
// `bin/cc -dynamic ... -L<dir> -lsdkdemo`, starts it (tests/sdk/launch.c)
// and checks every line it prints. It exits with the number of problems it
// found itself.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "sdklib.h"

static void *other_thread(void *arg)
{
	(void)arg;
	long s = sdklib_sum_of_squares(3);
	return (void *)(s * 100 + sdklib_thread_calls());
}

int main(void)
{
	int problems = 0;
	printf("sdk-lib: constructed=%d name=%s\n", sdklib_constructed(), sdklib_name);
	problems += !sdklib_constructed() || strcmp(sdklib_name, "libsdkdemo.so");
	long squares = sdklib_sum_of_squares(10);
	printf("sdk-lib: sum of squares 1..10 = %ld\n", squares);
	char buf[64];
	int n = sdklib_describe(buf, sizeof buf, "hello");
	printf("sdk-lib: %s [%d]\n", buf, n);
	problems += squares != 385 || n != (int)strlen(buf);
	pthread_t t;
	void *r = NULL;
	if (pthread_create(&t, NULL, other_thread, NULL) || pthread_join(t, &r))
		problems++;
	/* The other thread's own count is 1; ours stays 2. */
	printf("sdk-lib: thread gave %ld, calls %d, this thread's %d\n", (long)r, sdklib_calls,
	       sdklib_thread_calls());
	problems += (long)r != 1401 || sdklib_calls != 3 || sdklib_thread_calls() != 2;
	/* The program and the library share one sdklib_calls: what the
	 * program writes, the library's code counts on from. */
	sdklib_calls += 10;
	sdklib_sum_of_squares(1);
	printf("sdk-lib: after the program's write, calls %d\n", sdklib_calls);
	problems += sdklib_calls != 14;
	int words = sdklib_distinct_words("to be or not to be");
	printf("sdk-lib: distinct words %d\n", words);
	problems += words != 4;
	printf("sdk-lib: done, %d problems\n", problems);
	return problems;
}
