// SPDX-License-Identifier: BSD-2-Clause
// The CMOS clock's register values to a date and back (cmos_decode.h).
#include "cmos_decode.h"

/* A register's value as a number: -1 for a BCD byte with a digit above 9. */
static int number(uint8_t v, bool binary)
{
	if (binary)
		return v;
	if ((v & 0x0f) > 9 || (v >> 4) > 9)
		return -1;
	return (v >> 4) * 10 + (v & 0x0f);
}

/* 0-23 from the hours register. In 12-hour mode it is 1-12 and bit 7
 * says PM; 12 AM is midnight and 12 PM noon. */
static int hours24(uint8_t v, uint8_t status_b)
{
	bool binary = status_b & CMOS_B_BINARY;
	if (status_b & CMOS_B_24HOUR)
		return number(v, binary);
	int h = number(v & (uint8_t)~CMOS_HOUR_PM, binary);
	if (h < 1 || h > 12)
		return -1;
	return h % 12 + ((v & CMOS_HOUR_PM) ? 12 : 0);
}

bool cmos_decode(const struct cmos_time *t, struct rtc_date *d)
{
	bool binary = t->status_b & CMOS_B_BINARY;
	int year = number(t->year, binary);
	int century = number(t->century, binary);
	if (year < 0 || year > 99)
		return false;
	/* A century register that holds no plausible century (a machine
	 * without one): the two digits are 1970-2069. */
	if (century < 19 || century > 99)
		century = year >= 70 ? 19 : 20;
	*d = (struct rtc_date){
		.year = century * 100 + year,
		.month = number(t->month, binary),
		.day = number(t->day, binary),
		.hour = hours24(t->hours, t->status_b),
		.minute = number(t->minutes, binary),
		.second = number(t->seconds, binary),
	};
	return rtc_date_valid(d);
}

/* A number 0-99 as a register holds it. */
static uint8_t reg_of(int n, bool binary)
{
	return (uint8_t)(binary ? n : (n / 10) << 4 | n % 10);
}

void cmos_encode(const struct rtc_date *d, uint8_t status_b, struct cmos_time *t)
{
	bool binary = status_b & CMOS_B_BINARY;
	uint8_t hours = reg_of(d->hour, binary);
	if (!(status_b & CMOS_B_24HOUR)) /* 1-12, bit 7 for PM */
		hours = (uint8_t)(reg_of(d->hour % 12 ? d->hour % 12 : 12, binary) |
				  (d->hour >= 12 ? CMOS_HOUR_PM : 0));
	uint64_t s;
	struct rtc_date midnight = { d->year, d->month, d->day, 0, 0, 0 };
	/* 1970-01-01 was a Thursday (5); dates before it get Sunday. */
	int weekday = rtc_date_to_seconds(&midnight, &s) ? (int)((s / 86400 + 4) % 7) + 1 : 1;
	*t = (struct cmos_time){
		.seconds = reg_of(d->second, binary),
		.minutes = reg_of(d->minute, binary),
		.hours = hours,
		.day = reg_of(d->day, binary),
		.month = reg_of(d->month, binary),
		.year = reg_of(d->year % 100, binary),
		.century = reg_of(d->year / 100, binary),
		.status_b = status_b,
		.weekday = reg_of(weekday, binary),
	};
}
