/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Who may do what to a file (docs/ARCHITECTURE.md, section 17.x): the
 * caller's credentials and POSIX's permission rules, pure functions that
 * the VFS applies before it asks a filesystem, tested on the host.
 *
 * The credentials travel in the badge of the caller's VFS handle: only the
 * VFS mints its handles, so a process cannot claim ids it was not given.
 * Four ids of 15 bits each (real and effective user and group, 0..32767);
 * badge 0, the unbadged handle of whoever started the VFS, is root. There
 * are no supplementary groups and no saved set-user-ID yet.
 */
#ifndef SRV_VFS_PERM_H
#define SRV_VFS_PERM_H

#include <fs.h>
#include <stdbool.h>
#include <stdint.h>

#define VFS_ID_MAX 32767u

struct vfs_cred {
	uint32_t ruid, euid, rgid, egid;
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

void vfs_cred_of_badge(uint64_t badge, struct vfs_cred *c);
/* The badge that carries c; false when an id is above VFS_ID_MAX. */
bool vfs_cred_badge(const struct vfs_cred *c, uint64_t *badge);

/* 0, or FS_FS_ERROR_DENIED when user uid of group gid may not do `want`
 * (VFS_MAY_* bits) to a node with attributes a. Root may read and write
 * anything, search every directory, and execute a file with any x bit. */
long vfs_may(uint32_t uid, uint32_t gid, const struct fs_attr *a, unsigned want);
/* vfs_may with the effective ids (every operation but access()). */
long vfs_may_eff(const struct vfs_cred *c, const struct fs_attr *a, unsigned want);
/* Removing or renaming away the entry for victim in dir: write and search
 * on dir, and with dir's sticky bit the caller must own dir or victim. */
long vfs_may_delete(const struct vfs_cred *c, const struct fs_attr *dir,
		    const struct fs_attr *victim);
/* setattr(mask, set) on a node with attributes a: the owner (or root)
 * changes mode and times, only root gives a file away, the owner may
 * change the group to its own, truncating needs write permission, "now"
 * times need ownership or write permission. May add to *mask and change
 * set->mode: a set-group-ID bit the caller's group cannot have is cleared,
 * and an unprivileged chown clears set-user-ID and set-group-ID. */
long vfs_may_setattr(const struct vfs_cred *c, const struct fs_attr *a, uint32_t *mask,
		     struct fs_attr *set);
/* Changing the caller's ids to next (setuid, seteuid, setreuid and the gid
 * ones): root may take any; anyone else only ids it already has, as real
 * or effective. */
long vfs_may_become(const struct vfs_cred *c, const struct vfs_cred *next);

#endif
