// SPDX-License-Identifier: BSD-2-Clause
// wcstol, wcstoul, wcstoll, wcstoull, wcstod, wcstof, wcstold: the number
// is ASCII, so the leading white space (iswspace) is skipped, the ASCII
// characters after it are copied into a narrow string and the narrow
// function parses that; its end pointer maps back one to one.
#include <errno.h>
#include <stdlib.h>
#include <wchar.h>
#include <wctype.h>

/* The ASCII run after the white space of s, as a malloc'd string; *start
 * is where it begins. NULL (errno ENOMEM) when memory runs out. */
static char *narrow(const wchar_t *s, const wchar_t **start)
{
	while (iswspace((wint_t)*s))
		s++;
	size_t n = 0;
	while (s[n] > 0 && (unsigned long)s[n] < 0x80)
		n++;
	char *a = malloc(n + 1);
	if (!a)
		return NULL;
	for (size_t i = 0; i < n; i++)
		a[i] = (char)s[i];
	a[n] = 0;
	*start = s;
	return a;
}

#define WIDE_INT(name, type, narrow_fn)                                        \
	type name(const wchar_t *restrict s, wchar_t **restrict end, int base) \
	{                                                                      \
		const wchar_t *start;                                          \
		char *a = narrow(s, &start), *e;                               \
		if (!a) {                                                      \
			if (end)                                               \
				*end = (wchar_t *)s;                           \
			return 0;                                              \
		}                                                              \
		type v = narrow_fn(a, &e, base);                               \
		if (end)                                                       \
			*end = (wchar_t *)(e == a ? s : start + (e - a));      \
		free(a);                                                       \
		return v;                                                      \
	}

#define WIDE_FLOAT(name, type, narrow_fn)                                 \
	type name(const wchar_t *restrict s, wchar_t **restrict end)      \
	{                                                                 \
		const wchar_t *start;                                     \
		char *a = narrow(s, &start), *e;                          \
		if (!a) {                                                 \
			if (end)                                          \
				*end = (wchar_t *)s;                      \
			return 0;                                         \
		}                                                         \
		type v = narrow_fn(a, &e);                                \
		if (end)                                                  \
			*end = (wchar_t *)(e == a ? s : start + (e - a)); \
		free(a);                                                  \
		return v;                                                 \
	}

WIDE_INT(wcstol, long, strtol)
WIDE_INT(wcstoul, unsigned long, strtoul)
WIDE_INT(wcstoll, long long, strtoll)
WIDE_INT(wcstoull, unsigned long long, strtoull)
WIDE_FLOAT(wcstod, double, strtod)
WIDE_FLOAT(wcstof, float, strtof)
WIDE_FLOAT(wcstold, long double, strtold)
