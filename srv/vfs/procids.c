// SPDX-License-Identifier: BSD-2-Clause
// The process server learns user ids from us (docs/ARCHITECTURE.md,
// section 15): we own them, and a process must not be able to name its
// own to it. pid 1 links us to it (link_proc, with the handle
// proc.link_vfs made for us); a process that changed ids then gives us,
// through its new VFS handle, a duplicate of its handle to the process
// server, which we pass on with the ids that VFS handle names
// (proc.ids). The process server never calls us, so these calls cannot
// wait in a circle.
#include "vfs.h"
#include <proc.h>
#include <vg/vg.h>

long vfs_link_proc(void *ctx, uint64_t badge, vg_handle_t proc)
{
	struct vfs *v = ctx;
	if (badge != 0) { /* the unbadged handle is pid 1's (creds.h) */
		vg_handle_close(proc);
		return FS_FS_ERROR_NOT_PERMITTED;
	}
	if (v->proc)
		vg_handle_close(v->proc);
	v->proc = proc;
	return 0;
}

long vfs_tell_proc(void *ctx, uint64_t badge, vg_handle_t process)
{
	(void)badge;
	struct vfs *v = ctx;
	if (!v->proc) {
		vg_handle_close(process);
		return FS_FS_ERROR_NOT_SUPPORTED;
	}
	const struct vfs_cred *c = v->cred;
	long st = proc_process_ids(v->proc, process, c->ruid, c->euid, c->suid, c->rgid, c->egid,
				   c->sgid);
	/* A call that failed before the server had it may have left the
	 * handle here (closing a moved one's old value does nothing). */
	if (st < 0)
		vg_handle_close(process);
	if (st == PROC_PROC_ERROR_INVALID)
		return FS_FS_ERROR_INVALID;
	return st ? FS_FS_ERROR_IO : 0;
}
