// SPDX-License-Identifier: BSD-2-Clause
// Running fork stress programs with a bound (forkrun.h).
#include <proc.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "../forkrun.h"
#include "../proc_server.h"

#define MS 1000000ll

int kill(pid_t pid, int sig);

int forkrun(char *const argv[], long timeout_ms, bool kill_hung)
{
	char path[64];
	char *env[] = { NULL };
	snprintf(path, sizeof(path), "/bin/%s", argv[0]);
	posix_spawnattr_t attr;
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	pid_t pid;
	int err = posix_spawn(&pid, path, NULL, &attr, argv, env);
	posix_spawnattr_destroy(&attr);
	if (err)
		return -2;
	int64_t until = vg_clock_monotonic() + timeout_ms * MS;
	int st;
	while (waitpid(pid, &st, WNOHANG) == 0) {
		if (vg_clock_monotonic() > until) {
			vg_printf("KTEST-DETAIL %s %s hangs%s\n", argv[0], argv[1] ? argv[1] : "",
				  kill_hung ? ": killed" : "");
			if (kill_hung) {
				kill(-pid, 9);
				waitpid(pid, &st, 0);
			}
			return -1;
		}
		struct timespec ts = { 0, 5 * MS };
		nanosleep(&ts, NULL);
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1000 + st;
}

int forkrun_reap_orphans(const char *prefix, long timeout_ms)
{
	int64_t until = vg_clock_monotonic() + timeout_ms * MS;
	size_t n = strlen(prefix);
	for (;;) {
		struct proc_info info;
		char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
		int32_t after = 0;
		int left = 0;
		while (!proc_process_next(proc_server(), after, &info, args)) {
			after = info.pid;
			if (info.ppid != 1 || strncmp(args, prefix, n))
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

int forkrun_table_size(void)
{
	struct proc_info info;
	char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	int32_t after = 0;
	int n = 0;
	while (!proc_process_next(proc_server(), after, &info, args)) {
		n++;
		after = info.pid;
	}
	return n;
}
