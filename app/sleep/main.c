// SPDX-License-Identifier: BSD-2-Clause
// sleep time...: waits for the sum of the times, each a non-negative
// decimal number of seconds with an optional fraction and an optional
// suffix s, m, h or d.
#include "../lib/util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool parse_time(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || v < 0 || v != v)
		return false;
	static const struct {
		char suffix;
		double scale;
	} units[] = { { 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 } };
	if (*end) {
		size_t k = 0;
		while (k < sizeof(units) / sizeof(units[0]) && units[k].suffix != *end)
			k++;
		if (k == sizeof(units) / sizeof(units[0]) || end[1])
			return false;
		v *= units[k].scale;
	}
	*out = v;
	return true;
}

int main(int argc, char **argv)
{
	util_init(argv, "sleep");
	if (argc > 1 && !strcmp(argv[1], "--"))
		argv++, argc--;
	if (argc < 2)
		util_usage("time...");
	double total = 0;
	for (int i = 1; i < argc; i++) {
		double t;
		if (!parse_time(argv[i], &t)) {
			util_warnx("invalid time interval '%s'", argv[i]);
			return 1;
		}
		total += t;
	}
	if (total > 1e9)
		total = 1e9;
	struct timespec ts = { (time_t)total, (long)((total - (double)(time_t)total) * 1e9) };
	while (nanosleep(&ts, &ts) != 0) {
		if (errno != EINTR) {
			util_warn("nanosleep");
			return 1;
		}
	}
	return 0;
}
