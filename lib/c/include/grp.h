// SPDX-License-Identifier: BSD-2-Clause
// <grp.h>: the group database, /etc/group (lib/c/os/proc/users.c), with
// <pwd.h>'s conventions.
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
int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t size, struct group **result);
int getgrnam_r(const char *name, struct group *gr, char *buf, size_t size, struct group **result);
struct group *getgrent(void);
void setgrent(void);
void endgrent(void);
/* The groups user belongs to: group first, then every group of
 * /etc/group listing user, each once. At most *ngroups are stored; the
 * count found is in *ngroups, and -1 when it was more than fitted. */
int getgrouplist(const char *user, gid_t group, gid_t *groups, int *ngroups);
/* Supplementary groups (lib/c/os/fd/groups.c); getgroups is <unistd.h>'s.
 * initgroups sets getgrouplist's list. */
int setgroups(size_t size, const gid_t *list);
int initgroups(const char *user, gid_t group);

#endif
