// SPDX-License-Identifier: BSD-2-Clause
// Process identity, groups and sessions: asked of the process server. The
// pid never changes, so it is asked once.
#include <errno.h>
#include <proc.h>
#include <unistd.h>

#include "../internal/proc.h"

static pid_t my_pid;

void __libc_ids_forked(int32_t pid)
{
	my_pid = pid;
}

pid_t getpid(void)
{
	pid_t pid = __atomic_load_n(&my_pid, __ATOMIC_RELAXED);
	if (pid)
		return pid;
	int32_t p, pp, pg, s;
	if (proc_process_self(__libc_proc_ep(), &p, &pp, &pg, &s))
		return -1; /* no process server: POSIX has no error for this */
	__atomic_store_n(&my_pid, p, __ATOMIC_RELAXED);
	return p;
}

pid_t getppid(void)
{
	int32_t p, pp, pg, s;
	return proc_process_self(__libc_proc_ep(), &p, &pp, &pg, &s) ? -1 : pp;
}

pid_t getpgid(pid_t pid)
{
	int32_t pgid;
	long st = proc_process_getpgid(__libc_proc_ep(), pid, &pgid);
	return st ? __libc_proc_fail(st) : pgid;
}

pid_t getpgrp(void)
{
	return getpgid(0);
}

int setpgid(pid_t pid, pid_t pgid)
{
	long st = proc_process_setpgid(__libc_proc_ep(), pid, pgid);
	return st ? __libc_proc_fail(st) : 0;
}

pid_t setsid(void)
{
	int32_t sid;
	long st = proc_process_setsid(__libc_proc_ep(), &sid);
	return st ? __libc_proc_fail(st) : sid;
}

pid_t getsid(pid_t pid)
{
	int32_t sid;
	long st = proc_process_getsid(__libc_proc_ep(), pid, &sid);
	return st ? __libc_proc_fail(st) : sid;
}
