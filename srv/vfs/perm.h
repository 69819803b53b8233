/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Who may do what to a file (docs/ARCHITECTURE.md, section 17.2): the
 * caller's credentials and POSIX's permission rules, pure functions that
 * the VFS applies before it asks a filesystem, tested on the host.
 *
 * A caller's credentials are an entry of the VFS's table (creds.h) named by
 * the badge of its VFS handle: only the VFS mints its handles, so a process
 * cannot claim ids it was not given.
 */
#ifndef SRV_VFS_PERM_H
#define SRV_VFS_PERM_H

#include <fs.h>
#include <stdbool.h>
#include <stdint.h>

/* Every u32 but 0xffffffff, which is (uid_t)-1: "no id" to chown and the
 * set*id calls. */
#define VFS_ID_MAX 0xfffffffeu
/* Supplementary groups per process (NGROUPS_MAX; vfs.setgroups' array). */
#define VFS_NGROUPS 32u

struct vfs_cred {
	uint32_t ruid, euid, suid; /* real, effective, saved */
	uint32_t rgid, egid, sgid;
	uint32_t ngroups;
	uint32_t groups[VFS_NGROUPS]; /* supplementary, [0, ngroups) */
};

/* access()'s bits (R_OK, W_OK, X_OK), also the rwx bits of a mode. */
enum { VFS_MAY_EXEC = 1, VFS_MAY_WRITE = 2, VFS_MAY_READ = 4 };

/* setattr's mask bits (idl/fs.idl). */
enum {
	VFS_SET_MODE = 1,
	VFS_SET_UID = 2,
	VFS_SET_GID = 4,
	VFS_SET_SIZE = 8,
	VFS_SET_ATIME = 16,
	VFS_SET_MTIME = 32,
	VFS_SET_ATIME_NOW = 64,
	VFS_SET_MTIME_NOW = 128
};

/* Whether gid is c's effective group or one of its supplementary ones. */
bool vfs_in_group(const struct vfs_cred *c, uint32_t gid);
/* 0, or FS_FS_ERROR_DENIED when c's effective ids may not do `want`
 * (VFS_MAY_* bits) to a node with attributes a: the owner's bits for its
 * owner, the group's for a member of its group (effective or
 * supplementary), the others' for the rest. Root may read and write
 * anything, search every directory, and execute a file with any x bit. */
long vfs_may(const struct vfs_cred *c, const struct fs_attr *a, unsigned want);
/* Removing or renaming away the entry for victim in dir: write and search
 * on dir, and with dir's sticky bit the caller must own dir or victim. */
long vfs_may_delete(const struct vfs_cred *c, const struct fs_attr *dir,
		    const struct fs_attr *victim);
/* The mode a regular file keeps when c writes to it: without S_ISUID,
 * and S_ISGID when the group may execute (else the bit is no set-group-ID
 * one), unless c is root (Linux's rule, which POSIX allows). */
uint32_t vfs_mode_after_write(const struct vfs_cred *c, const struct fs_attr *a);
/* setattr(mask, set) on a node with attributes a: the owner (or root)
 * changes mode and times, only root gives a file away, the owner may
 * change the group to one it is in, truncating needs write permission,
 * "now" times need ownership or write permission. May add to *mask and
 * change set->mode: a set-group-ID bit for a group the caller is not in is
 * cleared, and an unprivileged chown clears set-user-ID and set-group-ID. */
long vfs_may_setattr(const struct vfs_cred *c, const struct fs_attr *a, uint32_t *mask,
		     struct fs_attr *set);
/* Changing the caller's six ids to next's (setuid, setresuid and the
 * others; next's groups are not looked at): root may take any; anyone
 * else only user ids it has as real, effective or saved, and group ids
 * likewise. FS_FS_ERROR_INVALID for an id above VFS_ID_MAX. */
long vfs_may_become(const struct vfs_cred *c, const struct vfs_cred *next);
/* setgroups(n, list): root's alone; at most VFS_NGROUPS ids, none above
 * VFS_ID_MAX. */
long vfs_may_setgroups(const struct vfs_cred *c, size_t n, const uint32_t *list);

#endif
