// SPDX-License-Identifier: BSD-2-Clause
// nice, setpriority and getpriority: the process server keeps each
// process's nice and sets it on the kernel's process (srv/proc/priority.c).
// pid 1, which has no kernel handle there, sets its own here.
#include <errno.h>
#include <proc.h>
#include <stdbool.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vg/vg.h>

#include "../internal/proc.h"

/* Whether which and who name the caller (alone or in its group). */
static bool includes_me(int which, id_t who)
{
	if (which == PRIO_PROCESS)
		return who == 0 || (pid_t)who == getpid();
	if (which == PRIO_PGRP)
		return who == 0 || (pid_t)who == getpgrp();
	return who == 0 || who == getuid();
}

int setpriority(int which, id_t who, int prio)
{
	if (which < PRIO_PROCESS || which > PRIO_USER || (int32_t)who < 0) {
		errno = EINVAL;
		return -1;
	}
	long st = proc_process_setpriority(__libc_proc_ep(), (uint32_t)which, (int32_t)who, prio);
	if (st)
		return __libc_proc_fail(st);
	if (getpid() == 1 && includes_me(which, who)) {
		prio = prio < VG_NICE_MIN ? VG_NICE_MIN : prio > VG_NICE_MAX ? VG_NICE_MAX : prio;
		if (vg_process_set_nice(vg_self(), vg_startup()->resource, prio)) {
			errno = EACCES;
			return -1;
		}
	}
	return 0;
}

int getpriority(int which, id_t who)
{
	if (which < PRIO_PROCESS || which > PRIO_USER || (int32_t)who < 0) {
		errno = EINVAL;
		return -1;
	}
	int32_t nice;
	long st = proc_process_getpriority(__libc_proc_ep(), (uint32_t)which, (int32_t)who, &nice);
	return st ? __libc_proc_fail(st) : nice;
}

int nice(int incr)
{
	errno = 0;
	int now = getpriority(PRIO_PROCESS, 0);
	if (now == -1 && errno)
		return -1;
	/* Clamped the way setpriority clamps, so that nice(100) is 19. */
	long want = (long)now + incr;
	int next = want < VG_NICE_MIN ? VG_NICE_MIN : want > VG_NICE_MAX ? VG_NICE_MAX : (int)want;
	if (setpriority(PRIO_PROCESS, 0, next)) {
		if (errno == EACCES)
			errno = EPERM; /* nice's name for it (POSIX) */
		return -1;
	}
	return next;
}
