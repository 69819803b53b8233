// SPDX-License-Identifier: BSD-2-Clause
// setpriority and getpriority (docs/ARCHITECTURE.md section 14): each
// process's nice is kept here, shown by ps, inherited by the children it
// spawns or forks, and set on its kernel process, whose time-shared
// threads it weighs (section 9). There are no users yet, so privilege is
// pid 1's: only it may set a nice below 0, which the kernel allows only
// with the root resource that pid 1 grants this server.
#include "procsrv.h"
#include <vg/vg.h>

#define WHICH_PROCESS 0u
#define WHICH_PGRP 1u

/* Whether p is among the processes which and who select for caller. */
static bool selected(const struct proc *caller, const struct proc *p, uint32_t which, int32_t who)
{
	if (!p->pid || p->state == PROC_STATE_ZOMBIE)
		return false;
	if (which == WHICH_PROCESS)
		return p->pid == (who ? who : caller->pid);
	return p->pgid == (who ? who : caller->pgid);
}

/* The arguments' error, or 0 (PRIO_USER: there are no users to select). */
static long check_args(uint32_t which, int32_t who)
{
	return which > WHICH_PGRP || who < 0 ? PROC_PROC_ERROR_INVALID : 0;
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
		if (p != caller && caller->pid != 1 && !proc_is_ancestor(caller, p))
			return PROC_PROC_ERROR_DENIED;
	}
	if (!found)
		return PROC_PROC_ERROR_NO_PROCESS;
	if (nice < 0 && caller->pid != 1)
		return PROC_PROC_ERROR_NOT_PRIVILEGED;
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
