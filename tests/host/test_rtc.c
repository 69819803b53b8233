// SPDX-License-Identifier: BSD-2-Clause
// The real-time clock's pure parts: the calendar (drv/rtc/calendar.c), the
// CMOS clock's registers to a date and back (drv/rtc/cmos_decode.c), and finding
// the clock in QEMU's device trees (kernel/core/fdt_rtc.c, rtc_info).
#define _DEFAULT_SOURCE
#include "../../drv/rtc/calendar.h"
#include "../../drv/rtc/cmos_decode.h"

#include <host_support.h>
#include <kernel/bootinfo.h>
#include <kernel/realtime.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <verdigris/types.h>
#include <vtest.h>

static uint64_t seconds_of(int y, int mo, int d, int h, int mi, int s)
{
	struct rtc_date date = { y, mo, d, h, mi, s };
	uint64_t out = UINT64_MAX;
	CHECK_MSG(rtc_date_to_seconds(&date, &out), "%04d-%02d-%02d refused", y, mo, d);
	return out;
}

TEST(rtc, calendar_known_dates)
{
	CHECK_EQ_U(seconds_of(1970, 1, 1, 0, 0, 0), 0);
	CHECK_EQ_U(seconds_of(2001, 9, 9, 1, 46, 40), 1000000000);
	CHECK_EQ_U(seconds_of(2000, 2, 29, 0, 0, 0), 951782400); /* leap: divisible by 400 */
	CHECK_EQ_U(seconds_of(2038, 1, 19, 3, 14, 8), 2147483648ull);
	CHECK_EQ_U(seconds_of(2025, 1, 1, 0, 0, 0), 1735689600);
	CHECK_EQ_U(seconds_of(2100, 3, 1, 0, 0, 0), 4107542400ull);
}

