// SPDX-License-Identifier: BSD-2-Clause
// Wide-character strings: <string.h>'s functions over wchar_t, which
// compare as wchar_t values (signed on x86_64 and RISC-V, unsigned on
// AArch64, as each ABI's C compilers have it).
#include <stdlib.h>
#include <wchar.h>

size_t wcslen(const wchar_t *s)
{
	const wchar_t *p = s;
	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t wcsnlen(const wchar_t *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

wchar_t *wcpcpy(wchar_t *restrict dst, const wchar_t *restrict src)
{
	while ((*dst = *src++))
		dst++;
	return dst;
}

wchar_t *wcscpy(wchar_t *restrict dst, const wchar_t *restrict src)
{
	wcpcpy(dst, src);
	return dst;
}

wchar_t *wcsncpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n)
{
	size_t i = 0;
	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = 0;
	return dst;
}

wchar_t *wcscat(wchar_t *restrict dst, const wchar_t *restrict src)
{
	wcscpy(dst + wcslen(dst), src);
	return dst;
}

wchar_t *wcsncat(wchar_t *restrict dst, const wchar_t *restrict src, size_t n)
{
	wchar_t *d = dst + wcslen(dst);
	while (n-- && *src)
		*d++ = *src++;
	*d = 0;
	return dst;
}

int wcscmp(const wchar_t *a, const wchar_t *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a < *b ? -1 : *a > *b;
}

int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	for (; n; n--, a++, b++)
		if (*a != *b || !*a)
			return *a < *b ? -1 : *a > *b;
	return 0;
}

wchar_t *wcschr(const wchar_t *s, wchar_t c)
{
	for (;; s++) {
		if (*s == c)
			return (wchar_t *)s;
		if (!*s)
			return NULL;
	}
}

wchar_t *wcsrchr(const wchar_t *s, wchar_t c)
{
	const wchar_t *last = NULL;
	for (;; s++) {
		if (*s == c)
			last = s;
		if (!*s)
			return (wchar_t *)last;
	}
}

size_t wcsspn(const wchar_t *s, const wchar_t *accept)
{
	size_t n = 0;
	while (s[n] && wcschr(accept, s[n]))
		n++;
	return n;
}

size_t wcscspn(const wchar_t *s, const wchar_t *reject)
{
	size_t n = 0;
	while (s[n] && !wcschr(reject, s[n]))
		n++;
	return n;
}

wchar_t *wcspbrk(const wchar_t *s, const wchar_t *accept)
{
	s += wcscspn(s, accept);
	return *s ? (wchar_t *)s : NULL;
}

/* Quadratic in the worst case, as the needles wide strings meet are short. */
wchar_t *wcsstr(const wchar_t *restrict hay, const wchar_t *restrict needle)
{
	size_t n = wcslen(needle);
	for (; *hay; hay++)
		if (!wcsncmp(hay, needle, n))
			return (wchar_t *)hay;
	return *needle ? NULL : (wchar_t *)hay;
}

wchar_t *wcstok(wchar_t *restrict s, const wchar_t *restrict delim, wchar_t **restrict save)
{
	if (!s)
		s = *save;
	s += wcsspn(s, delim);
	if (!*s) {
		*save = s;
		return NULL;
	}
	wchar_t *end = s + wcscspn(s, delim);
	if (*end)
		*end++ = 0;
	*save = end;
	return s;
}

wchar_t *wcsdup(const wchar_t *s)
{
	size_t n = wcslen(s) + 1;
	wchar_t *d = malloc(n * sizeof(wchar_t));
	return d ? wmemcpy(d, s, n) : NULL;
}

wchar_t *wmemcpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = src[i];
	return dst;
}

wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n)
{
	if (dst < src)
		for (size_t i = 0; i < n; i++)
			dst[i] = src[i];
	else
		for (size_t i = n; i--;)
			dst[i] = src[i];
	return dst;
}

wchar_t *wmemset(wchar_t *dst, wchar_t c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = c;
	return dst;
}

int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == c)
			return (wchar_t *)s + i;
	return NULL;
}

/* Both locales collate by code point (glibc's C.UTF-8 does too), so
 * collation is comparison and the transformed string is the string. */
int wcscoll(const wchar_t *a, const wchar_t *b)
{
	return wcscmp(a, b);
}

size_t wcsxfrm(wchar_t *restrict dst, const wchar_t *restrict src, size_t n)
{
	size_t len = wcslen(src);
	if (len < n)
		wmemcpy(dst, src, len + 1);
	return len;
}
