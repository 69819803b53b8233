// SPDX-License-Identifier: BSD-2-Clause
// <linux/rtc.h>: the real-time clock's requests on /dev/rtc0 (srv/rtc,
// lib/c/os/time/rtc.c), with Linux's numbers and struct, so that programs
// written for Linux (hwclock) build. RTC_RD_TIME reads the chip (UTC),
// RTC_SET_TIME sets it (an open for writing: root); neither touches the
// system's clock. Other requests on the device fail with ENOTTY.
#ifndef _LINUX_RTC_H
#define _LINUX_RTC_H

struct rtc_time {
	int tm_sec;
	int tm_min;
	int tm_hour;
	int tm_mday;
	int tm_mon; /* 0-11 */
	int tm_year; /* years since 1900 */
	int tm_wday; /* read: filled in; set: ignored */
	int tm_yday; /* read: filled in; set: ignored */
	int tm_isdst; /* always 0 */
};

#define RTC_RD_TIME 0x80247009ul /* _IOR('p', 0x09, struct rtc_time) */
#define RTC_SET_TIME 0x4024700aul /* _IOW('p', 0x0a, struct rtc_time) */

#endif
