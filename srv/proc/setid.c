// SPDX-License-Identifier: BSD-2-Clause
// Set-user-ID and set-group-ID programs (docs/ARCHITECTURE.md, section
// 17.2). The C library loads a program from the file system itself, so
// its word about the file cannot be trusted to raise its ids. The VFS,
// which knows the file's owner and mode and owns credentials, hands us
// the program's pages, a VFS handle naming the new credentials and the
// user ids, for the process named by a handle to us that the process gave
// it (as for `ids`); the process's next spawn or exec runs exactly that
// image with that handle, whatever it staged itself. The process never
// holds the handle, and cannot swap the image under it.
#include "procsrv.h"
#include <vg/vg.h>

void proc_setid_drop(struct proc *p)
{
	if (!p->setid_staged)
		return;
	vg_handle_close(p->setid_image);
	vg_handle_close(p->setid_vfs);
	p->setid_staged = false;
}

long proc_setid_exec(uint64_t badge, vg_handle_t process, vg_handle_t image, uint32_t len,
		     vg_handle_t vfs, const struct proc_ids *ids, bool secure)
{
	struct proc *p = badge == PROC_BADGE_VFS ? proc_named_by(process) : NULL;
	vg_handle_close(process);
	long st = badge != PROC_BADGE_VFS	      ? PROC_PROC_ERROR_DENIED
		: !p || p->state == PROC_STATE_ZOMBIE ? PROC_PROC_ERROR_INVALID
						      : 0;
	if (st) {
		vg_handle_close(image);
		vg_handle_close(vfs);
		return st;
	}
	proc_setid_drop(p);
	p->setid_staged = true;
	p->setid_image = image;
	p->setid_len = len;
	p->setid_vfs = vfs;
	p->setid_ids = *ids;
	p->setid_secure = secure;
	return 0;
}

void proc_setid_take(struct proc *from, struct vg_startup_handle *h, uint32_t *n, vg_handle_t *file,
		     uint32_t *len, struct proc_ids *ids, bool *secure)
{
	*secure = false;
	if (!from->setid_staged)
		return;
	if (*file != VG_HANDLE_INVALID)
		vg_handle_close(*file);
	*file = from->setid_image;
	*len = from->setid_len;
	uint32_t i = 0;
	while (i < *n && h[i].tag != VG_HTAG_FS_ROOT)
		i++;
	if (i < *n)
		vg_handle_close(h[i].handle);
	else
		(*n)++;
	h[i] = (struct vg_startup_handle){ VG_HTAG_FS_ROOT, 0, from->setid_vfs, 0 };
	*ids = from->setid_ids;
	*secure = from->setid_secure;
	from->setid_staged = false;
}
