// SPDX-License-Identifier: BSD-2-Clause
// Scheduling system calls (docs/ARCHITECTURE.md section 9): a thread's
// policy and priority, a process's nice. Changing them needs MANAGE on the
// thread or process; anything that ranks a thread above a time-shared one
// at nice 0 (a real-time policy, a nice below 0) also needs the root
// resource, so that no program can take the CPU from the rest of the
// system without the privilege its supervisor gave it. Lowering is free.
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

/* 0 when nothing above nice 0 is asked for, or resource is the root one. */
static int privilege_check(bool raises, vg_handle_t resource)
{
	if (!raises)
		return 0;
	/* resource_check_kind(h, ROOT) accepts the root resource only. */
	int err = resource_check_kind(resource, VG_RESOURCE_ROOT);
	return err == ERR_BAD_HANDLE || err == ERR_WRONG_TYPE ? ERR_ACCESS_DENIED : err;
}

/* The thread object a handle names, referenced (NULL for
 * VG_HANDLE_INVALID: the caller). */
static int thread_handle(vg_handle_t h, uint32_t rights, struct kobject **o)
{
	*o = NULL;
	return h == VG_HANDLE_INVALID ? 0 : current_handle(h, VG_OBJ_THREAD, rights, o);
}

/* Its thread, lock held: the object's pointer is cleared as the thread
 * dies, so a live one cannot be freed before the lock is dropped. */
static struct thread *thread_of(struct kobject *o)
{
	return o ? to_thread_obj(o)->t : thread_current();
}

long sys_thread_set_sched(vg_handle_t thread, vg_handle_t resource, uint32_t policy,
			  int32_t priority)
{
	bool rt = policy == VG_SCHED_FIFO || policy == VG_SCHED_RR;
	if (rt ? priority < 1 || priority > VG_SCHED_RT_MAX
	       : policy != VG_SCHED_OTHER || priority != 0)
		return ERR_INVALID_ARGS;
	int err = privilege_check(rt, resource);
	struct kobject *o = NULL;
	if (!err)
		err = thread_handle(thread, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	irqflags_t f = sched_lock();
	struct thread *t = thread_of(o);
	if (t)
		thread_set_sched(t, policy, rt ? priority : t->proc ? t->proc->nice : t->nice);
	sched_unlock(f);
	if (o)
		kobject_unref(o);
	return t ? 0 : ERR_PEER_CLOSED;
}

long sys_thread_get_sched(vg_handle_t thread, struct vg_sched_info *out)
{
	struct kobject *o;
	int err = thread_handle(thread, 0, &o);
	if (err)
		return err;
	struct vg_sched_info info = { 0 };
	irqflags_t f = sched_lock();
	const struct thread *t = thread_of(o);
	if (t) {
		info.policy = t->policy;
		info.priority = t->policy == VG_SCHED_OTHER ? 0 : t->priority - PRIO_DEFAULT;
		info.nice = t->proc ? t->proc->nice : t->nice;
	}
	sched_unlock(f);
	if (o)
		kobject_unref(o);
	if (!t)
		return ERR_PEER_CLOSED;
	return copy_to_user(out, &info, sizeof(info)) ? ERR_BAD_ADDRESS : 0;
}

long sys_process_set_nice(vg_handle_t process, vg_handle_t resource, int32_t nice)
{
	if (nice < VG_NICE_MIN || nice > VG_NICE_MAX)
		return ERR_INVALID_ARGS;
	int err = privilege_check(nice < 0, resource);
	struct kobject *o = NULL;
	if (!err)
		err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	struct process *p = to_process(o);
	/* Every time-shared thread takes it now, and new ones start with it.
	 * The caller's own thread goes last: lowering it may switch away,
	 * which must not happen in the middle of the walk. */
	struct thread *self = NULL;
	irqflags_t f = sched_lock();
	p->nice = (int8_t)nice;
	for (struct list *l = p->threads.next; l != &p->threads; l = l->next) {
		struct thread *t = list_entry(l, struct thread, proc_link);
		if (t->policy != VG_SCHED_OTHER)
			continue;
		if (t == thread_current())
			self = t;
		else
			thread_set_sched(t, VG_SCHED_OTHER, nice);
	}
	if (self)
		thread_set_sched(self, VG_SCHED_OTHER, nice);
	sched_unlock(f);
	kobject_unref(o);
	return 0;
}
