// SPDX-License-Identifier: BSD-2-Clause
// <strings.h>: case-insensitive comparison in the C locale, and ffs.
#include <ctype.h>
#include <strings.h>

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);
		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}

int ffsll(long long i)
{
	return i ? __builtin_ctzll((unsigned long long)i) + 1 : 0;
}

int ffsl(long i)
{
	return ffsll(i);
}

int ffs(int i)
{
	return ffsll((unsigned)i);
}
