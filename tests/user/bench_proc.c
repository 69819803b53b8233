// SPDX-License-Identifier: BSD-2-Clause
// Process benchmarks (make bench), as the Linux peer measures them: fork
// of the root task then _exit in the child, and fork then execve of a
// static program (bin/proc_true), each with waitpid; and posix_spawn of
// the same program with waitpid.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "proc_server.h"

static char *true_argv[] = { "proc_true", NULL };
static char *no_env[] = { NULL };

static void fork_exit_wait(int batch)
{
	for (int i = 0; i < batch; i++) {
		pid_t p = fork();
		if (p == 0)
			_exit(0);
		if (p > 0)
			waitpid(p, NULL, 0);
	}
}

static void fork_exec_wait(int batch)
{
	for (int i = 0; i < batch; i++) {
		pid_t p = fork();
		if (p == 0) {
			execve("/bin/proc_true", true_argv, no_env);
			_exit(127);
		}
		if (p > 0)
			waitpid(p, NULL, 0);
	}
}

static void posix_spawn_wait(int batch)
{
	for (int i = 0; i < batch; i++) {
		pid_t p;
		if (!posix_spawn(&p, "/bin/proc_true", NULL, NULL, true_argv, no_env))
			waitpid(p, NULL, 0);
	}
}

void run_proc_benchmarks(void)
{
	if (!proc_server()) {
		vg_printf("bench: no process server\n");
		return;
	}
	bench_report("fork_exit_wait", fork_exit_wait, 4);
	bench_report("fork_exec_wait", fork_exec_wait, 4);
	bench_report("posix_spawn_wait", posix_spawn_wait, 4);
}
