// SPDX-License-Identifier: BSD-2-Clause
// <grp.h>: the group database. There is none yet (lib/c/os/proc/users.c):
// every lookup finds nothing.
#ifndef _GRP_H
#define _GRP_H
#include <stddef.h>
#include <sys/types.h>

struct group {
	char *gr_name;
	char *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;
};

struct group *getgrgid(gid_t gid);
struct group *getgrnam(const char *name);
/* Supplementary groups (lib/c/os/fd/groups.c); getgroups is <unistd.h>'s.
 * initgroups gives the user the one group, there being no database. */
int setgroups(size_t size, const gid_t *list);
int initgroups(const char *user, gid_t group);

#endif
