// SPDX-License-Identifier: BSD-2-Clause
// The VFS's permission rules (srv/vfs/perm.c) and its table of credentials
// (srv/vfs/creds.c) on the host: mode bits by owner, group (effective or
// supplementary) and others, root's bypass, the sticky bit, setattr's
// ownership rules, what changing ids and groups allows, and the table's
// entries named by badges.
#include "../../srv/vfs/creds.h"
#include <vtest.h>

static struct fs_attr node(fs_kind_t kind, uint32_t mode, uint32_t uid, uint32_t gid)
{
	return (struct fs_attr){ .kind = kind, .mode = mode, .uid = uid, .gid = gid };
}

/* uid and gid as real, effective and saved ids, no supplementary groups. */
#define IDS(uid, gid)                                                                      \
	{                                                                                  \
		.ruid = (uid), .euid = (uid), .suid = (uid), .rgid = (gid), .egid = (gid), \
		.sgid = (gid)                                                              \
	}
#define SIX(ru, eu, su, rg, eg, sg)                                                                \
	{                                                                                          \
		.ruid = (ru), .euid = (eu), .suid = (su), .rgid = (rg), .egid = (eg), .sgid = (sg) \
	}

static const struct vfs_cred root = IDS(0, 0), user = IDS(1000, 100);

TEST(vfs_perm, creds_table)
{
	static struct vfs_creds t;
	vfs_creds_init(&t);
	const struct vfs_cred *r = vfs_creds_get(&t, 0); /* the unbadged handle is root */
	CHECK(r && r->euid == 0 && r->ruid == 0 && r->suid == 0 && r->ngroups == 0);
	CHECK(!vfs_creds_get(&t, 1) && !vfs_creds_get(&t, VFS_CREDS) && !vfs_creds_get(&t, ~0ull));
	struct vfs_cred c = IDS(7, 8);
	c.ngroups = 2, c.groups[0] = 50, c.groups[1] = 51;
	uint64_t b1, b2;
	CHECK_EQ_I(vfs_creds_add(&t, &c, &b1), 0);
	CHECK(b1 != 0 && b1 < VFS_CREDS);
	const struct vfs_cred *got = vfs_creds_get(&t, b1);
	CHECK(got && got->euid == 7 && got->egid == 8 && got->ngroups == 2 && got->groups[1] == 51);
	/* A second entry, even with the same ids: a badge is never minted
	 * again while it may have handles. */
	CHECK_EQ_I(vfs_creds_add(&t, &c, &b2), 0);
	CHECK(b2 != b1 && b2 != 0);
	vfs_creds_release(&t, b1);
	CHECK(!vfs_creds_get(&t, b1) && vfs_creds_get(&t, b2));
	vfs_creds_release(&t, 0); /* root stays */
	vfs_creds_release(&t, 1ull << 40); /* a badge it never minted: ignored */
	CHECK(vfs_creds_get(&t, 0));
	/* Full: every entry but root's in use, then refused; one freed is
	 * taken again. */
	uint64_t b;
	for (unsigned i = 0; i < VFS_CREDS - 2; i++)
		CHECK_EQ_I(vfs_creds_add(&t, &c, &b), 0);
	CHECK_EQ_I(vfs_creds_add(&t, &c, &b), FS_FS_ERROR_NO_SPACE_LEFT_IN_TABLE);
	vfs_creds_release(&t, b2);
	CHECK_EQ_I(vfs_creds_add(&t, &c, &b), 0);
	CHECK_EQ_I(b, b2);
}

TEST(vfs_perm, owner_group_other)
{
	struct fs_attr f = node(FS_KIND_FILE, 0640, 1000, 200);
	const struct vfs_cred owner = IDS(1000, 1), member = IDS(7, 200), other = IDS(7, 8),
			      owner_in_group = IDS(1000, 200);
	CHECK_EQ_I(vfs_may(&owner, &f, VFS_MAY_READ | VFS_MAY_WRITE), 0);
	CHECK_EQ_I(vfs_may(&owner, &f, VFS_MAY_EXEC), FS_FS_ERROR_DENIED);
	CHECK_EQ_I(vfs_may(&member, &f, VFS_MAY_READ), 0);
	CHECK_EQ_I(vfs_may(&member, &f, VFS_MAY_WRITE), FS_FS_ERROR_DENIED);
	CHECK_EQ_I(vfs_may(&other, &f, VFS_MAY_READ), FS_FS_ERROR_DENIED);
	/* The owner's bits decide for the owner, even when others have more. */
	struct fs_attr g = node(FS_KIND_FILE, 0077, 1000, 200);
	CHECK_EQ_I(vfs_may(&owner_in_group, &g, VFS_MAY_READ), FS_FS_ERROR_DENIED);
	CHECK_EQ_I(vfs_may(&other, &g, VFS_MAY_READ | VFS_MAY_WRITE | VFS_MAY_EXEC), 0);
	CHECK_EQ_I(vfs_may(&other, &g, 0), 0);
	/* Only the effective uid counts, not the real or saved one. */
	const struct vfs_cred real_owner = SIX(1000, 7, 1000, 8, 8, 8);
	CHECK_EQ_I(vfs_may(&real_owner, &f, VFS_MAY_READ), FS_FS_ERROR_DENIED);
}

