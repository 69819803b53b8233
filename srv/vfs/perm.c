// SPDX-License-Identifier: BSD-2-Clause
// POSIX file permissions (perm.h).
#include "perm.h"

bool vfs_in_group(const struct vfs_cred *c, uint32_t gid)
{
	if (gid == c->egid)
		return true;
	for (uint32_t i = 0; i < c->ngroups; i++)
		if (c->groups[i] == gid)
			return true;
	return false;
}

long vfs_may(const struct vfs_cred *c, const struct fs_attr *a, unsigned want)
{
	if (c->euid == 0) {
		bool exec_denied =
			(want & VFS_MAY_EXEC) && a->kind != FS_KIND_DIR && !(a->mode & 0111);
		return exec_denied ? FS_FS_ERROR_DENIED : 0;
	}
	unsigned bits = c->euid == a->uid ? a->mode >> 6
		: vfs_in_group(c, a->gid) ? a->mode >> 3
					  : a->mode;
	return want & ~bits & 7 ? FS_FS_ERROR_DENIED : 0;
}

long vfs_may_delete(const struct vfs_cred *c, const struct fs_attr *dir,
		    const struct fs_attr *victim)
{
	long st = vfs_may(c, dir, VFS_MAY_WRITE | VFS_MAY_EXEC);
	if (st)
		return st;
	bool sticky = dir->mode & 01000;
	if (sticky && c->euid != 0 && c->euid != dir->uid && c->euid != victim->uid)
		return FS_FS_ERROR_NOT_PERMITTED;
	return 0;
}

uint32_t vfs_mode_after_write(const struct vfs_cred *c, const struct fs_attr *a)
{
	if (c->euid == 0 || a->kind != FS_KIND_FILE)
		return a->mode;
	uint32_t drop = 04000u | ((a->mode & 00010u) ? 02000u : 0);
	return a->mode & ~drop;
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
	if ((m & VFS_SET_GID) && !root &&
	    (!owner || (set->gid != a->gid && !vfs_in_group(c, set->gid))))
		return FS_FS_ERROR_NOT_PERMITTED;
	long st;
	if ((m & VFS_SET_SIZE) && (st = vfs_may(c, a, VFS_MAY_WRITE)))
		return st;
	if ((m & (VFS_SET_ATIME_NOW | VFS_SET_MTIME_NOW)) && !owner &&
	    (st = vfs_may(c, a, VFS_MAY_WRITE)))
		return st;
	if (root)
		return 0;
	if ((m & VFS_SET_SIZE) && !(m & VFS_SET_MODE) && vfs_mode_after_write(c, a) != a->mode) {
		set->mode = vfs_mode_after_write(c, a); /* a truncation is a write */
		*mask = m |= VFS_SET_MODE;
	}
	uint32_t gid = m & VFS_SET_GID ? set->gid : a->gid;
	if ((m & VFS_SET_MODE) && a->kind != FS_KIND_DIR && !vfs_in_group(c, gid))
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

static bool one_of(uint32_t id, uint32_t a, uint32_t b, uint32_t c)
{
	return id == a || id == b || id == c;
}

long vfs_may_become(const struct vfs_cred *c, const struct vfs_cred *next)
{
	const uint32_t ids[] = { next->ruid, next->euid, next->suid,
				 next->rgid, next->egid, next->sgid };
	for (unsigned i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (ids[i] > VFS_ID_MAX)
			return FS_FS_ERROR_INVALID;
	if (c->euid == 0)
		return 0;
	for (unsigned i = 0; i < 3; i++)
		if (!one_of(ids[i], c->ruid, c->euid, c->suid) ||
		    !one_of(ids[3 + i], c->rgid, c->egid, c->sgid))
			return FS_FS_ERROR_NOT_PERMITTED;
	return 0;
}

long vfs_may_setgroups(const struct vfs_cred *c, size_t n, const uint32_t *list)
{
	if (n > VFS_NGROUPS)
		return FS_FS_ERROR_INVALID;
	for (size_t i = 0; i < n; i++)
		if (list[i] > VFS_ID_MAX)
			return FS_FS_ERROR_INVALID;
	return c->euid == 0 ? 0 : FS_FS_ERROR_NOT_PERMITTED;
}
