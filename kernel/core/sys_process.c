// SPDX-License-Identifier: BSD-2-Clause
// Processes from user space: an empty one to fill (mappings, handles,
// threads), and moving handles into it.
#include <kernel/hal.h>
#include <kernel/port.h>
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

long sys_process_create(vg_handle_t *out)
{
	struct process *p = process_create("process");
	if (!p)
		return ERR_NO_MEMORY;
	long err = give_handle(&p->obj,
			       VG_RIGHT_MAP | VG_RIGHT_MANAGE | VG_RIGHT_WAIT | VG_RIGHT_DUPLICATE |
				       VG_RIGHT_TRANSFER,
			       0, out);
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

long sys_thread_create(vg_handle_t process, uintptr_t entry, uintptr_t sp, uint64_t arg,
		       uintptr_t tls, vg_handle_t *out)
{
	/* Where it starts and what stack it uses are the creator's business: a
	 * bad pc or sp only faults the new thread, in user mode. */
	if (entry >= USER_TOP || sp > USER_TOP || tls >= USER_TOP)
		return ERR_INVALID_ARGS;
	struct kobject *po;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MANAGE, &po);
	if (err)
		return err;
	/* The handle's slot is made first, so that once the thread runs there
	 * is no failure left to undo. */
	vg_handle_t zero = 0;
	struct thread_obj *to = NULL;
	if (copy_to_user(out, &zero, sizeof(zero)))
		err = ERR_BAD_ADDRESS;
	else
		err = handle_reserve(&current_process()->handles, 1);
	if (!err)
		err = process_start_thread(to_process(po), entry, sp, arg, 0, tls, &to);
	if (!err) {
		err = (int)give_handle(&to->obj,
				       VG_RIGHT_WAIT | VG_RIGHT_MANAGE | VG_RIGHT_DUPLICATE |
					       VG_RIGHT_TRANSFER,
				       0, out);
		kobject_unref(&to->obj);
	}
	kobject_unref(po);
	return err;
}

long sys_thread_resume(vg_handle_t thread)
{
	struct kobject *o;
	int err = current_handle(thread, VG_OBJ_THREAD, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	err = thread_resume(to_thread_obj(o));
	kobject_unref(o);
	return err;
}

long sys_process_kill(vg_handle_t process, long code)
{
	struct kobject *o;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	process_kill(to_process(o), code);
	kobject_unref(o);
	return 0;
}

long sys_process_set_exception_port(vg_handle_t process, vg_handle_t port, uint64_t key)
{
	struct kobject *o, *po = NULL;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	/* VG_HANDLE_INVALID takes the port away: faults kill again. */
	if (port != VG_HANDLE_INVALID)
		err = current_handle(port, VG_OBJ_PORT, VG_RIGHT_WRITE, &po);
	if (!err) {
		struct process *p = to_process(o);
		irqflags_t f = sched_lock();
		struct kobject *old = p->dead ? po : p->exc_port;
		if (!p->dead) {
			p->exc_port = po;
			p->exc_key = key;
		}
		sched_unlock(f);
		if (old)
			kobject_unref(old);
		err = p->dead ? ERR_PEER_CLOSED : 0;
	}
	kobject_unref(o);
	return err;
}

/* arch_counter() ticks to nanoseconds without overflowing. */
static uint64_t ticks_ns(uint64_t ticks)
{
	uint64_t hz = arch_counter_freq();
	return ticks / hz * 1000000000ull + ticks % hz * 1000000000ull / hz;
}

long sys_process_info(vg_handle_t process, struct vg_process_info *out)
{
	struct kobject *o;
	int err = current_handle(process, VG_OBJ_PROCESS, 0, &o);
	if (err)
		return err;
	struct process *p = to_process(o);
	struct vg_process_info info = { .koid = o->koid };
	uint64_t ticks;
	irqflags_t f = sched_lock();
	info.threads = (uint32_t)p->nthreads;
	info.state = p->dead ? VG_PROCESS_DEAD : p->killed ? VG_PROCESS_KILLED : VG_PROCESS_RUNNING;
	info.exit_code = p->dead ? p->exit_code : 0;
	ticks = p->dead_ticks;
	info.suspended = p->suspended;
	for (struct list *n = p->threads.next; n != &p->threads; n = n->next) {
		const struct thread *t = list_entry(n, struct thread, proc_link);
		ticks += t->run_ticks;
		info.blocked += t->state == THREAD_BLOCKED;
	}
	sched_unlock(f);
	info.cpu_ns = ticks_ns(ticks);
	/* A dead process's address space is gone (its root is 0): nothing. */
	aspace_usage(&p->as, &info.mapped, &info.committed, &info.tables);
	kobject_unref(o);
	return copy_to_user(out, &info, sizeof(info)) ? ERR_BAD_ADDRESS : 0;
}
