// SPDX-License-Identifier: BSD-2-Clause
// fork under stress, bounded (tests/user/forkstress.c): many forks of a
// multithreaded parent whose other threads are blocked in a condition
// variable, an IPC call a server holds and a pipe read, or churn memory
// and threads, two threads forking at once; and processes that exit while
// their other thread forks. Each run must end (a hang is killed and
// fails) with status 0, and leave nothing in the process table: no entry
// of a fork the exit cut short.
#include <proc.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"

#define MS 1000000ll

int kill(pid_t pid, int sig);

/* Runs forkstress with its arguments in a group of its own: its exit
 * status, or -1 when it had to be killed after timeout_ms. */
static int run(const char *scenario, const char *rounds, long timeout_ms)
{
	char *argv[] = { "forkstress", (char *)scenario, (char *)rounds, NULL };
	char *env[] = { NULL };
	posix_spawnattr_t attr;
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	pid_t pid;
	int err = posix_spawn(&pid, "/bin/forkstress", NULL, &attr, argv, env);
	posix_spawnattr_destroy(&attr);
	if (err)
		return -2;
	int64_t until = vg_clock_monotonic() + timeout_ms * MS;
	int st;
	while (waitpid(pid, &st, WNOHANG) == 0) {
		if (vg_clock_monotonic() > until) {
			vg_printf("KTEST-DETAIL forkstress %s hangs: killed\n", scenario);
			kill(-pid, 9);
			waitpid(pid, &st, 0);
			return -1;
		}
		struct timespec ts = { 0, 5 * MS };
		nanosleep(&ts, NULL);
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1000 + st;
}

/* Reaps the forkstress processes that came to pid 1 when their parent
 * ended; how many are still there after timeout_ms (each ends at once:
 * one left is an entry that never ran). */
static int reap_orphans(long timeout_ms)
{
	int64_t until = vg_clock_monotonic() + timeout_ms * MS;
	for (;;) {
		struct proc_info info;
		char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
		int32_t after = 0;
		int left = 0;
		while (!proc_process_next(proc_server(), after, &info, args)) {
			after = info.pid;
			if (info.ppid != 1 || strncmp(args, "forkstress", 10))
				continue;
			int st;
			if (waitpid(info.pid, &st, WNOHANG) != info.pid)
				left++;
			if (left && vg_clock_monotonic() > until)
				vg_printf("KTEST-DETAIL left: pid %d state %d threads %u: %s\n",
					  (int)info.pid, (int)info.state, (unsigned)info.threads,
					  args);
		}
		if (!left || vg_clock_monotonic() > until)
			return left;
		struct timespec ts = { 0, 10 * MS };
		nanosleep(&ts, NULL);
	}
}

UTEST(fork_stress_multithreaded_parent)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0); /* pipes */
	CHECK_EQ(run("threads", "24", 120000), 0);
	CHECK_EQ(reap_orphans(2000), 0);
}

UTEST(fork_stress_under_signals)
{
	CHECK(proc_server());
	CHECK_EQ(run("signals", "24", 120000), 0);
	CHECK_EQ(reap_orphans(2000), 0);
}

UTEST(fork_stress_exit_during_fork)
{
	CHECK(proc_server());
	CHECK_EQ(run("exitrace", "12", 120000), 0);
	CHECK_EQ(reap_orphans(3000), 0);
}
