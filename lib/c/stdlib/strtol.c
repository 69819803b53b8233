// SPDX-License-Identifier: BSD-2-Clause
// The strtol family, atoi/atol/atoll and strtoimax/strtoumax: bases 0 and
// 2 to 36, out-of-range values clamped with ERANGE.
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 99;
}

/* The magnitude (saturated at UINT64_MAX with *ovf set) and sign. */
static uint64_t parse(const char *str, char **end, int base, bool *neg, bool *ovf)
{
	const char *s = str;
	*neg = *ovf = false;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)(uintptr_t)str;
		return 0;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-')
		*neg = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] | 0x20) == 'x' &&
	    digit_value((unsigned char)s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	uint64_t v = 0;
	const char *first = s;
	for (int d; (d = digit_value((unsigned char)*s)) < base; s++) {
		if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			*ovf = true;
		else
			v = v * (uint64_t)base + (uint64_t)d;
	}
	if (end)
		*end = (char *)(uintptr_t)(s == first ? str : s);
	return *ovf ? UINT64_MAX : v;
}

static int64_t to_signed(const char *s, char **end, int base, int64_t min, int64_t max)
{
	bool neg, ovf;
	uint64_t v = parse(s, end, base, &neg, &ovf);
	if (!neg && (ovf || v > (uint64_t)max)) {
		errno = ERANGE;
		return max;
	}
	if (neg && (ovf || v > (uint64_t)max + 1)) {
		errno = ERANGE;
		return min;
	}
	return neg ? (int64_t)(0 - v) : (int64_t)v;
}

static uint64_t to_unsigned(const char *s, char **end, int base)
{
	bool neg, ovf;
	uint64_t v = parse(s, end, base, &neg, &ovf);
	if (ovf) {
		errno = ERANGE;
		return UINT64_MAX;
	}
	return neg ? 0 - v : v;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	return to_signed(s, end, base, LONG_MIN, LONG_MAX);
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	return to_signed(s, end, base, LLONG_MIN, LLONG_MAX);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return to_signed(s, end, base, INTMAX_MIN, INTMAX_MAX);
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return to_unsigned(s, end, base);
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	return to_unsigned(s, end, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return to_unsigned(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
