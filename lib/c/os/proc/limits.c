// SPDX-License-Identifier: BSD-2-Clause
// getrlimit, setrlimit and prlimit: the process server keeps the limits
// (srv/proc/limits.c) and has the kernel enforce those it can; the fd
// table enforces RLIMIT_NOFILE, learning it here (or, in a program that
// never set it, from the server when it first installs a descriptor).
#include <errno.h>
#include <proc.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../internal/fd.h"
#include "../internal/proc.h"

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old)
{
	if (resource < 0 || resource >= RLIMIT_NLIMITS || pid < 0 ||
	    (new_limit && new_limit->rlim_cur > new_limit->rlim_max)) {
		errno = EINVAL;
		return -1;
	}
	struct proc_limit value = { 0 }, was;
	if (new_limit)
		value = (struct proc_limit){ new_limit->rlim_cur, new_limit->rlim_max };
	long st = proc_process_limit(__libc_proc_ep(), pid, (uint32_t)resource, new_limit != NULL,
				     &value, &was);
	if (st)
		return __libc_proc_fail(st);
	if (old)
		*old = (struct rlimit){ was.soft, was.hard };
	if (new_limit && resource == RLIMIT_NOFILE && (!pid || pid == getpid()))
		__fd_set_limit(new_limit->rlim_cur);
	return 0;
}

int getrlimit(int resource, struct rlimit *rl)
{
	return prlimit(0, resource, NULL, rl);
}

int setrlimit(int resource, const struct rlimit *rl)
{
	if (!rl) {
		errno = EFAULT;
		return -1;
	}
	return prlimit(0, resource, rl, NULL);
}

/* The fd table's first question (lib/c/os/fd/table.c). */
static uint64_t nofile(void)
{
	struct proc_limit value = { 0 }, was;
	vg_handle_t ep = __libc_proc_ep();
	if (!ep || proc_process_limit(ep, 0, RLIMIT_NOFILE, false, &value, &was))
		return RLIM_INFINITY;
	return was.soft;
}

void __libc_proc_hook_limits(void)
{
	__fd_limit_source = nofile;
}
