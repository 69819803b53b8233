// SPDX-License-Identifier: BSD-2-Clause
// Names in `user = ...` (docs/ARCHITECTURE.md section 19.5): looked up in
// the boot archive's etc/passwd and etc/group, the files that are /etc on
// the root file system, when the definitions are loaded. Init reads the
// archive rather than the VFS because services run as users before any
// file system is up (the VFS is a service itself), and the archive is
// what / holds. The lines are parsed by the C library's parser
// (lib/c/pwd/pwent.c), which refuses malformed ones: they are skipped.
#include "../../lib/c/internal/pwent.h"
#include "initd.h"
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>

/* The longest line looked at; longer ones are skipped, as malformed. */
#define LINE_MAX_USERS 512

/* Calls found(ent) for each well-formed line of the archive's file until
 * it returns true; false when none did (or the file is missing). */
static bool scan(const char *path, bool group, bool (*found)(void *ent, void *ctx), void *ctx)
{
	const void *data;
	size_t len;
	if (vg_initrd_find(path, &data, &len))
		return false;
	const char *p = data, *end = p + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);
		static char buf[GRENT_BUF_FOR(LINE_MAX_USERS)] __attribute__((aligned(8)));
		union {
			struct passwd pw;
			struct group gr;
		} ent;
		int r = n > LINE_MAX_USERS ? 1
			: group		   ? __grent_parse(p, n, &ent.gr, buf, sizeof(buf))
					   : __pwent_parse(p, n, &ent.pw, buf, sizeof(buf));
		if (!r && found(&ent, ctx))
			return true;
		p += n + 1;
	}
	return false;
}

struct want {
	const char *name;
	uint32_t id, gid;
};

static bool user_found(void *ent, void *ctx)
{
	const struct passwd *pw = ent;
	struct want *w = ctx;
	if (strcmp(pw->pw_name, w->name))
		return false;
	w->id = pw->pw_uid;
	w->gid = pw->pw_gid;
	return true;
}

static bool group_found(void *ent, void *ctx)
{
	const struct group *gr = ent;
	struct want *w = ctx;
	if (strcmp(gr->gr_name, w->name))
		return false;
	w->id = gr->gr_gid;
	return true;
}

int users_resolve(struct svcdef *d, char *why, size_t size)
{
	if (!d->has_user)
		return 0;
	if (d->user_name[0]) {
		struct want w = { d->user_name, 0, 0 };
		if (!scan("etc/passwd", false, user_found, &w)) {
			snprintf(why, size, "user '%s' is not in /etc/passwd", d->user_name);
			return -1;
		}
		d->uid = w.id;
		if (!d->group_name[0])
			d->gid = w.gid; /* the user's login group */
	}
	if (d->group_name[0]) {
		struct want w = { d->group_name, 0, 0 };
		if (!scan("etc/group", true, group_found, &w)) {
			snprintf(why, size, "group '%s' is not in /etc/group", d->group_name);
			return -1;
		}
		d->gid = w.id;
	}
	return 0;
}