TEST(vfs_perm, supplementary_groups)
{
	struct fs_attr f = node(FS_KIND_FILE, 0604, 1000, 200); /* group: none */
	struct fs_attr h = node(FS_KIND_FILE, 0640, 1000, 300); /* group: read */
	struct vfs_cred c = IDS(7, 8);
	c.ngroups = 3, c.groups[0] = 5, c.groups[1] = 200, c.groups[2] = VFS_ID_MAX;
	CHECK(vfs_in_group(&c, 8) && vfs_in_group(&c, 200) && vfs_in_group(&c, VFS_ID_MAX));
	CHECK(!vfs_in_group(&c, 300) && !vfs_in_group(&c, 0));
	/* In f's group: the group's bits (none), not the others' (read). */
	CHECK_EQ_I(vfs_may(&c, &f, VFS_MAY_READ), FS_FS_ERROR_DENIED);
	CHECK_EQ_I(vfs_may(&c, &h, VFS_MAY_READ), FS_FS_ERROR_DENIED); /* not in 300 */
	c.groups[2] = 300;
	CHECK_EQ_I(vfs_may(&c, &h, VFS_MAY_READ), 0);
	CHECK_EQ_I(vfs_may(&c, &h, VFS_MAY_WRITE), FS_FS_ERROR_DENIED);
	/* Groups past ngroups are no one's. */
	c.ngroups = 2;
	CHECK_EQ_I(vfs_may(&c, &h, VFS_MAY_READ), FS_FS_ERROR_DENIED);
	/* The real gid is not a member's: only effective and supplementary. */
	const struct vfs_cred real_only = SIX(7, 7, 7, 300, 8, 300);
	CHECK_EQ_I(vfs_may(&real_only, &h, VFS_MAY_READ), FS_FS_ERROR_DENIED);
	/* chown to a group: the owner, to a group it is in. */
	struct vfs_cred owner = IDS(1000, 100);
	owner.ngroups = 1, owner.groups[0] = 400;
	struct fs_attr mine = node(FS_KIND_FILE, 0644, 1000, 100), set = mine;
	uint32_t mask = VFS_SET_GID;
	set.gid = 400;
	CHECK_EQ_I(vfs_may_setattr(&owner, &mine, &mask, &set), 0);
	set.gid = 401;
	CHECK_EQ_I(vfs_may_setattr(&owner, &mine, &mask, &set), FS_FS_ERROR_NOT_PERMITTED);
	/* A set-group-ID bit stays for a supplementary group, goes for others. */
	struct fs_attr in400 = node(FS_KIND_FILE, 0644, 1000, 400);
	mask = VFS_SET_MODE, set = in400, set.mode = 02755;
	CHECK_EQ_I(vfs_may_setattr(&owner, &in400, &mask, &set), 0);
	CHECK_EQ_I(set.mode, 02755);
	struct fs_attr in401 = node(FS_KIND_FILE, 0644, 1000, 401);
	mask = VFS_SET_MODE, set = in401, set.mode = 02755;
	CHECK_EQ_I(vfs_may_setattr(&owner, &in401, &mask, &set), 0);
	CHECK_EQ_I(set.mode, 0755);
}

