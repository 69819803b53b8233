// SPDX-License-Identifier: BSD-2-Clause
// lib/c's calendar (gmtime_r, localtime_r, mktime, timegm, strftime)
// against glibc's with TZ=UTC: many generated times, from before year 1 to
// past 9999, every field compared; mktime on fields out of their ranges
// (normalized as glibc does); strftime with every conversion in the C
// locale.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <vgc.h>
#include <vtest.h>

static uint64_t seed = 0x2545f4914f6cdd1du;
static uint64_t next(void)
{
	seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
	return seed;
}

static void utc(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
}

/* A time: mostly near now, some near the epoch, some far (years -1000 to
 * 12000), and whole days, where off-by-one errors live. */
static time_t some_time(void)
{
	uint64_t r = next();
	switch (r % 4) {
	case 0: return (time_t)(1700000000 + (long)(r >> 34) - (1L << 29));
	case 1: return (time_t)((long)(r >> 33) - (1L << 30));
	case 2: return (time_t)((long)((r >> 20) % 417000000000ull) - 93000000000L);
	default: return (time_t)(((long)((r >> 20) % 4800000) - 1100000) * 86400L);
	}
}

#define SAME_TM(a, b, what, t)                                                                     \
	CHECK_MSG((a).tm_sec == (b).tm_sec && (a).tm_min == (b).tm_min &&                          \
			  (a).tm_hour == (b).tm_hour && (a).tm_mday == (b).tm_mday &&              \
			  (a).tm_mon == (b).tm_mon && (a).tm_year == (b).tm_year &&                \
			  (a).tm_wday == (b).tm_wday && (a).tm_yday == (b).tm_yday &&              \
			  (a).tm_isdst == (b).tm_isdst && (a).tm_gmtoff == (b).tm_gmtoff,          \
		  "%s(%ld): ours %d-%d-%d %d:%d:%d wd %d yd %d, glibc %d-%d-%d %d:%d:%d wd %d yd " \
		  "%d",                                                                            \
		  what, (long)(t), (a).tm_year, (a).tm_mon, (a).tm_mday, (a).tm_hour, (a).tm_min,  \
		  (a).tm_sec, (a).tm_wday, (a).tm_yday, (b).tm_year, (b).tm_mon, (b).tm_mday,      \
		  (b).tm_hour, (b).tm_min, (b).tm_sec, (b).tm_wday, (b).tm_yday)

TEST(libc_time, gmtime_localtime_match_glibc)
{
	utc();
	for (int i = 0; i < 200000; i++) {
		time_t t = i < 3 ? (time_t[]){ 0, -1, 951782400 }[i] : some_time();
		long lt = (long)t;
		struct tm ours, host;
		memset(&ours, 0x55, sizeof(ours));
		CHECK(vgc_gmtime_r(&lt, &ours) == &ours);
		CHECK(gmtime_r(&t, &host) == &host);
		SAME_TM(ours, host, "gmtime_r", t);
		CHECK(vgc_localtime_r(&lt, &ours) == &ours);
		CHECK(localtime_r(&t, &host) == &host);
		SAME_TM(ours, host, "localtime_r", t);
		/* And back. */
		CHECK_MSG(vgc_timegm(&ours) == lt, "timegm(gmtime(%ld))", lt);
	}
}

static int spread(int span)
{
	return (int)(next() % (2u * (unsigned)span + 1)) - span;
}

TEST(libc_time, mktime_normalizes_as_glibc)
{
	utc();
	for (int i = 0; i < 200000; i++) {
		struct tm host = { 0 };
		host.tm_year = 70 + spread(i % 2 ? 60 : 1900);
		host.tm_mon = spread(i % 3 ? 11 : 40);
		host.tm_mday = 1 + spread(i % 3 ? 30 : 400);
		host.tm_hour = spread(i % 4 ? 23 : 100);
		host.tm_min = spread(i % 4 ? 59 : 5000);
		host.tm_sec = spread(i % 4 ? 60 : 100000);
		host.tm_isdst = 0;
		struct tm ours = host, before = host;
		long a = vgc_mktime(&ours);
		time_t b = mktime(&host);
		CHECK_MSG(a == (long)b, "mktime(%d-%d-%d %d:%d:%d): ours %ld, glibc %ld",
			  before.tm_year, before.tm_mon, before.tm_mday, before.tm_hour,
			  before.tm_min, before.tm_sec, a, (long)b);
		SAME_TM(ours, host, "mktime", b);
	}
}

/* Every conversion of C and POSIX, in the C locale; %C is left out of the
 * second before year 1000, where C wants two digits ("09") and glibc gives
 * one ("9"). */
static const char all_conversions[] =
	"%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%s|%S|%t|%T|%u|"
	"%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%";
static const char but_century[] =
	"%a|%A|%b|%B|%c|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%s|%S|%t|%T|%u|"
	"%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%";

TEST(libc_time, strftime_matches_glibc)
{
	utc();
	for (int i = 0; i < 100000; i++) {
		time_t t = some_time();
		long lt = (long)t;
		struct tm ours, host;
		vgc_localtime_r(&lt, &ours);
		localtime_r(&t, &host);
		if (host.tm_year < -1900 || host.tm_year > 9999 - 1900)
			continue; /* %C %y %G of years outside 0..9999: below */
		const char *fmt = host.tm_year >= 1000 - 1900 ? all_conversions : but_century;
		char a[512], b[512];
		size_t na = vgc_strftime(a, sizeof(a), fmt, &ours);
		size_t nb = strftime(b, sizeof(b), fmt, &host);
		CHECK_MSG(na == nb && strcmp(a, b) == 0, "strftime(%ld):\n ours  %s\n glibc %s", lt,
			  a, b);
	}
	/* Too small a buffer: 0, as glibc. */
	time_t t = 0;
	long lt = 0;
	struct tm ours, host;
	vgc_gmtime_r(&lt, &ours);
	gmtime_r(&t, &host);
	char a[8], b[8];
	CHECK_EQ_U(vgc_strftime(a, sizeof(a), "%Y-%m-%d", &ours), 0);
	CHECK_EQ_U(strftime(b, sizeof(b), "%Y-%m-%d", &host), 0);
	CHECK_EQ_U(vgc_strftime(a, sizeof(a), "%Y-%m", &ours), 7);
	CHECK(strcmp(a, "1970-01") == 0);
	ours.tm_year = 940 - 1900;
	CHECK_EQ_U(vgc_strftime(a, sizeof(a), "%C", &ours), 2);
	CHECK(strcmp(a, "09") == 0);
}
