// SPDX-License-Identifier: BSD-2-Clause
// The user and group databases. Verdigris has none yet (the ids
// themselves are the VFS handle's: lib/c/os/fd/ids.c), so getpwuid and
// friends find no entry (NULL with errno unchanged, as POSIX says for "not
// found") and programs print numbers.
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

struct passwd *getpwuid(uid_t uid)
{
	(void)uid;
	return NULL;
}

struct passwd *getpwnam(const char *name)
{
	(void)name;
	return NULL;
}

struct group *getgrgid(gid_t gid)
{
	(void)gid;
	return NULL;
}

struct group *getgrnam(const char *name)
{
	(void)name;
	return NULL;
}
