// SPDX-License-Identifier: BSD-2-Clause
// Calendar time in UTC: gmtime_r and timegm convert between seconds since
// the epoch and the proleptic Gregorian calendar by days-from-civil
// arithmetic (no tables, any year in range); localtime is gmtime and mktime
// is timegm, as there are no time zones.
#include <errno.h>
#include <limits.h>
#include <time.h>

static long long floor_div(long long a, long long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Days from 1970-01-01 to y-m-d (m 1..12). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long long era = floor_div(y, 400);
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
	long long days = floor_div(*t, 86400), secs = *t - days * 86400;
	long long z = days + 719468, era = floor_div(z, 146097);
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long y = (long long)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) {
		errno = EOVERFLOW;
		return NULL;
	}
	tm->tm_year = (int)(y - 1900);
	tm->tm_mon = (int)m - 1;
	tm->tm_mday = (int)d;
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
	tm->tm_yday = (int)(days - days_from_civil(y, 1, 1));
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "UTC";
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static _Thread_local struct tm tm;
	return gmtime_r(t, &tm);
}

/* Nothing to read: there are no time zones, TZ included. */
void tzset(void)
{
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
	return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
	return gmtime(t);
}

/* Normalizes the fields (any values) and returns the time they name. */
time_t timegm(struct tm *tm)
{
	long long mon = tm->tm_mon, year = (long long)tm->tm_year + 1900 + floor_div(mon, 12);
	mon -= floor_div(mon, 12) * 12;
	long long days = days_from_civil(year, (unsigned)mon + 1, 1) + tm->tm_mday - 1;
	long long t = days * 86400 + (long long)tm->tm_hour * 3600 + (long long)tm->tm_min * 60 +
		tm->tm_sec;
	time_t r = (time_t)t;
	if (!gmtime_r(&r, tm))
		return (time_t)-1;
	return r;
}

time_t mktime(struct tm *tm)
{
	return timegm(tm);
}

double difftime(time_t a, time_t b)
{
	return (double)a - (double)b;
}
