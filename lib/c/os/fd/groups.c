// SPDX-License-Identifier: BSD-2-Clause
// Supplementary groups: kept with the other ids in the VFS's table of
// credentials (ids.c, docs/ARCHITECTURE.md section 17.2). `vfs.groups`
// lists them, `vfs.setgroups` (root's alone) answers with a new handle
// that replaces the process's.
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <unistd.h>

#include "../internal/fd.h"

void __vg_fs_set_root(vg_handle_t vfs);

_Static_assert(NGROUPS_MAX == FS_VFS_GROUPS_LIST_MAX, "the VFS's limit");
_Static_assert(sizeof(gid_t) == sizeof(uint32_t), "groups travel as u32");

/* The effective group is not in the list (Linux's choice; POSIX allows
 * either). size 0 asks how many there are. */
int getgroups(int size, gid_t list[])
{
	uint32_t groups[NGROUPS_MAX];
	size_t n = 0;
	if (size < 0) {
		errno = EINVAL;
		return -1;
	}
	long st = __fs_vfs() ? fs_vfs_groups(__fs_vfs(), groups, &n) : 0;
	if (st)
		return __fs_error(st);
	if (size == 0)
		return (int)n;
	if ((size_t)size < n) {
		errno = EINVAL;
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		list[i] = groups[i];
	return (int)n;
}

int setgroups(size_t size, const gid_t *list)
{
	vg_handle_t h;
	if (size > NGROUPS_MAX) {
		errno = EINVAL;
		return -1;
	}
	if (!__fs_vfs()) {
		errno = ENOSYS;
		return -1;
	}
	long st = fs_vfs_setgroups(__fs_vfs(), list, size, &h);
	if (st)
		return __fs_error(st);
	__vg_fs_set_root(h);
	return 0;
}

/* The user's groups from /etc/group (lib/c/os/users/group.c), the
 * given one first; more than NGROUPS_MAX is EINVAL, as setgroups'. */
int initgroups(const char *user, gid_t group)
{
	gid_t list[NGROUPS_MAX];
	int n = NGROUPS_MAX;
	if (getgrouplist(user, group, list, &n) < 0) {
		errno = EINVAL;
		return -1;
	}
	return setgroups((size_t)n, list);
}