TEST(vfs_perm, root_bypass)
{
	struct fs_attr f = node(FS_KIND_FILE, 0, 1000, 1000), d = node(FS_KIND_DIR, 0, 5, 5);
	CHECK_EQ_I(vfs_may(&root, &f, VFS_MAY_READ | VFS_MAY_WRITE), 0);
	CHECK_EQ_I(vfs_may(&root, &f, VFS_MAY_EXEC), FS_FS_ERROR_DENIED);
	CHECK_EQ_I(vfs_may(&root, &d, VFS_MAY_EXEC | VFS_MAY_WRITE), 0);
	f.mode = 0001; /* any x bit lets root execute */
	CHECK_EQ_I(vfs_may(&root, &f, VFS_MAY_EXEC), 0);
	/* Root is the effective uid 0: a real root with another effective
	 * uid is not. */
	const struct vfs_cred dropped = SIX(0, 1000, 0, 0, 0, 0);
	f.mode = 0;
	CHECK_EQ_I(vfs_may(&dropped, &f, VFS_MAY_READ), FS_FS_ERROR_DENIED);
}

TEST(vfs_perm, delete_and_sticky)
{
	struct fs_attr dir = node(FS_KIND_DIR, 0755, 0, 0), f = node(FS_KIND_FILE, 0666, 0, 0);
	CHECK_EQ_I(vfs_may_delete(&user, &dir, &f), FS_FS_ERROR_DENIED);
	dir.mode = 0733; /* write without read: enough */
	CHECK_EQ_I(vfs_may_delete(&user, &dir, &f), 0);
	dir.mode = 0766; /* write without search: not */
	CHECK_EQ_I(vfs_may_delete(&user, &dir, &f), FS_FS_ERROR_DENIED);
	dir.mode = 01777;
	CHECK_EQ_I(vfs_may_delete(&user, &dir, &f), FS_FS_ERROR_NOT_PERMITTED);
	f.uid = 1000;
	CHECK_EQ_I(vfs_may_delete(&user, &dir, &f), 0);
	f.uid = 0, dir.uid = 1000;
	CHECK_EQ_I(vfs_may_delete(&user, &dir, &f), 0);
	dir.uid = 0;
	CHECK_EQ_I(vfs_may_delete(&root, &dir, &f), 0);
}

TEST(vfs_perm, setattr_rules)
{
	struct fs_attr f = node(FS_KIND_FILE, 04755, 1000, 100), set = f;
	uint32_t mask = VFS_SET_MODE;
	set.mode = 0700;
	CHECK_EQ_I(vfs_may_setattr(&user, &f, &mask, &set), 0);
	struct fs_attr other = node(FS_KIND_FILE, 0666, 0, 0);
	CHECK_EQ_I(vfs_may_setattr(&user, &other, &mask, &set), FS_FS_ERROR_NOT_PERMITTED);
	CHECK_EQ_I(vfs_may_setattr(&root, &other, &mask, &set), 0);
	/* Giving away: root only; the owner may pick its own group. */
	mask = VFS_SET_UID, set.uid = 0;
	CHECK_EQ_I(vfs_may_setattr(&user, &f, &mask, &set), FS_FS_ERROR_NOT_PERMITTED);
	set.uid = 1000; /* the same owner: allowed, and set-user-ID goes */
	CHECK_EQ_I(vfs_may_setattr(&user, &f, &mask, &set), 0);
	CHECK(mask & VFS_SET_MODE);
	CHECK_EQ_I(set.mode, 0755);
	mask = VFS_SET_GID, set = f, set.gid = 5;
	CHECK_EQ_I(vfs_may_setattr(&user, &f, &mask, &set), FS_FS_ERROR_NOT_PERMITTED);
	set.gid = 100;
	CHECK_EQ_I(vfs_may_setattr(&user, &f, &mask, &set), 0);
	/* A set-group-ID bit for a group the caller is not in is dropped. */
	struct fs_attr theirs = node(FS_KIND_FILE, 0644, 1000, 7);
	mask = VFS_SET_MODE, set = theirs, set.mode = 02755;
	CHECK_EQ_I(vfs_may_setattr(&user, &theirs, &mask, &set), 0);
	CHECK_EQ_I(set.mode, 0755);
	/* Sizes need write permission; times "now" ownership or write; set
	 * times ownership. */
	mask = VFS_SET_SIZE;
	CHECK_EQ_I(vfs_may_setattr(&user, &other, &mask, &set), 0);
	other.mode = 0644;
	CHECK_EQ_I(vfs_may_setattr(&user, &other, &mask, &set), FS_FS_ERROR_DENIED);
	mask = VFS_SET_ATIME_NOW | VFS_SET_MTIME_NOW;
	CHECK_EQ_I(vfs_may_setattr(&user, &other, &mask, &set), FS_FS_ERROR_DENIED);
	other.mode = 0666;
	CHECK_EQ_I(vfs_may_setattr(&user, &other, &mask, &set), 0);
	mask = VFS_SET_MTIME;
	CHECK_EQ_I(vfs_may_setattr(&user, &other, &mask, &set), FS_FS_ERROR_NOT_PERMITTED);
	CHECK_EQ_I(vfs_may_setattr(&user, &f, &mask, &set), 0);
}

