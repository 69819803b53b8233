// SPDX-License-Identifier: BSD-2-Clause
// User and group identity. Verdigris has no users yet: every process runs
// as user 0 of group 0 (what the filesystems record as owner), and there is
// no user database, so getpwuid and friends find no entry (NULL with errno
// unchanged, as POSIX says for "not found") and programs print numbers.
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

uid_t getuid(void)
{
	return 0;
}

uid_t geteuid(void)
{
	return 0;
}

gid_t getgid(void)
{
	return 0;
}

gid_t getegid(void)
{
	return 0;
}

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
