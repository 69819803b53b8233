// SPDX-License-Identifier: BSD-2-Clause
// uname [-amnrsv]: the fields of uname(2), in POSIX's order, separated by
// spaces; -s alone by default, -a all of them.
#include "../lib/util.h"
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "uname");
	enum { S = 1, N = 2, R = 4, V = 8, M = 16 };
	int which = 0, c;
	while ((c = getopt(argc, argv, "amnrsv")) != -1) {
		switch (c) {
		case 'a': which |= S | N | R | V | M; break;
		case 's': which |= S; break;
		case 'n': which |= N; break;
		case 'r': which |= R; break;
		case 'v': which |= V; break;
		case 'm': which |= M; break;
		default: util_usage("[-amnrsv]");
		}
	}
	if (optind < argc) {
		util_warnx("extra operand '%s'", argv[optind]);
		util_usage("[-amnrsv]");
	}
	if (!which)
		which = S;
	struct utsname u;
	if (uname(&u) < 0) {
		util_warn("uname");
		return 1;
	}
	const char *fields[] = { u.sysname, u.nodename, u.release, u.version, u.machine };
	bool first = true;
	for (int k = 0; k < 5; k++) {
		if (!(which & (1 << k)))
			continue;
		printf("%s%s", first ? "" : " ", fields[k]);
		first = false;
	}
	putchar('\n');
	return util_finish(0);
}
