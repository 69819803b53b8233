// SPDX-License-Identifier: BSD-2-Clause
// chgrp [-hR] group file...: sets the group, a name of /etc/group or a
// number. -R descends into directories, -h changes a link operand itself.
// The owner may give a file to one of its own groups; root to any.
#include "../lib/owner.h"
#include "../lib/users.h"
#include "../lib/util.h"
#include <unistd.h>

#define USAGE "[-hR] group file..."

int main(int argc, char **argv)
{
	util_init(argv, "chgrp");
	bool recurse = false, nofollow = false;
	int c;
	while ((c = getopt(argc, argv, "hR")) != -1) {
		switch (c) {
		case 'h': nofollow = true; break;
		case 'R': recurse = true; break;
		default: util_usage(USAGE);
		}
	}
	if (argc - optind < 2) {
		util_warnx("missing operand");
		util_usage(USAGE);
	}
	gid_t gid;
	if (!util_parse_group(argv[optind], &gid)) {
		util_warnx("invalid group: '%s'", argv[optind]);
		return 1;
	}
	int status = 0;
	for (optind++; optind < argc; optind++)
		status |= util_chown_tree(argv[optind], (uid_t)-1, gid, recurse, nofollow);
	return util_finish(status);
}
