// SPDX-License-Identifier: BSD-2-Clause
// <pwd.h>: the user database, /etc/passwd (lib/c/os/proc/users.c). A
// lookup that finds nothing is NULL (the _r forms: 0 with *result NULL)
// with errno unchanged; malformed lines of the file are skipped.
#ifndef _PWD_H
#define _PWD_H
#include <stddef.h>
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
int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t size, struct passwd **result);
int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t size, struct passwd **result);
struct passwd *getpwent(void);
void setpwent(void);
void endpwent(void);

#endif
