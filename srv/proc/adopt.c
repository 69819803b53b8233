// SPDX-License-Identifier: BSD-2-Clause
// adopt: init's services that it starts itself (not through this server:
// everything it starts before this server runs, this server included, and
// the services that are not `via`) are entered in the table by pid 1, so
// that each has a pid: ps lists it, kill reaches it under the usual
// permission rules, init stops it with its stop signal, and its end is
// reported to pid 1 as any child's. Such a process holds no handle to this
// server: it was started without one (a handle would tie it to this
// server's endpoint, and a restart of the server would then have to
// restart every service, see docs/ARCHITECTURE.md 19.2); after a restart
// of the server, init enters them again.
//
// hold: the other way round, pid 1 takes a duplicate of the kernel handle of
// a service this server started for it (`via`), to end it once this server
// is gone (a restart), when no pid of ours reaches it any more.
#include "argblock.h"
#include "procsrv.h"
#include <vg/vg.h>

/* Whether process is this server's own. */
static bool is_self(vg_handle_t process)
{
	struct vg_handle_info mine, theirs;
	return !vg_handle_info(vg_startup()->self, &mine) && !vg_handle_info(process, &theirs) &&
		mine.koid == theirs.koid;
}

long proc_adopt(struct proc *caller, vg_handle_t process, const void *args, size_t args_len,
		uint64_t start_ns, int32_t *pid)
{
	struct proc *p = caller->pid == 1 ? proc_alloc() : NULL;
	long st = caller->pid != 1 ? PROC_PROC_ERROR_DENIED : p ? 0 : PROC_PROC_ERROR_FULL;
	const char *list[2];
	if (!st && argblock_split(args, args_len, list, 1) == ARGBLOCK_MALFORMED)
		st = PROC_PROC_ERROR_INVALID;
	if (st) {
		if (p)
			proc_free(p);
		proc_unstage(caller);
		vg_handle_close(process);
		return st;
	}
	/* What pid 1 staged is consumed, as by a spawn; no handles may be
	 * given to a process that is already started. */
	proc_limits_inherit(p, caller);
	proc_inherit(p, caller);
	proc_ids_take_staged(p, caller);
	proc_unstage(caller);
	p->process = process;
	p->ppid = 1;
	p->pgid = p->sid = p->pid;
	p->state = PROC_STATE_RUNNING;
	if (start_ns)
		p->start_ns = start_ns;
	proc_set_args(p, args, args_len);
	p->is_server = is_self(process);
	/* init set the same limits before the program ran (it staged what it
	 * set): this keeps the kernel and the table in agreement. */
	proc_limits_apply(p);
	proc_limits_watch_cpu(p);
	if (!p->is_server && (st = proc_watch(p))) {
		proc_free(p);
		return st;
	}
	*pid = p->pid;
	return 0;
}

long proc_hold(struct proc *caller, int32_t pid, vg_handle_t *process)
{
	if (caller->pid != 1)
		return PROC_PROC_ERROR_DENIED;
	const struct proc *p = proc_find(pid);
	if (!p || p->ppid != 1 || p->state == PROC_STATE_ZOMBIE || !p->process)
		return PROC_PROC_ERROR_NO_CHILD;
	return vg_handle_duplicate(p->process, VG_RIGHT_MANAGE | VG_RIGHT_WAIT | VG_RIGHT_TRANSFER,
				   process);
}
