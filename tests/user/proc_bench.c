// SPDX-License-Identifier: BSD-2-Clause
// The process benchmarks, as the Linux peer measures them: fork then _exit
// in the child, fork then execve of a static program (bin/proc_true), and
// posix_spawn of that program, each with waitpid. Started by the root
// task's `make bench` run (tests/user/bench_proc.c).
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

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

int main(void)
{
	bench_report("fork_exit_wait", fork_exit_wait, 4);
	bench_report("fork_exec_wait", fork_exec_wait, 4);
	bench_report("posix_spawn_wait", posix_spawn_wait, 4);
	return 0;
}
