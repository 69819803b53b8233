// SPDX-License-Identifier: BSD-2-Clause
// Process groups and sessions, with POSIX's rules: a process may move
// itself or a child of its own session into a group of that session (or a
// new group named after the moved process); a session leader stays where
// it is; a group leader may not start a session.
#include "procsrv.h"
#include <vg/vg.h>

bool proc_is_ancestor(const struct proc *a, const struct proc *p)
{
	/* Bounded by the table's size: a chain cannot be longer. */
	for (size_t n = 0; n < PROC_MAX && p && p->pid != 1; n++) {
		if (p->ppid == a->pid)
			return true;
		p = proc_find(p->ppid);
	}
	return false;
}

static bool group_in_session(int32_t pgid, int32_t sid)
{
	for (size_t i = 0; i < PROC_MAX; i++) {
		const struct proc *p = &procsrv.table[i];
		if (p->pid && p->pgid == pgid && p->sid == sid)
			return true;
	}
	return false;
}

/* The process a pid argument names: 0 the caller itself. */
static struct proc *target(struct proc *caller, int32_t pid)
{
	return pid == 0 ? caller : proc_find(pid);
}

long proc_setpgid(struct proc *caller, int32_t pid, int32_t pgid)
{
	if (pid < 0 || pgid < 0)
		return PROC_PROC_ERROR_INVALID;
	struct proc *p = target(caller, pid);
	if (!p || (p != caller && p->ppid != caller->pid))
		return PROC_PROC_ERROR_NO_PROCESS;
	if (p->sid != caller->sid || p->sid == p->pid)
		return PROC_PROC_ERROR_DENIED;
	if (!pgid)
		pgid = p->pid;
	if (pgid != p->pid && !group_in_session(pgid, caller->sid))
		return PROC_PROC_ERROR_DENIED;
	p->pgid = pgid;
	return 0;
}

long proc_getpgid(struct proc *caller, int32_t pid, int32_t *pgid)
{
	struct proc *p = pid < 0 ? NULL : target(caller, pid);
	if (!p)
		return PROC_PROC_ERROR_NO_PROCESS;
	*pgid = p->pgid;
	return 0;
}

long proc_setsid(struct proc *caller, int32_t *sid)
{
	for (size_t i = 0; i < PROC_MAX; i++)
		if (procsrv.table[i].pid && procsrv.table[i].pgid == caller->pid)
			return PROC_PROC_ERROR_DENIED;
	caller->sid = caller->pgid = caller->pid;
	*sid = caller->sid;
	return 0;
}

long proc_getsid(struct proc *caller, int32_t pid, int32_t *sid)
{
	struct proc *p = pid < 0 ? NULL : target(caller, pid);
	if (!p)
		return PROC_PROC_ERROR_NO_PROCESS;
	*sid = p->sid;
	return 0;
}
