// SPDX-License-Identifier: BSD-2-Clause
// date [-u] [-d @seconds | -s @seconds] [+format]
// date [-u] MMDDhhmm[[CC]YY][.ss]
// The time now (or the given one) in the local time zone (UTC with -u), by
// strftime's format; the default is "%a %b %e %H:%M:%S %Z %Y". -s, or
// POSIX's operand (operand.c; the year defaults to this one), sets the
// clock to the given time first (clock_settime: root, or the holder of the
// root resource), then shows it. A bad date is refused with status 1.
#include "../lib/util.h"
#include "operand.h"
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define USAGE "[-u] [-d @seconds | -s @seconds] [+format] | [-u] MMDDhhmm[[CC]YY][.ss]"

/* Prints t by fmt: 0 or 1. */
static int show(time_t t, const char *fmt)
{
	struct tm tm;
	if (!localtime_r(&t, &tm)) {
		util_warn("time");
		return 1;
	}
	size_t cap = 256;
	for (;;) {
		char *buf = malloc(cap);
		if (!buf) {
			util_warn("memory");
			return 1;
		}
		size_t n = strftime(buf, cap, fmt, &tm);
		/* 0 is also an empty result: give up when the room is ample */
		if (n > 0 || cap > 4096 + 64 * sizeof(fmt)) {
			fwrite(buf, 1, n, stdout);
			putchar('\n');
			free(buf);
			return 0;
		}
		free(buf);
		cap *= 4;
	}
}

int main(int argc, char **argv)
{
	util_init(argv, "date");
	time_t t = time(NULL);
	bool set = false, given = false;
	int c;
	while ((c = getopt(argc, argv, "ud:s:")) != -1) {
		if (c == 'u') {
			/* as the local time of zone UTC, so that %Z says so */
			setenv("TZ", "UTC0", 1);
			tzset();
		} else if ((c == 'd' || c == 's') && optarg[0] == '@') {
			long v;
			if (!util_parse_long(optarg + 1, &v)) {
				util_warnx("invalid date '%s'", optarg);
				return 1;
			}
			t = (time_t)v;
			set = c == 's';
			given = true;
		} else {
			if (c == 'd' || c == 's')
				util_warnx("invalid date '%s' (only @seconds)", optarg);
			util_usage(USAGE);
		}
	}
	const char *fmt = "%a %b %e %H:%M:%S %Z %Y";
	if (optind < argc) {
		const char *arg = argv[optind];
		/* One operand; a time to set does not go with -d or -s. */
		const char *extra = optind + 1 < argc ? argv[optind + 1]
			: arg[0] != '+' && given      ? arg
						      : NULL;
		if (extra) {
			util_warnx("extra operand '%s'", extra);
			util_usage(USAGE);
		}
		if (arg[0] == '+') {
			fmt = arg + 1;
		} else if (date_operand(arg, t, &t)) {
			set = true;
		} else {
			util_warnx("invalid date '%s'", arg);
			return 1;
		}
	}
	if (set && clock_settime(CLOCK_REALTIME, &(struct timespec){ t, 0 })) {
		util_warn("cannot set the time");
		return 1;
	}
	return util_finish(show(t, fmt));
}
