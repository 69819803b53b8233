// SPDX-License-Identifier: BSD-2-Clause
// The process table: slots, pids, and the badges that name callers.
#include "argblock.h"
#include "procsrv.h"
#include <vg/vg.h>

struct procsrv procsrv;

struct proc *proc_find(int32_t pid)
{
	if (pid <= 0 || pid > PROC_PID_MAX || !procsrv.slot_of[pid])
		return NULL;
	return &procsrv.table[procsrv.slot_of[pid] - 1];
}

/* A badge is the pid the server minted the caller's handle for; the
 * unbadged handle is pid 1's. A badge whose process is gone names nobody
 * (its handles went with it; a reused pid's new process has its own). */
struct proc *proc_of_badge(uint64_t badge)
{
	if (badge > PROC_PID_MAX)
		return NULL;
	return proc_find(badge ? (int32_t)badge : 1);
}

struct proc *proc_alloc(void)
{
	struct proc *slot = NULL;
	for (size_t i = 0; i < PROC_MAX && !slot; i++)
		if (!procsrv.table[i].pid)
			slot = &procsrv.table[i];
	if (!slot)
		return NULL;
	/* The next pid not in use as a process, group or session id, so that
	 * a new process never joins a group by accident. */
	int32_t pid = procsrv.last_pid;
	for (;;) {
		pid = pid >= PROC_PID_MAX ? 2 : pid + 1;
		bool taken = false;
		for (size_t i = 0; i < PROC_MAX && !taken; i++) {
			const struct proc *p = &procsrv.table[i];
			taken = p->pid && (p->pid == pid || p->pgid == pid || p->sid == pid);
		}
		if (!taken)
			break;
	}
	procsrv.last_pid = pid;
	memset(slot, 0, sizeof(*slot));
	slot->pid = pid;
	procsrv.slot_of[pid] = (uint8_t)(slot - procsrv.table + 1);
	slot->start_ns = (uint64_t)vg_clock_monotonic();
	return slot;
}

void proc_unstage(struct proc *p)
{
	for (uint32_t i = 0; i < p->nstaged; i++)
		vg_handle_close(p->staged[i].h);
	p->nstaged = 0;
	p->staged_limit_mask = 0;
	p->ids_staged = false;
	proc_setid_drop(p);
}

void proc_free(struct proc *p)
{
	proc_unstage(p);
	if (p->exit_src.key)
		async_source_remove(procsrv.loop, &p->exit_src);
	if (p->process)
		vg_handle_close(p->process);
	if (p->events)
		vg_handle_close(p->events);
	procsrv.slot_of[p->pid] = 0;
	memset(p, 0, sizeof(*p));
}

void proc_set_args(struct proc *p, const char *args, size_t len)
{
	argblock_join(args, len, p->args, PROC_ARGS_MAX);
}
