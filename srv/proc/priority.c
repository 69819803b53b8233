// SPDX-License-Identifier: BSD-2-Clause
// setpriority and getpriority (docs/ARCHITECTURE.md section 14): each
// process's nice is kept here, shown by ps, inherited by the children it
// spawns or forks, and set on its kernel process, whose time-shared
// threads it weighs (section 9). Who may change whom is decided on user
// ids as Linux does (the VFS tells this server each process's, ids.c); a
// nice below the one a process has needs privilege (effective uid 0 or
// pid 1), which the kernel allows only with the root resource that pid 1
// grants this server.
#include "procsrv.h"
#include <vg/vg.h>

#define WHICH_PROCESS 0u
#define WHICH_PGRP 1u
#define WHICH_USER 2u

/* Whether p is among the processes which and who select for caller (who
 * 0: the caller's own pid, group or real user id). */
static bool selected(const struct proc *caller, const struct proc *p, uint32_t which, int32_t who)
{
	if (!p->pid || p->state == PROC_STATE_ZOMBIE)
		return false;
	if (which == WHICH_PROCESS)
		return p->pid == (who ? who : caller->pid);
	if (which == WHICH_PGRP)
		return p->pgid == (who ? who : caller->pgid);
	return p->ids.ruid == (who ? (uint32_t)who : caller->ids.ruid);
}

/* The arguments' error, or 0. */
static long check_args(uint32_t which, int32_t who)
{
	return which > WHICH_USER || who < 0 ? PROC_PROC_ERROR_INVALID : 0;
}

static bool privileged(const struct proc *caller)
{
	return caller->pid == 1 || caller->ids.euid == 0;
}

/* Linux's rule: the caller's effective uid is p's real or effective one,
 * or it is privileged; pid 1 is changed by no one but itself. */
static bool may_change(const struct proc *caller, const struct proc *p)
{
	if (caller == p || caller->pid == 1)
		return true;
	return p->pid != 1 &&
		(caller->ids.euid == 0 || caller->ids.euid == p->ids.ruid ||
		 caller->ids.euid == p->ids.euid);
}

long proc_nice_apply(struct proc *p)
{
	/* pid 1 has no handle here: its C library sets its own. */
	if (!p->process)
		return 0;
	return vg_process_set_nice(p->process, procsrv.resource, p->nice);
}

long proc_setpriority(struct proc *caller, uint32_t which, int32_t who, int32_t nice)
{
	long st = check_args(which, who);
	if (st)
		return st;
	nice = nice < VG_NICE_MIN ? VG_NICE_MIN : nice > VG_NICE_MAX ? VG_NICE_MAX : nice;
	/* Everything checked first: either all the selected processes change
	 * or none does. */
	bool found = false;
	for (size_t i = 0; i < PROC_MAX; i++) {
		const struct proc *p = &procsrv.table[i];
		if (!selected(caller, p, which, who))
			continue;
		found = true;
		if (!may_change(caller, p))
			return PROC_PROC_ERROR_DENIED;
		if (nice < p->nice && !privileged(caller))
			return PROC_PROC_ERROR_NOT_PRIVILEGED;
	}
	if (!found)
		return PROC_PROC_ERROR_NO_PROCESS;
	for (size_t i = 0; i < PROC_MAX; i++) {
		struct proc *p = &procsrv.table[i];
		if (!selected(caller, p, which, who))
			continue;
		int32_t was = p->nice;
		p->nice = nice;
		/* Refused by the kernel only below 0 without the root resource. */
		if (proc_nice_apply(p)) {
			p->nice = was;
			st = PROC_PROC_ERROR_NOT_PRIVILEGED;
		}
	}
	return st;
}

long proc_getpriority(struct proc *caller, uint32_t which, int32_t who, int32_t *nice)
{
	long st = check_args(which, who);
	if (st)
		return st;
	bool found = false;
	for (size_t i = 0; i < PROC_MAX; i++) {
		const struct proc *p = &procsrv.table[i];
		if (selected(caller, p, which, who) && (!found || p->nice < *nice)) {
			*nice = p->nice;
			found = true;
		}
	}
	return found ? 0 : PROC_PROC_ERROR_NO_PROCESS;
}
