// SPDX-License-Identifier: BSD-2-Clause
// A shared library of a user's own, built by the test suite with the SDK's
// `bin/cc -shared -fPIC` into libsdkdemo.so (tests/sdk/uselib.c uses it).
// It exercises what a library's code needs from ld.so: an exported
// function calling libc.so, exported data the program reads and writes
// (a copy relocation in a fixed-address program), a constructor, and a
// __thread variable of the library's own; and the SDK's collections
// library linked into it (`-lcoll`: libcoll.a is position-independent).
#include <coll/hmap.h>
#include <coll/sb.h>
#include <stdio.h>
#include <string.h>

#include "sdklib.h"

int sdklib_calls;
const char sdklib_name[] = "libsdkdemo.so";
static int constructed;
static __thread int per_thread_calls;

__attribute__((constructor)) static void sdklib_init(void)
{
	constructed = 1;
}

int sdklib_constructed(void)
{
	return constructed;
}

long sdklib_sum_of_squares(int n)
{
	long sum = 0;
	for (int i = 1; i <= n; i++)
		sum += (long)i * i;
	sdklib_calls++;
	per_thread_calls++;
	return sum;
}

int sdklib_describe(char *buf, size_t len, const char *word)
{
	sdklib_calls++;
	per_thread_calls++;
	return snprintf(buf, len, "%s from %s (%zu letters)", word, sdklib_name, strlen(word));
}

int sdklib_thread_calls(void)
{
	return per_thread_calls;
}

int sdklib_distinct_words(const char *text)
{
	struct hmap m;
	struct sb word;
	hmap_init_str(&m);
	sb_init(&word);
	int n = -1;
	for (const char *p = text;; p++) {
		if (*p && *p != ' ') {
			sb_putc(&word, *p);
			continue;
		}
		if (sb_str(&word)[0] && !hmap_put_str(&m, sb_str(&word), NULL))
			goto out;
		sb_truncate(&word, 0);
		if (!*p)
			break;
	}
	n = word.failed ? -1 : (int)m.len;
out:
	sb_free(&word);
	hmap_free(&m);
	return n;
}
