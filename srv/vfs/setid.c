// SPDX-License-Identifier: BSD-2-Clause
// exec_setid (idl/fs.idl; docs/ARCHITECTURE.md, section 17.2): a
// set-user-ID or set-group-ID program about to be run by the caller. The
// C library reads programs from the file system itself, so it cannot be
// believed about a file's mode and owner, nor trusted with credentials
// it may not have. We know both: we check the file (a regular file the
// caller may execute, with S_ISUID, or S_ISGID with the group's execute
// bit, as Linux), make a handle naming the caller's credentials with the
// file's owner (group) as effective and saved id, map the file, and hand
// the pages, the handle and the user ids to the process server for the
// caller's process, whose next spawn or exec runs exactly that. The caller
// gets neither the handle nor a say in which pages run.
#include "vfs.h"
#include <proc.h>
#include <vg/vg.h>

#define S_ISUID_ 04000u
#define S_ISGID_ 02000u
#define S_IXGRP_ 00010u

static struct vfs_walk w;
static char in[VFS_PATH_MAX];

/* The credentials the program runs with: the caller's, with the file's
 * owner and group where its bits say, saved ids the effective ones (as
 * exec makes them). Whether any bit applies. */
static bool setid_creds(const struct vfs_cred *c, const struct fs_attr *a, struct vfs_cred *next)
{
	*next = *c;
	bool uid = a->mode & S_ISUID_,
	     gid = (a->mode & (S_ISGID_ | S_IXGRP_)) == (S_ISGID_ | S_IXGRP_);
	if (uid)
		next->euid = a->uid;
	if (gid)
		next->egid = a->gid;
	next->suid = next->euid;
	next->sgid = next->egid;
	return uid || gid;
}

/* The file's pages, read-only: node.open, file.map, file.close. */
static long map_file(struct vfs *v, const struct vfs_loc *at, uint64_t size, vg_handle_t *image)
{
	vg_handle_t file;
	long st = fs_node_open(v->mounts[at->m].fs, at->ino, 0, &file);
	if (st)
		return st;
	st = fs_file_map(file, size, false, image);
	fs_file_close(file);
	vg_handle_close(file);
	return st;
}

long vfs_exec_setid(void *ctx, uint64_t badge, const char *path, size_t len, vg_handle_t process)
{
	(void)badge;
	struct vfs *v = ctx;
	memcpy(in, path, len + 1); /* the request is overwritten by our calls */
	struct vfs_cred next;
	vg_handle_t image = VG_HANDLE_INVALID, cred = VG_HANDLE_INVALID;
	long st = v->proc ? vfs_resolve(v, in, VFS_FOLLOW, &w) : FS_FS_ERROR_NOT_SUPPORTED;
	if (!st && w.at.kind != FS_KIND_FILE)
		st = FS_FS_ERROR_DENIED;
	if (!st)
		st = vfs_may(v->cred, &w.attr, VFS_MAY_EXEC);
	if (!st &&
	    (!setid_creds(v->cred, &w.attr, &next) || !w.attr.size || w.attr.size > UINT32_MAX))
		st = FS_FS_ERROR_INVALID;
	if (!st)
		st = map_file(v, &w.at, w.attr.size, &image);
	if (!st)
		st = vfs_mint(v, &next, &cred);
	if (st) {
		vg_handle_close(process);
		if (image != VG_HANDLE_INVALID)
			vg_handle_close(image);
		return st;
	}
	st = proc_process_setid_exec(v->proc, process, image, (uint32_t)w.attr.size, cred,
				     next.ruid, next.euid, next.suid,
				     next.euid != next.ruid || next.egid != next.rgid, next.rgid,
				     next.egid, next.sgid);
	/* A call that failed before the server had them may have left the
	 * handles here (closing a moved one's old value does nothing). */
	if (st < 0) {
		vg_handle_close(process);
		vg_handle_close(image);
		vg_handle_close(cred);
	}
	if (st == PROC_PROC_ERROR_INVALID)
		return FS_FS_ERROR_INVALID;
	return st ? FS_FS_ERROR_IO : 0;
}
