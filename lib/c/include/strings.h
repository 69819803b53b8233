// SPDX-License-Identifier: BSD-2-Clause
// POSIX <strings.h>: case-insensitive comparison (C locale) and ffs.
#ifndef _STRINGS_H
#define _STRINGS_H

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
int ffs(int i);
int ffsl(long i);
int ffsll(long long i);

#endif
