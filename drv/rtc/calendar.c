// SPDX-License-Identifier: BSD-2-Clause
// Dates to and from seconds since the epoch (calendar.h): days counted in
// 400-year eras of 146097 days, which repeat exactly, so no table of years
// is needed and the arithmetic stays in integers.
#include "calendar.h"

#define DAY_SECONDS 86400u
#define ERA_DAYS 146097u
/* Days from 0000-03-01 to 1970-01-01: counting years from March puts the
 * leap day last, where it does not shift the months before it. */
#define EPOCH_DAYS 719468u

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool rtc_date_valid(const struct rtc_date *d)
{
	return d->year >= 0 && d->year <= 9999 && d->month >= 1 && d->month <= 12 && d->day >= 1 &&
		d->day <= month_days(d->year, d->month) && d->hour >= 0 && d->hour <= 23 &&
		d->minute >= 0 && d->minute <= 59 && d->second >= 0 && d->second <= 59;
}

/* Days since 0000-03-01 of a valid date. */
static uint64_t days_of(const struct rtc_date *d)
{
	unsigned y = (unsigned)d->year - (d->month <= 2);
	unsigned m = (unsigned)d->month;
	unsigned era = y / 400, yoe = y % 400;
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + (unsigned)d->day - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (uint64_t)era * ERA_DAYS + doe;
}

bool rtc_date_to_seconds(const struct rtc_date *d, uint64_t *seconds)
{
	/* A January or February of year 0 would count from year -1. */
	if (!rtc_date_valid(d) || d->year < 1970)
		return false;
	uint64_t days = days_of(d) - EPOCH_DAYS;
	*seconds = days * DAY_SECONDS + (uint64_t)d->hour * 3600 + (uint64_t)d->minute * 60 +
		(uint64_t)d->second;
	return true;
}

void rtc_date_of_seconds(uint64_t seconds, struct rtc_date *d)
{
	uint64_t days = seconds / DAY_SECONDS + EPOCH_DAYS;
	unsigned rem = (unsigned)(seconds % DAY_SECONDS);
	uint64_t era = days / ERA_DAYS;
	unsigned doe = (unsigned)(days % ERA_DAYS);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	d->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d->year = (int)(era * 400 + yoe) + (d->month <= 2);
	d->hour = (int)(rem / 3600);
	d->minute = (int)(rem / 60 % 60);
	d->second = (int)(rem % 60);
}
