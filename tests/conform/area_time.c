// SPDX-License-Identifier: BSD-2-Clause
// The calendar in UTC: gmtime_r of negative, leap and far times, timegm's
// normalization of out-of-range fields, and strftime's conversions in the
// C locale (with the return value 0 when the result does not fit).
#include <errno.h>
#include <string.h>
#include <time.h>

#include "conform.h"

static void show_tm(struct cbuf *b, const struct tm *tm)
{
	const int f[] = { tm->tm_year, tm->tm_mon,  tm->tm_mday, tm->tm_hour, tm->tm_min,
			  tm->tm_sec,  tm->tm_wday, tm->tm_yday, tm->tm_isdst };
	for (int i = 0; i < 9; i++)
		cb_int(b, f[i]), cb_str(b, i < 8 ? "," : "");
}

static const long long times[] = {
	0,
	-1,
	86399,
	86400,
	-86400,
	951782400,
	951868800,
	978307199,
	1234567890,
	2147483647,
	2147483648ll,
	-2147483648ll,
	4107542400ll,
	-2208988800ll,
	-62135596800ll,
	-62135596801ll,
	253402300799ll,
	253402300800ll,
	1099511627776ll,
	-1099511627776ll,
	67767976233532799ll,
	-67768040609740800ll,
};

static void gmtimes(struct conform_sink *sink)
{
	struct cbuf in, out;
	unsigned long long st = 0xda942042e4dd58b5ull;
	for (int i = 0; i < 22 + 60; i++) {
		time_t t;
		if (i < 22)
			t = (time_t)times[i];
		else /* within 6000 years of 1970, either side */
			t = (time_t)(conform_rand(&st) % 378691200000ull) - 189345600000ll;
		struct tm tm = { 0 };
		errno = 0;
		struct tm *r = gmtime_r(&t, &tm);
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "gmtime_r("), cb_int(&in, t), cb_str(&in, ")");
		if (r) {
			show_tm(&out, &tm);
			/* And back. */
			cb_str(&out, " timegm "), cb_int(&out, timegm(&tm));
		} else {
			cb_str(&out, "NULL errno "), cb_errno(&out, errno);
		}
		cb_take(sink, &in, &out);
	}
}

static void normalizations(struct conform_sink *sink)
{
	static const struct tm tms[] = {
		{ .tm_year = 70, .tm_mon = 0, .tm_mday = 1 },
		{ .tm_year = 100,
		  .tm_mon = 1,
		  .tm_mday = 29,
		  .tm_hour = 23,
		  .tm_min = 59,
		  .tm_sec = 60 },
		{ .tm_year = 101, .tm_mon = 1, .tm_mday = 29 },
		{ .tm_year = 99, .tm_mon = 12, .tm_mday = 1 },
		{ .tm_year = 99, .tm_mon = -1, .tm_mday = 1 },
		{ .tm_year = 99, .tm_mon = -13, .tm_mday = 0 },
		{ .tm_year = 120, .tm_mon = 2, .tm_mday = 0, .tm_hour = -1 },
		{ .tm_year = 120, .tm_mon = 0, .tm_mday = 400, .tm_min = -1000000 },
		{ .tm_year = 0, .tm_mon = 1, .tm_mday = 29 },
		{ .tm_year = -1900, .tm_mon = 0, .tm_mday = 1 },
		{ .tm_year = 8099, .tm_mon = 11, .tm_mday = 31, .tm_sec = 86400 },
		{ .tm_year = 70,
		  .tm_mon = 0,
		  .tm_mday = 1,
		  .tm_sec = -1,
		  .tm_wday = 5,
		  .tm_yday = 99 },
	};
	struct cbuf in, out;
	for (size_t i = 0; i < sizeof(tms) / sizeof(tms[0]); i++) {
		struct tm tm = tms[i];
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "timegm("), show_tm(&in, &tm), cb_str(&in, ")");
		cb_int(&out, timegm(&tm)), cb_str(&out, " -> "), show_tm(&out, &tm);
		cb_take(sink, &in, &out);
	}
}

static void formats(struct conform_sink *sink)
{
	static const char *const fmts[] = {
		"%Y-%m-%d %H:%M:%S",
		"%a %A %b %B %h",
		"%c",
		"%x %X %D %T %R %F",
		"%j %U %W %V %G %g %u %w",
		"%C %y %e %I %p %r",
		"%n%t%%",
		"%z",
		"%H%M%S",
		"plain text",
		"",
	};
	static const long long when[] = { 0,	      -1,	  951825600,	  1230768000,
					  1293753600, 1609459199, -62135596800ll, 4102444800ll };
	struct cbuf in, out;
	for (int w = 0; w < 8; w++) {
		time_t t = (time_t)when[w];
		struct tm tm;
		gmtime_r(&t, &tm);
		for (int f = 0; f < 11; f++) {
			/* %C of a year below 1000: C says two digits ("00"
			 * for year 1, ours), glibc gives one. */
			if (fmts[f][1] == 'C' && tm.tm_year < 1000 - 1900)
				continue;
			char buf[128];
			size_t n = strftime(buf, sizeof(buf), fmts[f], &tm);
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "strftime(\""), cb_bytes(&in, fmts[f], strlen(fmts[f]));
			cb_str(&in, "\", gmtime("), cb_int(&in, t), cb_str(&in, "))");
			buf[n] = 0;
			cb_esc(&out, buf), cb_str(&out, " ret "), cb_uint(&out, n);
			cb_take(sink, &in, &out);
		}
	}
	time_t t = 1234567890;
	struct tm tm;
	gmtime_r(&t, &tm);
	static const size_t sizes[] = { 0, 1, 10, 11 };
	for (int s = 0; s < 4; s++) {
		char buf[16];
		size_t n = strftime(buf, sizes[s], "%Y-%m-%d", &tm);
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "strftime(size "), cb_uint(&in, sizes[s]),
			cb_str(&in, ", \"%Y-%m-%d\")");
		cb_uint(&out, n);
		cb_take(sink, &in, &out);
	}
}

void conform_time(struct conform_sink *sink)
{
	gmtimes(sink);
	normalizations(sink);
	formats(sink);
}
