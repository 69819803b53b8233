// SPDX-License-Identifier: BSD-2-Clause
// The process benchmarks (make bench): the root task starts the process
// server and bin/proc_bench (tests/user/proc_bench.c), a small program as
// the Linux peer's bench is, since fork's cost grows with the memory of
// the process that forks; proc_bench prints the BENCH lines.
#include <spawn.h>
#include <sys/wait.h>

#include "bench.h"
#include "proc_server.h"

void run_proc_benchmarks(void)
{
	char *argv[] = { "proc_bench", NULL }, *envp[] = { NULL };
	pid_t pid;
	int st = -1;
	if (!proc_server() || posix_spawn(&pid, "/bin/proc_bench", NULL, NULL, argv, envp) ||
	    waitpid(pid, &st, 0) != pid || st != 0)
		vg_printf("bench: the process benchmarks failed (status %d)\n", st);
}
