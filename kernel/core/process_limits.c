// SPDX-License-Identifier: BSD-2-Clause
// Per-process limits (docs/ARCHITECTURE.md section 14.3): bytes mapped,
// handles held, live threads. The C library's setrlimit asks the process
// server, which sets them here with its handle; a process may lower its
// own limits but never raise them, so that a limit its supervisor set
// holds even against a program that has a MANAGE handle to itself.
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

/* The limit's current value (0: none) and where it goes. */
static uint64_t limit_get(struct process *p, uint32_t kind)
{
	switch (kind) {
	case VG_LIMIT_MAPPED: return p->as.mapped_max;
	case VG_LIMIT_HANDLES: return p->handles.limit;
	default: return p->max_threads;
	}
}

static void limit_set(struct process *p, uint32_t kind, uint64_t value)
{
	switch (kind) {
	case VG_LIMIT_MAPPED: p->as.mapped_max = value; break;
	case VG_LIMIT_HANDLES: p->handles.limit = (uint32_t)value; break;
	default: p->max_threads = (uint32_t)value; break;
	}
}

/* Whether value (0: none) is above the limit now in force. */
static bool raises(uint64_t now, uint64_t value)
{
	return now && (!value || value > now);
}

long sys_process_set_limit(vg_handle_t process, uint32_t kind, uint64_t value)
{
	if (kind >= VG_LIMIT_COUNT || (kind != VG_LIMIT_MAPPED && value > UINT32_MAX))
		return ERR_INVALID_ARGS;
	struct kobject *o;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	struct process *p = to_process(o);
	/* Under the scheduler lock, as the thread count; the other two are
	 * read by their users unlocked: a change takes effect at their next
	 * check. */
	irqflags_t f = sched_lock();
	if (p->dead || p->killed)
		err = ERR_PEER_CLOSED;
	else if (p == current_process() && raises(limit_get(p, kind), value))
		err = ERR_ACCESS_DENIED;
	else
		limit_set(p, kind, value);
	sched_unlock(f);
	kobject_unref(o);
	return err;
}
