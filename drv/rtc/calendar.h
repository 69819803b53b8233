/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The proleptic Gregorian calendar in UTC, as the RTC driver needs it
 * (drv/rtc): the CMOS clock holds a date, the kernel wants seconds, and the
 * log message shows a date again. Pure functions, host-tested.
 */
#ifndef DRV_RTC_CALENDAR_H
#define DRV_RTC_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

struct rtc_date {
	int year; /* e.g. 2026 */
	int month; /* 1-12 */
	int day; /* 1-31 */
	int hour, minute, second; /* 0-23, 0-59, 0-59 */
};

/* Whether d is a real date and time (second 60 is refused: the chips
 * never show one). */
bool rtc_date_valid(const struct rtc_date *d);
/* Seconds since 1970-01-01 00:00:00 of a valid date at or after it; false
 * for an invalid one or one before the epoch. */
bool rtc_date_to_seconds(const struct rtc_date *d, uint64_t *seconds);
/* The date of seconds since the epoch. */
void rtc_date_of_seconds(uint64_t seconds, struct rtc_date *d);

#endif
