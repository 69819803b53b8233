// SPDX-License-Identifier: BSD-2-Clause
// Processes from user space: an empty one to fill (mappings, handles,
// threads), and moving handles into it.
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

long sys_process_create(vg_handle_t *out)
{
	struct process *p = process_create("process");
	if (!p)
		return ERR_NO_MEMORY;
	long err = give_handle(
		&p->obj, VG_RIGHT_MAP | VG_RIGHT_MANAGE | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, 0,
		out);
	kobject_unref(&p->obj); /* on failure, the last reference: it goes */
	return err;
}

long sys_handle_transfer(vg_handle_t handle, vg_handle_t process, vg_handle_t *out)
{
	struct handle_table *mine = &current_process()->handles;
	struct kobject *po, *o;
	struct handle_entry e;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MANAGE, &po);
	if (err)
		return err;
	err = handle_lookup(mine, handle, VG_OBJ_NONE, VG_RIGHT_TRANSFER, &o, &e);
	if (!err) {
		struct process *p = to_process(po);
		vg_handle_t theirs = 0;
		/* Install in the target first: if that fails, we still have ours
		 * and nothing is lost. */
		err = p->dead ? ERR_PEER_CLOSED
			      : handle_install(&p->handles, o, e.rights, e.badge, &theirs);
		if (!err && copy_to_user(out, &theirs, sizeof(theirs))) {
			handle_close(&p->handles, theirs);
			err = ERR_BAD_ADDRESS;
		}
		if (!err)
			handle_close(mine, handle);
		kobject_unref(o);
	}
	kobject_unref(po);
	return err;
}
