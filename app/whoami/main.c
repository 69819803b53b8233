// SPDX-License-Identifier: BSD-2-Clause
// whoami: the name of the effective user (id -un), or its number when
// /etc/passwd has no entry for it.
#include "../lib/users.h"
#include "../lib/util.h"
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "whoami");
	if (getopt(argc, argv, "") != -1)
		util_usage("");
	if (optind < argc) {
		util_warnx("extra operand '%s'", argv[optind]);
		util_usage("");
	}
	char name[256];
	util_user_name(name, sizeof(name), geteuid());
	puts(name);
	return util_finish(0);
}
