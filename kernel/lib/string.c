// SPDX-License-Identifier: BSD-2-Clause
// The freestanding string functions the kernel (and the compiler) rely on.
#include <kernel/string.h>

/* A word that may alias anything, for copies of whole words. */
typedef uint64_t __attribute__((may_alias)) alias_word;

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	/* Whole words while both sides are word aligned (IPC buffers, pages):
	 * a 4 KiB message is 512 moves instead of 4096. */
	if (!(((uintptr_t)d | (uintptr_t)s) & (sizeof(alias_word) - 1))) {
		for (; n >= 4 * sizeof(alias_word); n -= 4 * sizeof(alias_word)) {
			alias_word *dw = (alias_word *)d;
			const alias_word *sw = (const alias_word *)s;
			dw[0] = sw[0];
			dw[1] = sw[1];
			dw[2] = sw[2];
			dw[3] = sw[3];
			d += 4 * sizeof(alias_word);
			s += 4 * sizeof(alias_word);
		}
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (d < s) {
		while (n--)
			*d++ = *s++;
	} else {
		while (n--)
			d[n] = s[n];
	}
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	/* Whole words once aligned (zeroed pages, kzalloc's arrays): a page
	 * is 128 loop turns instead of 4096. */
	for (; n && ((uintptr_t)d & (sizeof(alias_word) - 1)); n--)
		*d++ = (unsigned char)c;
	alias_word w = 0x0101010101010101ull * (unsigned char)c;
	for (; n >= 4 * sizeof(alias_word); n -= 4 * sizeof(alias_word)) {
		alias_word *dw = (alias_word *)d;
		dw[0] = w;
		dw[1] = w;
		dw[2] = w;
		dw[3] = w;
		d += 4 * sizeof(alias_word);
	}
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			return 0;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);
	if (size) {
		size_t n = len < size - 1 ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = 0;
	}
	return len;
}
