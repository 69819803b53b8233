// SPDX-License-Identifier: BSD-2-Clause
// date [-u] [-d @seconds | -s @seconds] [+format]: the time now (or the
// given one) in the local time zone (UTC with -u), by strftime's format;
// the default is "%a %b %e %H:%M:%S %Z %Y". -s sets the clock to the given
// time first (clock_settime: a privileged caller only), then shows it.
// POSIX's MMDDhhmm[[CC]YY] operand is not supported.
#include "../lib/util.h"
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "date");
	time_t t = time(NULL);
	bool set = false;
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
		} else {
			if (c == 'd' || c == 's')
				util_warnx("invalid date '%s' (only @seconds)", optarg);
			util_usage("[-u] [-d @seconds | -s @seconds] [+format]");
		}
	}
	if (set && clock_settime(CLOCK_REALTIME, &(struct timespec){ t, 0 })) {
		util_warn("cannot set the time");
		return 1;
	}
	const char *fmt = "%a %b %e %H:%M:%S %Z %Y";
	if (optind < argc) {
		if (argv[optind][0] != '+' || optind + 1 < argc) {
			util_warnx("setting the time is not supported: '%s' (-s @seconds is)",
				   argv[optind]);
			return 1;
		}
		fmt = argv[optind] + 1;
	}
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
			break;
		}
		free(buf);
		cap *= 4;
	}
	return util_finish(0);
}
