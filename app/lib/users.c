// SPDX-License-Identifier: BSD-2-Clause
// User and group names and operands (users.h).
#include "users.h"

#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>

#include "util.h"

void util_user_name(char *buf, size_t n, uid_t uid)
{
	const struct passwd *pw = getpwuid(uid);
	if (pw)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "%u", (unsigned)uid);
}

void util_group_name(char *buf, size_t n, gid_t gid)
{
	const struct group *gr = getgrgid(gid);
	if (gr)
		snprintf(buf, n, "%s", gr->gr_name);
	else
		snprintf(buf, n, "%u", (unsigned)gid);
}

/* An id: at most UINT_MAX - 1 ((uid_t)-1 means "no change" to chown). */
static bool parse_id(const char *s, unsigned *out)
{
	long v;
	if (!util_parse_long(s, &v) || v < 0 || (unsigned long)v >= UINT_MAX)
		return false;
	*out = (unsigned)v;
	return true;
}

bool util_parse_user(const char *s, uid_t *out)
{
	const struct passwd *pw = *s ? getpwnam(s) : NULL;
	if (pw) {
		*out = pw->pw_uid;
		return true;
	}
	unsigned v;
	if (!parse_id(s, &v))
		return false;
	*out = (uid_t)v;
	return true;
}

bool util_parse_group(const char *s, gid_t *out)
{
	const struct group *gr = *s ? getgrnam(s) : NULL;
	if (gr) {
		*out = gr->gr_gid;
		return true;
	}
	unsigned v;
	if (!parse_id(s, &v))
		return false;
	*out = (gid_t)v;
	return true;
}
