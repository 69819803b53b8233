// SPDX-License-Identifier: BSD-2-Clause
// sysconf and getpagesize: the system's configuration, from where it is
// decided: the page size of every architecture (4 KiB), the open-files
// limit (RLIMIT_NOFILE, the process server's), the argument block a spawn
// or exec carries (the proc protocol's bound on argv's bytes; the
// environment has a bound of its own, as large), the RAM the kernel
// manages (memory_info), the one CPU the kernel runs on (sched.c).
// _SC_CHILD_MAX is -1 (no limit of its own: the process server's table is
// the system's, and RLIMIT_NPROC counts threads here).
#include <errno.h>
#include <limits.h>
#include <proc.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vg/syscall.h>

#include "../internal/thread.h"

#define PAGE_BYTES 4096L
#define TICKS_PER_SECOND 100L /* times()'s unit, Linux's USER_HZ */

static long open_max(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > LONG_MAX)
		return -1; /* no definite limit */
	return (long)rl.rlim_cur;
}

static long ram_pages(bool available)
{
	struct vg_memory_info mi;
	if (vg_memory_info(&mi))
		return -1;
	return (long)((available ? mi.free : mi.total) / PAGE_BYTES);
}

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE: return PAGE_BYTES;
	case _SC_SIGQUEUE_MAX: return SIGQUEUE_MAX;
	case _SC_CLK_TCK: return TICKS_PER_SECOND;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN: return LIBC_NCPUS;
	case _SC_OPEN_MAX: return open_max();
	case _SC_ARG_MAX: return PROC_PROCESS_SPAWN_ARGS_MAX;
	case _SC_CHILD_MAX: return -1;
	case _SC_HOST_NAME_MAX: return HOST_NAME_MAX;
	case _SC_LINE_MAX: return LINE_MAX;
	case _SC_NGROUPS_MAX: return NGROUPS_MAX;
	case _SC_PHYS_PAGES: return ram_pages(false);
	case _SC_AVPHYS_PAGES: return ram_pages(true);
	default: errno = EINVAL; return -1;
	}
}

int getpagesize(void)
{
	return (int)PAGE_BYTES;
}
