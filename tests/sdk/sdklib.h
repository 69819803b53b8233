// SPDX-License-Identifier: BSD-2-Clause
// The interface of tests/sdk/sdklib.c (libsdkdemo.so).
#ifndef SDKLIB_H
#define SDKLIB_H

#include <stddef.h>

/* How many calls of the two functions below the process made. */
extern int sdklib_calls;
extern const char sdklib_name[];

/* 1 once the library's constructor has run. */
int sdklib_constructed(void);
/* 1^2 + 2^2 + ... + n^2. */
long sdklib_sum_of_squares(int n);
/* "<word> from libsdkdemo.so (<n> letters)" into buf, as snprintf. */
int sdklib_describe(char *buf, size_t len, const char *word);
/* Calls of the two functions made by the calling thread. */
int sdklib_thread_calls(void);
/* The number of different space-separated words of text (with the SDK's
 * hash map and string builder, -lcoll, inside the library), -1 when out
 * of memory. */
int sdklib_distinct_words(const char *text);

#endif
