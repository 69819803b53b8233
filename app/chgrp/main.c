// SPDX-License-Identifier: BSD-2-Clause
// chgrp [-hR] group file...: sets the group, a name of /etc/group or a
// number. -R descends into directories, -h changes a link operand itself.
// The owner may give a file to one of its own groups; root to any.
#include "../lib/owner.h"
#include "../lib/users.h"
#include "../lib/util.h"

static bool parse(char *spec, uid_t *uid, gid_t *gid)
{
	(void)uid;
	if (util_parse_group(spec, gid))
		return true;
	util_warnx("invalid group: '%s'", spec);
	return false;
}

int main(int argc, char **argv)
{
	util_init(argv, "chgrp");
	return util_owner_main(argc, argv, "[-hR] group file...", parse);
}
