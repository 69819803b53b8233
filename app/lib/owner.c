// SPDX-License-Identifier: BSD-2-Clause
// Changing owners, one file or a tree (owner.h).
#include "owner.h"

#include <sys/stat.h>
#include <unistd.h>

#include "children.h"
#include "util.h"

struct owner {
	uid_t uid;
	gid_t gid;
};

static int change(const char *path, uid_t uid, gid_t gid, bool recurse, bool follow);

/* Inside a tree: links are changed themselves, never followed. */
static int change_child(const char *child, void *ctx)
{
	const struct owner *o = ctx;
	return change(child, o->uid, o->gid, true, false);
}

static int change(const char *path, uid_t uid, gid_t gid, bool recurse, bool follow)
{
	struct stat st;
	if ((follow ? stat : lstat)(path, &st) != 0) {
		util_warn(path);
		return 1;
	}
	int status = 0;
	if ((follow ? chown : lchown)(path, uid, gid) != 0) {
		util_warn(path);
		status = 1;
	}
	if (!recurse || !S_ISDIR(st.st_mode))
		return status;
	return status | util_each_child(path, change_child, &(struct owner){ uid, gid });
}

int util_chown_tree(const char *path, uid_t uid, gid_t gid, bool recurse, bool nofollow)
{
	return change(path, uid, gid, recurse, !nofollow);
}

int util_owner_main(int argc, char **argv, const char *usage,
		    bool (*parse)(char *spec, uid_t *uid, gid_t *gid))
{
	bool recurse = false, nofollow = false;
	int c;
	while ((c = getopt(argc, argv, "hR")) != -1) {
		switch (c) {
		case 'h': nofollow = true; break;
		case 'R': recurse = true; break;
		default: util_usage(usage);
		}
	}
	if (argc - optind < 2) {
		util_warnx("missing operand");
		util_usage(usage);
	}
	uid_t uid = (uid_t)-1;
	gid_t gid = (gid_t)-1;
	if (!parse(argv[optind++], &uid, &gid))
		return 1;
	int status = 0;
	for (; optind < argc; optind++)
		status |= util_chown_tree(argv[optind], uid, gid, recurse, nofollow);
	return util_finish(status);
}
