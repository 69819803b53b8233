// SPDX-License-Identifier: BSD-2-Clause
// <pwd.h>: the user database. There is none yet (lib/c/os/proc/users.c):
// every lookup finds nothing.
#ifndef _PWD_H
#define _PWD_H
#include <sys/types.h>

struct passwd {
	char *pw_name;
	char *pw_passwd;
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos;
	char *pw_dir;
	char *pw_shell;
};

struct passwd *getpwuid(uid_t uid);
struct passwd *getpwnam(const char *name);

#endif
