/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The VFS's table of credentials (docs/ARCHITECTURE.md, section 17.2).
 * The badge of a client's VFS handle is the index of an entry; the VFS
 * mints a handle only for an entry it has just filled, never again for an
 * entry that already has handles, and frees the entry when the kernel
 * reports that the badge's last handle is gone (endpoint_watch): so an
 * index is reused only once no handle names it. Entries never change:
 * fork and exec share one (a duplicate has the same badge), setuid and
 * setgroups make a new one. Entry 0 is badge 0, the unbadged handle of
 * whoever started the VFS: root, without supplementary groups; the
 * kernel counts no handles for it and it is never freed.
 */
#ifndef SRV_VFS_CREDS_H
#define SRV_VFS_CREDS_H

#include "perm.h"

#define VFS_CREDS 512u /* entries: sets of credentials in use at once */

struct vfs_creds {
	struct vfs_cred entry[VFS_CREDS];
	bool used[VFS_CREDS];
	uint32_t next; /* where the search for a free entry starts */
};

void vfs_creds_init(struct vfs_creds *t);
/* The entry a badge names; NULL for one that names none (a badge the VFS
 * did not mint). */
static inline const struct vfs_cred *vfs_creds_get(const struct vfs_creds *t, uint64_t badge)
{
	return badge < VFS_CREDS && t->used[badge] ? &t->entry[badge] : NULL;
}
/* A new entry holding *c: its badge, or FS_FS_ERROR_NO_SPACE_LEFT_IN_TABLE. */
long vfs_creds_add(struct vfs_creds *t, const struct vfs_cred *c, uint64_t *badge);
/* The badge's last handle is gone (or was never made): its entry is free.
 * Badge 0 and badges naming no entry are ignored. */
void vfs_creds_release(struct vfs_creds *t, uint64_t badge);

#endif
