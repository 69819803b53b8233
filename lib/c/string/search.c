// SPDX-License-Identifier: BSD-2-Clause
// String comparison and searching of <string.h>.
#include <stdint.h>
#include <string.h>

int strcmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	while (*x && *x == *y) {
		x++;
		y++;
	}
	return (*x > *y) - (*x < *y);
}

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x < *y ? -1 : 1;
		if (!*x)
			break;
	}
	return 0;
}

int strcoll(const char *a, const char *b)
{
	return strcmp(a, b); /* the C locale collates by byte value */
}

char *strchrnul(const char *s, int c)
{
	while (*s && *s != (char)c)
		s++;
	return (char *)(uintptr_t)s;
}

char *strchr(const char *s, int c)
{
	s = strchrnul(s, c);
	return *s == (char)c ? (char *)(uintptr_t)s : NULL;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;
	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)(uintptr_t)last;
}

char *strstr(const char *hay, const char *needle)
{
	size_t nn = strlen(needle);
	if (!nn)
		return (char *)(uintptr_t)hay;
	for (; (hay = strchr(hay, *needle)); hay++)
		if (!strncmp(hay, needle, nn))
			return (char *)(uintptr_t)hay;
	return NULL;
}

/* A 256-bit membership set of the bytes of s. */
static void byteset(uint64_t set[4], const char *s)
{
	set[0] = set[1] = set[2] = set[3] = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		set[*p >> 6] |= 1ull << (*p & 63);
}

static int inset(const uint64_t set[4], unsigned char c)
{
	return (set[c >> 6] >> (c & 63)) & 1;
}

size_t strspn(const char *s, const char *accept)
{
	uint64_t set[4];
	byteset(set, accept);
	size_t n = 0;
	while (s[n] && inset(set, (unsigned char)s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	uint64_t set[4];
	byteset(set, reject);
	size_t n = 0;
	while (s[n] && !inset(set, (unsigned char)s[n]))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)(uintptr_t)s : NULL;
}
