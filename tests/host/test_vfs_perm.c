// SPDX-License-Identifier: BSD-2-Clause
// The VFS's permission rules (srv/vfs/perm.c) on the host: the credential
// badge, mode bits by owner, group and others, root's bypass, the sticky
// bit, setattr's ownership rules and what changing ids allows.
#include "../../srv/vfs/perm.h"
#include <vtest.h>

static struct fs_attr node(fs_kind_t kind, uint32_t mode, uint32_t uid, uint32_t gid)
{
	return (struct fs_attr){ .kind = kind, .mode = mode, .uid = uid, .gid = gid };
}

static const struct vfs_cred root = { 0, 0, 0, 0 }, user = { 1000, 1000, 100, 100 };

TEST(vfs_perm, badge_round_trip)
{
	uint64_t b;
	struct vfs_cred c = { 1, 2, 3, VFS_ID_MAX }, back;
	CHECK(vfs_cred_badge(&c, &b));
	CHECK(b >> 63 == 0); /* the kernel refuses badges with the top bit */
	vfs_cred_of_badge(b, &back);
	CHECK(back.ruid == 1 && back.euid == 2 && back.rgid == 3 && back.egid == VFS_ID_MAX);
	CHECK(vfs_cred_badge(&root, &b) && b == 0); /* the unbadged handle is root */
	c.ruid = VFS_ID_MAX + 1;
	CHECK(!vfs_cred_badge(&c, &b));
	vfs_cred_of_badge(0, &back);
	CHECK(back.ruid == 0 && back.euid == 0 && back.rgid == 0 && back.egid == 0);
}

TEST(vfs_perm, owner_group_other)
{
	struct fs_attr f = node(FS_KIND_FILE, 0640, 1000, 200);
	CHECK_EQ_I(vfs_may(1000, 1, &f, VFS_MAY_READ | VFS_MAY_WRITE), 0);
	CHECK_EQ_I(vfs_may(1000, 1, &f, VFS_MAY_EXEC), FS_FS_ERROR_DENIED);
	CHECK_EQ_I(vfs_may(7, 200, &f, VFS_MAY_READ), 0);
	CHECK_EQ_I(vfs_may(7, 200, &f, VFS_MAY_WRITE), FS_FS_ERROR_DENIED);
	CHECK_EQ_I(vfs_may(7, 8, &f, VFS_MAY_READ), FS_FS_ERROR_DENIED);
	/* The owner's bits decide for the owner, even when others have more. */
	struct fs_attr g = node(FS_KIND_FILE, 0077, 1000, 200);
	CHECK_EQ_I(vfs_may(1000, 200, &g, VFS_MAY_READ), FS_FS_ERROR_DENIED);
	CHECK_EQ_I(vfs_may(7, 8, &g, VFS_MAY_READ | VFS_MAY_WRITE | VFS_MAY_EXEC), 0);
	CHECK_EQ_I(vfs_may(7, 8, &g, 0), 0);
}

TEST(vfs_perm, root_bypass)
{
	struct fs_attr f = node(FS_KIND_FILE, 0, 1000, 1000), d = node(FS_KIND_DIR, 0, 5, 5);
	CHECK_EQ_I(vfs_may(0, 0, &f, VFS_MAY_READ | VFS_MAY_WRITE), 0);
	CHECK_EQ_I(vfs_may(0, 0, &f, VFS_MAY_EXEC), FS_FS_ERROR_DENIED);
	CHECK_EQ_I(vfs_may(0, 0, &d, VFS_MAY_EXEC | VFS_MAY_WRITE), 0);
	f.mode = 0001; /* any x bit lets root execute */
	CHECK_EQ_I(vfs_may(0, 0, &f, VFS_MAY_EXEC), 0);
	CHECK_EQ_I(vfs_may_eff(&root, &f, VFS_MAY_EXEC), 0);
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
	struct vfs_cred next = { 5, 5, 5, 5 };
	CHECK_EQ_I(vfs_may_become(&root, &next), 0);
	CHECK_EQ_I(vfs_may_become(&user, &next), FS_FS_ERROR_NOT_PERMITTED);
	struct vfs_cred setuid_prog = { 1000, 0, 100, 100 }; /* effective root */
	next = (struct vfs_cred){ 1000, 1000, 100, 100 };
	CHECK_EQ_I(vfs_may_become(&setuid_prog, &next), 0);
	struct vfs_cred dropped = { 1000, 2000, 100, 100 };
	next = (struct vfs_cred){ 2000, 1000, 100, 100 }; /* swap real and effective */
	CHECK_EQ_I(vfs_may_become(&dropped, &next), 0);
	next.egid = 0;
	CHECK_EQ_I(vfs_may_become(&dropped, &next), FS_FS_ERROR_NOT_PERMITTED);
	next = (struct vfs_cred){ 0, 0, 0, VFS_ID_MAX + 1 };
	CHECK_EQ_I(vfs_may_become(&root, &next), FS_FS_ERROR_INVALID);
}
