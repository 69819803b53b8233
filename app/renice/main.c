// SPDX-License-Identifier: BSD-2-Clause
// renice [-g|-p|-u] -n increment id...: adds increment to the nice of each
// process (-p, the default), process group (-g) or user's processes (-u:
// a name of /etc/passwd or a number). Status 1 when any id failed.
#include "../lib/users.h"
#include "../lib/util.h"
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#define USAGE "[-g|-p|-u] -n increment id..."

int main(int argc, char **argv)
{
	util_init(argv, "renice");
	int which = PRIO_PROCESS;
	long incr = 0;
	bool have_incr = false;
	int c;
	while ((c = getopt(argc, argv, "gpun:")) != -1) {
		switch (c) {
		case 'g': which = PRIO_PGRP; break;
		case 'p': which = PRIO_PROCESS; break;
		case 'u': which = PRIO_USER; break;
		case 'n':
			if (!util_parse_long(optarg, &incr))
				util_usage(USAGE);
			have_incr = true;
			break;
		default: util_usage(USAGE);
		}
	}
	if (!have_incr || optind >= argc)
		util_usage(USAGE);
	incr = incr < -40 ? -40 : incr > 40 ? 40 : incr;
	int status = 0;
	for (int i = optind; i < argc; i++) {
		long id;
		uid_t uid;
		if (which == PRIO_USER) {
			if (!util_parse_user(argv[i], &uid)) {
				util_warnx("%s: no such user", argv[i]);
				status = 1;
				continue;
			}
			id = (long)uid;
		} else if (!util_parse_long(argv[i], &id) || id < 0) {
			util_warnx("%s: not a process or group id", argv[i]);
			status = 1;
			continue;
		}
		errno = 0;
		int now = getpriority(which, (id_t)id);
		if ((now == -1 && errno) || setpriority(which, (id_t)id, now + (int)incr)) {
			util_warn(argv[i]);
			status = 1;
		}
	}
	return util_finish(status);
}