TEST(rtc, calendar_refuses_non_dates)
{
	static const struct rtc_date bad[] = {
		{ 2100, 2, 29, 0, 0, 0 }, /* not leap: divisible by 100 */
		{ 2023, 2, 29, 0, 0, 0 }, { 2024, 4, 31, 0, 0, 0 }, { 2024, 13, 1, 0, 0, 0 },
		{ 2024, 0, 1, 0, 0, 0 },  { 2024, 1, 0, 0, 0, 0 },  { 2024, 1, 1, 24, 0, 0 },
		{ 2024, 1, 1, 0, 60, 0 }, { 2024, 1, 1, 0, 0, 60 }, { 1969, 12, 31, 23, 59, 59 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		uint64_t s;
		CHECK_MSG(!rtc_date_to_seconds(&bad[i], &s), "#%zu accepted", i);
	}
	CHECK(rtc_date_valid(&(struct rtc_date){ 2024, 2, 29, 23, 59, 59 }));
}

TEST(rtc, calendar_matches_gmtime)
{
	/* Every day for 250 years, at a time of day that moves, both ways. */
	for (uint64_t s = 0; s < 250ull * 366 * 86400; s += 86400 + 3607) {
		time_t t = (time_t)s;
		struct tm tm;
		gmtime_r(&t, &tm);
		struct rtc_date d;
		rtc_date_of_seconds(s, &d);
		if (d.year != tm.tm_year + 1900 || d.month != tm.tm_mon + 1 ||
		    d.day != tm.tm_mday || d.hour != tm.tm_hour || d.minute != tm.tm_min ||
		    d.second != tm.tm_sec) {
			vtest_fail(__FILE__, __LINE__, "%llu: %04d-%02d-%02d %02d:%02d:%02d",
				   (unsigned long long)s, d.year, d.month, d.day, d.hour, d.minute,
				   d.second);
			return;
		}
		uint64_t back;
		CHECK(rtc_date_to_seconds(&d, &back) && back == s);
	}
}

static struct cmos_time cmos(uint8_t s, uint8_t mi, uint8_t h, uint8_t d, uint8_t mo, uint8_t y,
			     uint8_t c, uint8_t b)
{
	return (struct cmos_time){ s, mi, h, d, mo, y, c, b, 0 };
}

static void decodes_to(const char *file, int line, struct cmos_time t, uint64_t expected)
{
	struct rtc_date d;
	uint64_t s = 0;
	if (!cmos_decode(&t, &d) || !rtc_date_to_seconds(&d, &s) || s != expected)
		vtest_fail(file, line, "decoded to %llu, expected %llu", (unsigned long long)s,
			   (unsigned long long)expected);
}
#define DECODES_TO(t, s) decodes_to(__FILE__, __LINE__, t, s)

TEST(rtc, cmos_modes)
{
	const uint64_t pm = 1764023096; /* 2025-11-24 22:24:56 */
	const uint64_t am = pm - 12 * 3600; /* 10:24:56 */
	/* BCD, 24-hour (QEMU's default: status B 0x02). */
	DECODES_TO(cmos(0x56, 0x24, 0x22, 0x24, 0x11, 0x25, 0x20, CMOS_B_24HOUR), pm);
	/* Binary, 24-hour. */
	DECODES_TO(cmos(56, 24, 22, 24, 11, 25, 20, CMOS_B_24HOUR | CMOS_B_BINARY), pm);
	/* BCD, 12-hour: bit 7 is PM. */
	DECODES_TO(cmos(0x56, 0x24, 0x80 | 0x10, 0x24, 0x11, 0x25, 0x20, 0), pm);
	DECODES_TO(cmos(0x56, 0x24, 0x10, 0x24, 0x11, 0x25, 0x20, 0), am);
	/* Binary, 12-hour. */
	DECODES_TO(cmos(56, 24, 0x80 | 10, 24, 11, 25, 20, CMOS_B_BINARY), pm);
	/* 12 AM is midnight, 12 PM noon. */
	const uint64_t midnight = pm - (22 * 3600 + 24 * 60 + 56);
	DECODES_TO(cmos(0, 0, 0x12, 0x24, 0x11, 0x25, 0x20, 0), midnight);
	DECODES_TO(cmos(0, 0, 0x80 | 0x12, 0x24, 0x11, 0x25, 0x20, 0), midnight + 12 * 3600);
	/* Without a plausible century register: 70-99 are 19xx, 00-69 20xx. */
	DECODES_TO(cmos(0x56, 0x24, 0x22, 0x24, 0x11, 0x25, 0x00, CMOS_B_24HOUR), pm);
	DECODES_TO(cmos(0, 0, 0, 0x01, 0x01, 0x70, 0xff, CMOS_B_24HOUR), 0);
}

TEST(rtc, cmos_refuses_garbage)
{
	struct rtc_date d;
	/* A BCD digit above 9, a month 13, hour 13 in 12-hour mode, hour 0
	 * in 12-hour mode, a year of 100 in binary. */
	struct cmos_time bad[] = {
		cmos(0x5a, 0, 0, 1, 1, 0x25, 0x20, CMOS_B_24HOUR),
		cmos(0, 0, 0, 1, 0x13, 0x25, 0x20, CMOS_B_24HOUR),
		cmos(0, 0, 0x13, 1, 1, 0x25, 0x20, 0),
		cmos(0, 0, 0x00, 1, 1, 0x25, 0x20, 0),
		cmos(0, 0, 0, 1, 1, 100, 20, CMOS_B_24HOUR | CMOS_B_BINARY),
		cmos(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		CHECK_MSG(!cmos_decode(&bad[i], &d), "#%zu accepted", i);
}

TEST(rtc, cmos_encode_round_trips)
{
	/* In every mode, what the driver writes reads back as the same time,
	 * for dates from 1970 to 2116 (VG_REALTIME_MAX) at times of day that
	 * cover AM, PM, noon and midnight. */
	static const uint8_t modes[] = { CMOS_B_24HOUR, CMOS_B_24HOUR | CMOS_B_BINARY, 0,
					 CMOS_B_BINARY };
	for (size_t m = 0; m < ARRAY_SIZE(modes); m++)
		for (uint64_t s = 0; s < 146ull * 366 * 86400; s += 86400 * 3 + 3541) {
			struct rtc_date d, back;
			rtc_date_of_seconds(s, &d);
			struct cmos_time t;
			cmos_encode(&d, modes[m], &t);
			uint64_t again = UINT64_MAX;
			if (!cmos_decode(&t, &back) || !rtc_date_to_seconds(&back, &again) ||
			    again != s) {
				CHECK_MSG(false, "mode %#x: %llu came back as %llu", modes[m],
					  (unsigned long long)s, (unsigned long long)again);
				return;
			}
		}
	/* The registers themselves: 2025-11-24 22:24:56, a Monday (2). */
	struct cmos_time t;
	cmos_encode(&(struct rtc_date){ 2025, 11, 24, 22, 24, 56 }, 0, &t);
	CHECK_EQ_U(t.hours, 0x80 | 0x10);
	CHECK_EQ_U(t.seconds, 0x56);
	CHECK_EQ_U(t.century, 0x20);
	CHECK_EQ_U(t.year, 0x25);
	CHECK_EQ_U(t.weekday, 2);
	cmos_encode(&(struct rtc_date){ 2025, 11, 24, 0, 5, 9 }, CMOS_B_BINARY, &t);
	CHECK_EQ_U(t.hours, 12); /* 12 AM */
	CHECK_EQ_U(t.minutes, 5);
	CHECK_EQ_U(t.status_b, CMOS_B_BINARY);
}

static void rtc_in_tree(const char *name, uint32_t kind, uint64_t base)
{
	static struct boot_info bi;
	memset(&bi, 0, sizeof(bi));
	size_t size;
	uint8_t *blob = vtest_load(name, &size);
	CHECK_MSG(bootinfo_from_fdt(&bi, 0x4f000000ull, blob), "%s refused", name);
	struct vg_rtc_info info = { 0 };
	CHECK(fdt_rtc_describe(&info));
	CHECK_EQ_U(info.kind, kind);
	CHECK_EQ_U(info.base, base);
	CHECK_EQ_U(info.size, 0x1000);
	free(blob);
}

TEST(rtc, found_in_qemu_trees)
{
	rtc_in_tree("qemu-aarch64-virt.dtb", VG_RTC_PL031, 0x9010000);
	rtc_in_tree("qemu-riscv64-virt.dtb", VG_RTC_GOLDFISH, 0x101000);
}

TEST(rtc, absent_from_a_tree_without_one)
{
	static struct boot_info bi;
	memset(&bi, 0, sizeof(bi));
	size_t size;
	uint8_t *blob = vtest_load("board.dtb", &size);
	CHECK(bootinfo_from_fdt(&bi, 0x4f000000ull, blob));
	struct vg_rtc_info info = { 0 };
	CHECK(!fdt_rtc_describe(&info));
	free(blob);
}
