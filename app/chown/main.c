// SPDX-License-Identifier: BSD-2-Clause
// chown [-hR] owner[:group] file...: sets the owner, and the group when
// given ("owner:" alone, GNU's login group, is refused: POSIX has no
// such form). owner and group are names of /etc/passwd and /etc/group or
// numbers. -R descends into directories, -h changes a link operand
// itself. Only root may give a file away (the VFS refuses others).
#include "../lib/owner.h"
#include "../lib/users.h"
#include "../lib/util.h"
#include <string.h>
#include <unistd.h>

#define USAGE "[-hR] owner[:group] file..."

int main(int argc, char **argv)
{
	util_init(argv, "chown");
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
	char *spec = argv[optind++];
	char *colon = strchr(spec, ':');
	if (colon)
		*colon = 0;
	uid_t uid;
	gid_t gid = (gid_t)-1;
	if (!util_parse_user(spec, &uid)) {
		util_warnx("invalid user: '%s'", spec);
		return 1;
	}
	if (colon && !util_parse_group(colon + 1, &gid)) {
		util_warnx("invalid group: '%s'", colon + 1);
		return 1;
	}
	int status = 0;
	for (; optind < argc; optind++)
		status |= util_chown_tree(argv[optind], uid, gid, recurse, nofollow);
	return util_finish(status);
}
