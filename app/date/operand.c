// SPDX-License-Identifier: BSD-2-Clause
// POSIX date's setting operand (operand.h).
#include "operand.h"

#include <string.h>

/* The number of the n digits at s, or -1 when one is not a digit. */
static int digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_operand(const char *s, time_t now, time_t *out)
{
	const char *dot = strchr(s, '.');
	size_t n = dot ? (size_t)(dot - s) : strlen(s);
	if ((n != 8 && n != 10 && n != 12) || (dot && strlen(dot + 1) != 2))
		return false;
	struct tm today;
	if (!localtime_r(&now, &today))
		return false;
	int month = digits(s, 2), day = digits(s + 2, 2), hour = digits(s + 4, 2),
	    minute = digits(s + 6, 2), second = dot ? digits(dot + 1, 2) : 0;
	int year = today.tm_year + 1900;
	if (n == 10) {
		int yy = digits(s + 8, 2);
		year = yy < 0 ? -1 : yy >= 69 ? 1900 + yy : 2000 + yy;
	} else if (n == 12) {
		year = digits(s + 8, 4);
	}
	/* POSIX allows a second of 60 (a leap second): counted as the next
	 * minute's first, after the date is checked. */
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 ||
	    minute > 59 || second < 0 || second > 60 || year < 1970)
		return false;
	struct tm tm = { .tm_min = minute,
			 .tm_hour = hour,
			 .tm_mday = day,
			 .tm_mon = month - 1,
			 .tm_year = year - 1900,
			 .tm_isdst = -1 };
	time_t t = mktime(&tm);
	/* mktime moves 30 February to March: no such day. */
	if (t == (time_t)-1 || t < 0 || tm.tm_mday != day || tm.tm_mon != month - 1)
		return false;
	*out = t + second;
	return true;
}
