// SPDX-License-Identifier: BSD-2-Clause
// nice [-n increment] utility [argument...]: runs the utility with the
// nice raised by increment (10 by default; negative lowers it, which needs
// privilege: refused with a warning, the utility then runs unchanged, as
// GNU's). Status 126 when the utility cannot run, 127 when not found.
#include "../lib/util.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "nice");
	long incr = 10;
	int c;
	while ((c = getopt(argc, argv, "n:")) != -1) {
		if (c != 'n' || !util_parse_long(optarg, &incr))
			util_usage_status("[-n increment] utility [argument...]", 125);
	}
	if (optind >= argc)
		util_usage_status("[-n increment] utility [argument...]", 125);
	/* Clamped: nice() takes an int, and the range is 40 wide anyway. */
	incr = incr < -40 ? -40 : incr > 40 ? 40 : incr;
	errno = 0;
	if (nice((int)incr) == -1 && errno)
		util_warn("cannot set the nice");
	execvp(argv[optind], &argv[optind]);
	int status = errno == ENOENT ? 127 : 126;
	util_warn(argv[optind]);
	return status;
}
