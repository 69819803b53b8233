// SPDX-License-Identifier: BSD-2-Clause
// POSIX file permissions (perm.h).
#include "perm.h"

#define ID_BITS 15
#define ID_MASK ((1ull << ID_BITS) - 1)

void vfs_cred_of_badge(uint64_t badge, struct vfs_cred *c)
{
	c->euid = (uint32_t)(badge & ID_MASK);
	c->egid = (uint32_t)(badge >> ID_BITS & ID_MASK);
	c->ruid = (uint32_t)(badge >> 2 * ID_BITS & ID_MASK);
	c->rgid = (uint32_t)(badge >> 3 * ID_BITS & ID_MASK);
}

bool vfs_cred_badge(const struct vfs_cred *c, uint64_t *badge)
{
	if (c->euid > VFS_ID_MAX || c->egid > VFS_ID_MAX || c->ruid > VFS_ID_MAX ||
	    c->rgid > VFS_ID_MAX)
		return false;
	*badge = (uint64_t)c->euid | (uint64_t)c->egid << ID_BITS |
		(uint64_t)c->ruid << 2 * ID_BITS | (uint64_t)c->rgid << 3 * ID_BITS;
	return true;
}

long vfs_may(uint32_t uid, uint32_t gid, const struct fs_attr *a, unsigned want)
{
	if (uid == 0) {
		bool exec_denied =
			(want & VFS_MAY_EXEC) && a->kind != FS_KIND_DIR && !(a->mode & 0111);
		return exec_denied ? FS_FS_ERROR_DENIED : 0;
	}
	unsigned bits = uid == a->uid ? a->mode >> 6 : gid == a->gid ? a->mode >> 3 : a->mode;
	return want & ~bits & 7 ? FS_FS_ERROR_DENIED : 0;
}

long vfs_may_eff(const struct vfs_cred *c, const struct fs_attr *a, unsigned want)
{
	return vfs_may(c->euid, c->egid, a, want);
}

long vfs_may_delete(const struct vfs_cred *c, const struct fs_attr *dir,
		    const struct fs_attr *victim)
{
	long st = vfs_may_eff(c, dir, VFS_MAY_WRITE | VFS_MAY_EXEC);
	if (st)
		return st;
	bool sticky = dir->mode & 01000;
	if (sticky && c->euid != 0 && c->euid != dir->uid && c->euid != victim->uid)
		return FS_FS_ERROR_NOT_PERMITTED;
	return 0;
}

long vfs_may_setattr(const struct vfs_cred *c, const struct fs_attr *a, uint32_t *mask,
		     struct fs_attr *set)
{
	bool root = c->euid == 0, owner = root || c->euid == a->uid;
	uint32_t m = *mask;
	if ((m & (VFS_SET_MODE | VFS_SET_ATIME | VFS_SET_MTIME)) && !owner)
		return FS_FS_ERROR_NOT_PERMITTED;
	if ((m & VFS_SET_UID) && !root && set->uid != a->uid)
		return FS_FS_ERROR_NOT_PERMITTED;
	if ((m & VFS_SET_GID) && !root && (!owner || (set->gid != a->gid && set->gid != c->egid)))
		return FS_FS_ERROR_NOT_PERMITTED;
	long st;
	if ((m & VFS_SET_SIZE) && (st = vfs_may_eff(c, a, VFS_MAY_WRITE)))
		return st;
	if ((m & (VFS_SET_ATIME_NOW | VFS_SET_MTIME_NOW)) && !owner &&
	    (st = vfs_may_eff(c, a, VFS_MAY_WRITE)))
		return st;
	if (root)
		return 0;
	uint32_t gid = m & VFS_SET_GID ? set->gid : a->gid;
	if ((m & VFS_SET_MODE) && a->kind != FS_KIND_DIR && gid != c->egid)
		set->mode &= ~02000u;
	if ((m & (VFS_SET_UID | VFS_SET_GID)) && a->kind != FS_KIND_DIR) {
		uint32_t mode = m & VFS_SET_MODE ? set->mode : a->mode;
		if (mode & 06000) {
			set->mode = mode & ~06000u;
			*mask = m | VFS_SET_MODE;
		}
	}
	return 0;
}

static bool has_uid(const struct vfs_cred *c, uint32_t id)
{
	return id == c->ruid || id == c->euid;
}

static bool has_gid(const struct vfs_cred *c, uint32_t id)
{
	return id == c->rgid || id == c->egid;
}

long vfs_may_become(const struct vfs_cred *c, const struct vfs_cred *next)
{
	uint64_t badge;
	if (!vfs_cred_badge(next, &badge))
		return FS_FS_ERROR_INVALID;
	if (c->euid == 0)
		return 0;
	if (!has_uid(c, next->ruid) || !has_uid(c, next->euid) || !has_gid(c, next->rgid) ||
	    !has_gid(c, next->egid))
		return FS_FS_ERROR_NOT_PERMITTED;
	return 0;
}
