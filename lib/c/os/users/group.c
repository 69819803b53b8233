// SPDX-License-Identifier: BSD-2-Clause
// <grp.h> on /etc/group, as passwd.c does <pwd.h>, and getgrouplist.
#include "../../internal/pwent.h"
#include "../internal/userdb.h"

#include <errno.h>
#include <grp.h>
#include <string.h>

struct grkey {
	const char *name; /* or NULL: by gid */
	gid_t gid;
	const char *member; /* or NULL: by name or gid */
};

static bool gr_match(const void *ent, const void *key)
{
	const struct group *gr = ent;
	const struct grkey *k = key;
	if (k->member) {
		for (char **m = gr->gr_mem; *m; m++)
			if (!strcmp(*m, k->member))
				return true;
		return false;
	}
	return k->name ? !strcmp(gr->gr_name, k->name) : gr->gr_gid == k->gid;
}

static int gr_parse(const char *line, size_t len, void *ent, char *buf, size_t size)
{
	return __grent_parse(line, len, ent, buf, size);
}

static size_t gr_need(size_t len)
{
	return GRENT_BUF_FOR(len);
}

static const struct userdb group_db = { "/etc/group", gr_parse, gr_need, gr_match };

static struct group static_gr;
static char *static_buf;
static size_t static_size;
static FILE *ent_file; /* getgrent's place */

static int find_r(const struct grkey *k, struct group *gr, char *buf, size_t size,
		  struct group **result)
{
	int err = userdb_find(&group_db, k, gr, buf, size);
	*result = err ? NULL : gr;
	return err == ENOENT ? 0 : err;
}

int getgrnam_r(const char *name, struct group *gr, char *buf, size_t size, struct group **result)
{
	return find_r(&(struct grkey){ name, 0, NULL }, gr, buf, size, result);
}

int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t size, struct group **result)
{
	return find_r(&(struct grkey){ NULL, gid, NULL }, gr, buf, size, result);
}

struct group *getgrnam(const char *name)
{
	struct grkey k = { name, 0, NULL };
	return userdb_static(&group_db, NULL, &k, &static_gr, &static_buf, &static_size);
}

struct group *getgrgid(gid_t gid)
{
	struct grkey k = { NULL, gid, NULL };
	return userdb_static(&group_db, NULL, &k, &static_gr, &static_buf, &static_size);
}

void setgrent(void)
{
	if (ent_file)
		rewind(ent_file);
}

void endgrent(void)
{
	if (ent_file)
		fclose(ent_file);
	ent_file = NULL;
}

struct group *getgrent(void)
{
	if (!ent_file && !(ent_file = userdb_open(&group_db)))
		return NULL;
	return userdb_static(&group_db, ent_file, NULL, &static_gr, &static_buf, &static_size);
}

int getgrouplist(const char *user, gid_t group, gid_t *groups, int *ngroups)
{
	int n = 0, max = *ngroups;
	if (n < max)
		groups[n] = group;
	n++;
	FILE *f = userdb_open(&group_db);
	if (f) {
		struct grkey k = { NULL, 0, user };
		struct group gr;
		char buf[1024];
		int err;
		/* A line longer than buf is one we cannot read whole: skipped. */
		while ((err = userdb_next(&group_db, f, &k, &gr, buf, sizeof(buf))) != ENOENT) {
			if (err == ERANGE)
				continue;
			if (err)
				break;
			bool seen = false;
			for (int i = 0; i < n && i < max && !seen; i++)
				seen = groups[i] == gr.gr_gid;
			if (seen)
				continue;
			if (n < max)
				groups[n] = gr.gr_gid;
			n++;
		}
		fclose(f);
	}
	*ngroups = n;
	return n > max ? -1 : n;
}
