// SPDX-License-Identifier: BSD-2-Clause
// The CMOS clock's register values to a date (cmos_decode.h).
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
