// SPDX-License-Identifier: BSD-2-Clause
// ps's processes on Verdigris: the process server's next() (idl/proc.idl).
#include "procs.h"
#include <errno.h>
#include <proc.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <vg/vg.h>

static char state_letter(proc_state_t s)
{
	switch (s) {
	case PROC_STATE_ZOMBIE: return 'Z';
	case PROC_STATE_STOPPED: return 'T';
	case PROC_STATE_SLEEPING: return 'S';
	default: return 'R';
	}
}

int ps_next(pid_t after, struct ps_proc *out)
{
	struct proc_info info;
	static char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	long st = proc_process_next(vg_startup_find(VG_HTAG_PROC, 0), after, &info, args);
	if (st) {
		errno = st == PROC_PROC_ERROR_NO_PROCESS ? 0 : ENOSYS;
		return -1;
	}
	uint64_t now = (uint64_t)vg_clock_monotonic();
	*out = (struct ps_proc){
		.pid = info.pid,
		.ppid = info.ppid,
		.pgid = info.pgid,
		.sid = info.sid,
		.state = state_letter(info.state),
		.uid = info.uid,
		.nice = info.nice,
		.threads = info.threads,
		.rss = info.memory,
		.vsz = info.mapped,
		.cpu_ns = info.cpu_ns,
		.age_ns = now > info.start_ns ? now - info.start_ns : 0,
	};
	strncpy(out->args, args, sizeof(out->args) - 1);
	return 0;
}

pid_t ps_my_session(void)
{
	return getsid(0);
}
