// SPDX-License-Identifier: BSD-2-Clause
// <pwd.h> on /etc/passwd, and getlogin. The file is read at each lookup
// (nothing cached, so an edit shows at once); the non-reentrant forms
// share one static entry and buffer, as POSIX allows.
#include "../../internal/pwent.h"
#include "../internal/userdb.h"

#include <errno.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

struct pwkey {
	const char *name; /* or NULL: by uid */
	uid_t uid;
};

static bool pw_match(const void *ent, const void *key)
{
	const struct passwd *pw = ent;
	const struct pwkey *k = key;
	return k->name ? !strcmp(pw->pw_name, k->name) : pw->pw_uid == k->uid;
}

static int pw_parse(const char *line, size_t len, void *ent, char *buf, size_t size)
{
	return __pwent_parse(line, len, ent, buf, size);
}

static size_t pw_need(size_t len)
{
	return len + 1;
}

static const struct userdb passwd_db = { "/etc/passwd", pw_parse, pw_need, pw_match };

static struct passwd static_pw;
static char *static_buf;
static size_t static_size;
static FILE *ent_file; /* getpwent's place */

static int find_r(const struct pwkey *k, struct passwd *pw, char *buf, size_t size,
		  struct passwd **result)
{
	int err = userdb_find(&passwd_db, k, pw, buf, size);
	*result = err ? NULL : pw;
	return err == ENOENT ? 0 : err;
}

int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t size, struct passwd **result)
{
	return find_r(&(struct pwkey){ name, 0 }, pw, buf, size, result);
}

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t size, struct passwd **result)
{
	return find_r(&(struct pwkey){ NULL, uid }, pw, buf, size, result);
}

struct passwd *getpwnam(const char *name)
{
	struct pwkey k = { name, 0 };
	return userdb_static(&passwd_db, NULL, &k, &static_pw, &static_buf, &static_size);
}

struct passwd *getpwuid(uid_t uid)
{
	struct pwkey k = { NULL, uid };
	return userdb_static(&passwd_db, NULL, &k, &static_pw, &static_buf, &static_size);
}

void setpwent(void)
{
	if (ent_file)
		rewind(ent_file);
}

void endpwent(void)
{
	if (ent_file)
		fclose(ent_file);
	ent_file = NULL;
}

struct passwd *getpwent(void)
{
	if (!ent_file && !(ent_file = userdb_open(&passwd_db)))
		return NULL;
	return userdb_static(&passwd_db, ent_file, NULL, &static_pw, &static_buf, &static_size);
}

int getlogin_r(char *name, size_t size)
{
	int saved = errno;
	struct passwd *pw = getpwuid(getuid());
	if (!pw) {
		int err = errno != saved ? errno : ENXIO;
		errno = saved;
		return err;
	}
	size_t n = strlen(pw->pw_name);
	if (n >= size)
		return ERANGE;
	memcpy(name, pw->pw_name, n + 1);
	return 0;
}

char *getlogin(void)
{
	static char name[256];
	int err = getlogin_r(name, sizeof(name));
	if (err) {
		errno = err;
		return NULL;
	}
	return name;
}
