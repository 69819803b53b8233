// SPDX-License-Identifier: BSD-2-Clause
// Spawned by tests/user/utest/t_sched.c: exits with its nice + 20 as the
// process server and the kernel both report it, or 99 when they differ.
#include <errno.h>
#include <sys/resource.h>
#include <vg/vg.h>

int main(void)
{
	errno = 0;
	int nice = getpriority(PRIO_PROCESS, 0);
	struct vg_sched_info k;
	if ((nice == -1 && errno) || vg_thread_get_sched(VG_HANDLE_INVALID, &k) || k.nice != nice)
		return 99;
	return nice + 20;
}
