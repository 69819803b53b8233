// SPDX-License-Identifier: BSD-2-Clause
// touch [-acm] [-r ref | -t [[CC]YY]MMDDhhmm[.SS] | -d YYYY-MM-DDThh:mm:ss[Z]]
// file...: sets the access and modification times (now, or those of ref,
// or the given time, read as UTC), making files that do not exist unless
// -c. -a or -m sets only that one.
#include "../lib/util.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Days from 1970-01-01 to the date (proleptic Gregorian). */
static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool make_time(long y, int mo, int d, int h, int mi, int s, struct timespec *ts)
{
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
		return false;
	ts->tv_sec = (time_t)(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s);
	ts->tv_nsec = 0;
	return true;
}

/* -t [[CC]YY]MMDDhhmm[.SS] */
static bool parse_t(const char *s, struct timespec *ts)
{
	const char *dot = strchr(s, '.');
	size_t n = dot ? (size_t)(dot - s) : strlen(s);
	int sec = 0;
	if (dot && (strlen(dot + 1) != 2 || sscanf(dot + 1, "%2d", &sec) != 1))
		return false;
	if (strspn(s, "0123456789") != n || (n != 8 && n != 10 && n != 12))
		return false;
	int v[6], k = 0;
	long year;
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	if (n == 12) {
		sscanf(s, "%4ld", &year);
		s += 4;
	} else if (n == 10) {
		int yy;
		sscanf(s, "%2d", &yy);
		year = yy < 69 ? 2000 + yy : 1900 + yy;
		s += 2;
	} else {
		year = tm.tm_year + 1900;
	}
	for (; k < 4; k++, s += 2)
		sscanf(s, "%2d", &v[k]);
	return make_time(year, v[0], v[1], v[2], v[3], sec, ts);
}

/* -d YYYY-MM-DDThh:mm:SS[Z] (a space may stand for the T) */
static bool parse_d(const char *s, struct timespec *ts)
{
	long y;
	int mo, d, h, mi, sec, used = 0;
	char sep;
	if (sscanf(s, "%ld-%d-%d%c%d:%d:%d%n", &y, &mo, &d, &sep, &h, &mi, &sec, &used) != 7 ||
	    (sep != 'T' && sep != ' '))
		return false;
	if (s[used] && strcmp(s + used, "Z"))
		return false;
	return make_time(y, mo, d, h, mi, sec, ts);
}

int main(int argc, char **argv)
{
	util_init(argv, "touch");
	bool no_create = false, set_a = false, set_m = false;
	struct timespec times[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	int c;
	while ((c = getopt(argc, argv, "acmr:t:d:")) != -1) {
		struct stat st;
		switch (c) {
		case 'a': set_a = true; break;
		case 'c': no_create = true; break;
		case 'm': set_m = true; break;
		case 'r':
			if (stat(optarg, &st)) {
				util_warn(optarg);
				return 1;
			}
			times[0] = st.st_atim;
			times[1] = st.st_mtim;
			break;
		case 't':
		case 'd':
			if (!(c == 't' ? parse_t(optarg, &times[0]) : parse_d(optarg, &times[0]))) {
				util_warnx("invalid date format '%s'", optarg);
				return 1;
			}
			times[1] = times[0];
			break;
		default: util_usage("[-acm] [-r ref | -t time | -d date] file...");
		}
	}
	if (optind == argc)
		util_usage("[-acm] [-r ref | -t time | -d date] file...");
	if (set_a && !set_m)
		times[1].tv_nsec = UTIME_OMIT;
	if (set_m && !set_a)
		times[0].tv_nsec = UTIME_OMIT;
	int status = 0;
	for (int i = optind; i < argc; i++) {
		if (utimensat(AT_FDCWD, argv[i], times, 0) == 0)
			continue;
		if (errno != ENOENT) {
			util_warn(argv[i]);
			status = 1;
			continue;
		}
		if (no_create)
			continue;
		int fd = open(argv[i], O_WRONLY | O_CREAT, 0666);
		if (fd < 0 || close(fd) || utimensat(AT_FDCWD, argv[i], times, 0)) {
			util_warn(argv[i]);
			status = 1;
		}
	}
	return status;
}
