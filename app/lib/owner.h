// SPDX-License-Identifier: BSD-2-Clause
// Changing owners for chown and chgrp.
#ifndef APP_LIB_OWNER_H
#define APP_LIB_OWNER_H

#include <stdbool.h>
#include <sys/types.h>

/* Sets path's owner and group ((uid_t)-1, (gid_t)-1: unchanged), with -R
 * every file below a directory too (links inside a tree are changed
 * themselves, never followed); with -h (nofollow) an operand that is a
 * link is changed itself. Reports failures; 0 or 1. */
int util_chown_tree(const char *path, uid_t uid, gid_t gid, bool recurse, bool nofollow);

/* chown's and chgrp's command line: [-hR] spec file...; parse turns spec
 * into the owner and group to set (false: it said what is wrong). The
 * exit status. */
int util_owner_main(int argc, char **argv, const char *usage,
		    bool (*parse)(char *spec, uid_t *uid, gid_t *gid));

#endif
