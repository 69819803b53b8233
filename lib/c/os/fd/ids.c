// SPDX-License-Identifier: BSD-2-Clause
// User and group ids. They live in the badge of the process's VFS handle
// (docs/ARCHITECTURE.md, section 17.2), which only the VFS mints: asking
// is `vfs.whoami`, changing is `vfs.become`, which answers with a new
// handle (the VFS applies POSIX's rules: only root takes ids it does not
// have). The new handle replaces the old one; children inherit it through
// fork, posix_spawn and exec like the rest of the file system. A program
// without a VFS is the root task, whose ids are 0.
#include <errno.h>
#include <unistd.h>

#include "../internal/fd.h"

void __vg_fs_set_root(vg_handle_t vfs);

struct ids {
	uint32_t ruid, euid, rgid, egid;
};

static struct ids ids(void)
{
	struct ids i = { 0, 0, 0, 0 };
	if (__fs_vfs())
		fs_vfs_whoami(__fs_vfs(), &i.ruid, &i.euid, &i.rgid, &i.egid);
	return i;
}

static int become(struct ids i)
{
	vg_handle_t h;
	if (!__fs_vfs()) {
		errno = ENOSYS;
		return -1;
	}
	long st = fs_vfs_become(__fs_vfs(), i.ruid, i.euid, i.rgid, i.egid, &h);
	if (st)
		return __fs_error(st);
	__vg_fs_set_root(h);
	return 0;
}

uid_t getuid(void)
{
	return ids().ruid;
}

uid_t geteuid(void)
{
	return ids().euid;
}

gid_t getgid(void)
{
	return ids().rgid;
}

gid_t getegid(void)
{
	return ids().egid;
}

/* Root sets both ids; anyone else the effective one (to its real id). */
int setuid(uid_t uid)
{
	struct ids i = ids();
	if (i.euid == 0)
		i.ruid = uid;
	i.euid = uid;
	return become(i);
}

int setgid(gid_t gid)
{
	struct ids i = ids();
	if (i.euid == 0)
		i.rgid = gid;
	i.egid = gid;
	return become(i);
}

int seteuid(uid_t uid)
{
	struct ids i = ids();
	i.euid = uid;
	return become(i);
}

int setegid(gid_t gid)
{
	struct ids i = ids();
	i.egid = gid;
	return become(i);
}

/* (uid_t)-1 leaves an id as it is. */
int setreuid(uid_t ruid, uid_t euid)
{
	struct ids i = ids();
	if (ruid != (uid_t)-1)
		i.ruid = ruid;
	if (euid != (uid_t)-1)
		i.euid = euid;
	return become(i);
}

int setregid(gid_t rgid, gid_t egid)
{
	struct ids i = ids();
	if (rgid != (gid_t)-1)
		i.rgid = rgid;
	if (egid != (gid_t)-1)
		i.egid = egid;
	return become(i);
}

/* No supplementary groups yet. */
int getgroups(int size, gid_t list[])
{
	(void)list;
	if (size < 0) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}
