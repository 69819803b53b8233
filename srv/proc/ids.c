// SPDX-License-Identifier: BSD-2-Clause
// User ids for kill's permission (docs/ARCHITECTURE.md, section 15).
//
// The VFS owns user ids (its table of credentials, section 17.2): setuid
// is a question to the VFS, answered with a new VFS handle. This server
// learns them from the VFS alone, never from a process about itself:
// pid 1 mints the VFS a handle of its own here (link_vfs, badge
// PROC_BADGE_VFS), and after each change of ids the C library gives the
// VFS, through its new VFS handle, a duplicate of its handle to this
// server; the VFS passes it on with the ids of that VFS handle (ids). The
// duplicate names the process (its badge is the pid, and only this
// server mints handles on its endpoint); the VFS vouches for the ids. A
// process that does not report keeps the ids it had, which it once held.
// Children start with their parent's, and exec makes the saved id the
// effective one, as the C library does at the VFS. The one exception is
// pid 1's (stage_ids): init starts a `via` service with `user` with the
// ids of the VFS handles it grants it, which it had the VFS make (and
// pid 1 could link a VFS of its own anyway).
#include "procsrv.h"
#include <vg/vg.h>

long proc_link_vfs(struct proc *caller, vg_handle_t *out)
{
	if (caller->pid != 1)
		return PROC_PROC_ERROR_DENIED;
	long st = vg_endpoint_mint(procsrv.ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, PROC_BADGE_VFS,
				   out);
	if (!st)
		procsrv.vfs_linked = true;
	return st;
}

struct proc *proc_named_by(vg_handle_t h)
{
	struct vg_handle_info info;
	if (vg_handle_info(h, &info))
		return NULL;
	if (!procsrv.ep_koid) {
		struct vg_handle_info ours;
		if (vg_handle_info(procsrv.ep, &ours))
			return NULL;
		procsrv.ep_koid = ours.koid;
	}
	return info.koid == procsrv.ep_koid ? proc_of_badge(info.badge) : NULL;
}

long proc_set_ids(uint64_t badge, vg_handle_t process, const struct proc_ids *ids)
{
	struct proc *p = badge == PROC_BADGE_VFS ? proc_named_by(process) : NULL;
	vg_handle_close(process);
	if (badge != PROC_BADGE_VFS)
		return PROC_PROC_ERROR_DENIED;
	if (!p || p->state == PROC_STATE_ZOMBIE)
		return PROC_PROC_ERROR_INVALID;
	p->ids = *ids;
	return 0;
}

void proc_inherit(struct proc *child, const struct proc *parent)
{
	child->ids = parent->ids;
	child->kill_any = parent->kill_any;
	child->nice = parent->nice;
}

long proc_stage_ids(struct proc *caller, const struct proc_ids *ids)
{
	if (caller->pid != 1)
		return PROC_PROC_ERROR_DENIED;
	caller->staged_ids = *ids;
	caller->ids_staged = true;
	return 0;
}

void proc_ids_take_staged(struct proc *child, struct proc *parent)
{
	if (parent->ids_staged)
		child->ids = parent->staged_ids;
	parent->ids_staged = false;
}
