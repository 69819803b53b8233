// SPDX-License-Identifier: BSD-2-Clause
// <grp.h>: the group database. There is none yet (lib/c/os/proc/users.c):
// every lookup finds nothing.
#ifndef _GRP_H
#define _GRP_H
#include <sys/types.h>

struct group {
	char *gr_name;
	char *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;
};

struct group *getgrgid(gid_t gid);
struct group *getgrnam(const char *name);

#endif