TEST(vfs_perm, become)
{
	struct vfs_cred next = IDS(5, 5);
	CHECK_EQ_I(vfs_may_become(&root, &next), 0);
	CHECK_EQ_I(vfs_may_become(&user, &next), FS_FS_ERROR_NOT_PERMITTED);
	const struct vfs_cred setuid_prog = SIX(1000, 0, 0, 100, 100, 100); /* effective root */
	next = (struct vfs_cred)IDS(1000, 100);
	CHECK_EQ_I(vfs_may_become(&setuid_prog, &next), 0);
	const struct vfs_cred dropped = SIX(1000, 2000, 2000, 100, 100, 100);
	next = (struct vfs_cred)SIX(2000, 1000, 2000, 100, 100, 100); /* swap real and effective */
	CHECK_EQ_I(vfs_may_become(&dropped, &next), 0);
	next.egid = 0;
	CHECK_EQ_I(vfs_may_become(&dropped, &next), FS_FS_ERROR_NOT_PERMITTED);
	/* The saved id: effective 1000 may go to its saved 0 and back, but
	 * not to anything it does not hold. */
	const struct vfs_cred saved_root = SIX(1000, 1000, 0, 100, 100, 100);
	next = (struct vfs_cred)SIX(1000, 0, 0, 100, 100, 100);
	CHECK_EQ_I(vfs_may_become(&saved_root, &next), 0);
	next = (struct vfs_cred)SIX(0, 0, 0, 100, 100, 100);
	CHECK_EQ_I(vfs_may_become(&saved_root, &next), 0); /* all three may be the saved */
	next = (struct vfs_cred)SIX(1000, 5, 0, 100, 100, 100);
	CHECK_EQ_I(vfs_may_become(&saved_root, &next), FS_FS_ERROR_NOT_PERMITTED);
	/* Saved groups likewise. */
	const struct vfs_cred saved_gid = SIX(1000, 1000, 1000, 100, 100, 50);
	next = (struct vfs_cred)SIX(1000, 1000, 1000, 100, 50, 50);
	CHECK_EQ_I(vfs_may_become(&saved_gid, &next), 0);
	next.rgid = 51;
	CHECK_EQ_I(vfs_may_become(&saved_gid, &next), FS_FS_ERROR_NOT_PERMITTED);
	/* 0xffffffff is no id, for root too. */
	next = (struct vfs_cred)SIX(0, 0, 0, 0, 0, VFS_ID_MAX + 1);
	CHECK_EQ_I(vfs_may_become(&root, &next), FS_FS_ERROR_INVALID);
	next = (struct vfs_cred)SIX(0, 0, VFS_ID_MAX + 1, 0, 0, 0);
	CHECK_EQ_I(vfs_may_become(&root, &next), FS_FS_ERROR_INVALID);
	next = (struct vfs_cred)IDS(VFS_ID_MAX, VFS_ID_MAX);
	CHECK_EQ_I(vfs_may_become(&root, &next), 0);
}

TEST(vfs_perm, setgroups)
{
	uint32_t list[VFS_NGROUPS + 1];
	for (unsigned i = 0; i <= VFS_NGROUPS; i++)
		list[i] = 100 + i;
	CHECK_EQ_I(vfs_may_setgroups(&root, VFS_NGROUPS, list), 0);
	CHECK_EQ_I(vfs_may_setgroups(&root, 0, list), 0);
	CHECK_EQ_I(vfs_may_setgroups(&root, VFS_NGROUPS + 1, list), FS_FS_ERROR_INVALID);
	CHECK_EQ_I(vfs_may_setgroups(&user, 1, list), FS_FS_ERROR_NOT_PERMITTED);
	CHECK_EQ_I(vfs_may_setgroups(&user, 0, list), FS_FS_ERROR_NOT_PERMITTED);
	/* A real root that dropped its effective uid is not privileged. */
	const struct vfs_cred dropped = SIX(0, 1000, 0, 0, 0, 0);
	CHECK_EQ_I(vfs_may_setgroups(&dropped, 1, list), FS_FS_ERROR_NOT_PERMITTED);
	list[3] = VFS_ID_MAX + 1;
	CHECK_EQ_I(vfs_may_setgroups(&root, 4, list), FS_FS_ERROR_INVALID);
}
