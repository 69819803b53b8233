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

static bool parse(char *spec, uid_t *uid, gid_t *gid)
{
	char *colon = strchr(spec, ':');
	if (colon)
		*colon = 0;
	if (!util_parse_user(spec, uid)) {
		util_warnx("invalid user: '%s'", spec);
		return false;
	}
	if (colon && !util_parse_group(colon + 1, gid)) {
		util_warnx("invalid group: '%s'", colon + 1);
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	util_init(argv, "chown");
	return util_owner_main(argc, argv, "[-hR] owner[:group] file...", parse);
}
