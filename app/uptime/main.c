// SPDX-License-Identifier: BSD-2-Clause
// uptime: how long the system has been running, from the monotonic clock
// (which starts at boot). Users and load averages need services Verdigris
// does not have yet, so they are not shown.
#include "../lib/util.h"
#include <time.h>

int main(int argc, char **argv)
{
	util_init(argv, "uptime");
	if (argc > 1) {
		util_warnx("extra operand '%s'", argv[1]);
		return 1;
	}
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts)) {
		util_warn("clock_gettime");
		return 1;
	}
	long s = (long)ts.tv_sec;
	long days = s / 86400, hours = s / 3600 % 24, mins = s / 60 % 60;
	time_t now = time(NULL);
	struct tm tm;
	char clock[16];
	localtime_r(&now, &tm);
	strftime(clock, sizeof(clock), "%H:%M:%S", &tm);
	printf(" %s up ", clock);
	if (days)
		printf("%ld day%s, ", days, days == 1 ? "" : "s");
	if (hours)
		printf("%2ld:%02ld\n", hours, mins);
	else
		printf("%ld min\n", mins);
	return util_finish(0);
}
