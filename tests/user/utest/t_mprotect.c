// SPDX-License-Identifier: BSD-2-Clause
// mprotect (the kernel's vm_protect) and MAP_SHARED mappings across fork,
// in a process of their own (tests/user/memchild.c): its forks and faults
// are the point.
#include <spawn.h>
#include <sys/wait.h>

#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"

/* Runs bin/memchild with mode: its wait status, or -1. */
static int memchild(const char *mode)
{
	char *argv[] = { "memchild", (char *)mode, NULL };
	char *envp[] = { NULL };
	pid_t pid;
	int st;
	if (posix_spawn(&pid, "/bin/memchild", NULL, NULL, argv, envp) ||
	    waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

UTEST(mprotect_read_only_none_and_back)
{
	CHECK(proc_server());
	CHECK_EQ(memchild("protections"), 0);
}

UTEST(mprotect_private_stays_private_after_fork)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(memchild("private"), 0);
}

UTEST(mmap_shared_stays_shared_across_fork)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(memchild("shared"), 0);
}
