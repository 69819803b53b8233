// SPDX-License-Identifier: BSD-2-Clause
// Resource limits (srv/proc/limits.c, lib/c/os/proc/limits.c, the
// kernel's process_set_limit): each one exceeded in a child
// (tests/user/procx_child.c) gives its error or signal, and the child and
// the system go on.
#include <errno.h>
#include <proc.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "../proc_server.h"
#include "../utest.h"

static char *const no_env[] = { NULL };

static int run_child(const char *what)
{
	char *argv[] = { "procx_child", (char *)what, NULL };
	pid_t pid;
	int st;
	if (posix_spawn(&pid, "/bin/procx_child", NULL, NULL, argv, no_env))
		return -1000;
	return waitpid(pid, &st, 0) == pid ? st : -1000 - errno;
}

#define CHILD_PASSES(what)                     \
	do {                                   \
		int st_ = run_child(what);     \
		CHECK(WIFEXITED(st_));         \
		CHECK_EQ(WEXITSTATUS(st_), 0); \
	} while (0)

UTEST(proc_limit_open_files)
{
	CHECK(proc_server());
	CHILD_PASSES("nofile");
}

UTEST(proc_limit_address_space)
{
	CHECK(proc_server());
	CHILD_PASSES("as");
}

UTEST(proc_limit_threads)
{
	CHECK(proc_server());
	CHILD_PASSES("threads");
}

UTEST(proc_limit_handles)
{
	CHECK(proc_server());
	CHILD_PASSES("handles");
}

UTEST(proc_limit_cpu_time)
{
	CHECK(proc_server());
	int st = run_child("cpu-soft"); /* SIGXCPU's handler exits 77 */
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 77);
	st = run_child("cpu-hard"); /* SIGXCPU ignored: SIGKILL at the hard limit */
	CHECK(WIFSIGNALED(st));
	CHECK_EQ(WTERMSIG(st), SIGKILL);
}

UTEST(proc_limit_bad_requests)
{
	CHECK(proc_server());
	struct rlimit rl;
	CHECK_EQ(getrlimit(RLIMIT_NLIMITS, &rl), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(getrlimit(-1, &rl), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(prlimit(32000, RLIMIT_CPU, NULL, &rl), -1);
	CHECK_EQ(errno, ESRCH);
	CHECK_EQ(getrlimit(RLIMIT_CPU, &rl), 0);
	CHECK_EQ(rl.rlim_cur, RLIM_INFINITY);
	struct proc_limit v = { 2, 1 }, old;
	CHECK_EQ(proc_process_limit(proc_server(), 0, 99, false, &v, &old),
		 PROC_PROC_ERROR_INVALID);
	CHECK_EQ(proc_process_limit(proc_server(), 0, RLIMIT_CPU, true, &v, &old),
		 PROC_PROC_ERROR_INVALID);
	CHECK_EQ(proc_process_limit(proc_server(), -5, RLIMIT_CPU, false, &v, &old),
		 PROC_PROC_ERROR_INVALID);
	/* The kernel call's own checks. */
	CHECK_EQ(vg_process_set_limit(self_h, 7, 0), ERR_INVALID_ARGS);
	CHECK_EQ(vg_process_set_limit(VG_HANDLE_INVALID, VG_LIMIT_THREADS, 0), ERR_BAD_HANDLE);
	CHECK_EQ(vg_process_watch_stops(self_h, 2), ERR_INVALID_ARGS);
}
