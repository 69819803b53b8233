// SPDX-License-Identifier: BSD-2-Clause
// SIGCHLD, stops and continuations, waitid, EINTR (srv/proc/wait.c,
// lib/c/os/proc/wait.c): the checks that need a parent other than pid 1
// run in tests/user/procx_child.c; a stop of pid 1's own child here.
#include <errno.h>
#include <proc.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>

#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"

int kill(pid_t pid, int sig);

static char *const no_env[] = { NULL };

/* procx_child's exit status for argv[1] = what, or -1000 - errno. */
static int run_child(const char *what)
{
	char *argv[] = { "procx_child", (char *)what, NULL };
	pid_t pid;
	int st;
	if (posix_spawn(&pid, "/bin/procx_child", NULL, NULL, argv, no_env))
		return -1000;
	return waitpid(pid, &st, 0) == pid ? st : -1000 - errno;
}

UTEST(proc_sigchld_stops_continues_waitid)
{
	CHECK(proc_server());
	int st = run_child("sigchld");
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
}

UTEST(proc_sigwaitinfo_from_other_processes)
{
	CHECK(proc_server());
	int st = run_child("sigwait");
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
}

UTEST(proc_sigchld_ignored_reaps_children)
{
	CHECK(proc_server());
	int st = run_child("nocldwait");
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
}

UTEST(proc_wait_interrupted_by_handler)
{
	CHECK(proc_server());
	int st = run_child("eintr");
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
}

static proc_state_t state_of(pid_t pid)
{
	struct proc_info info;
	char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	if (proc_process_next(proc_server(), pid - 1, &info, args) || info.pid != pid)
		return 0;
	return info.state;
}

/* pid 1's own child: stopped and continued as waitpid and ps see it. */
UTEST(proc_stopped_child_reported)
{
	CHECK(proc_server());
	char *argv[] = { "procx_child", "sleep", NULL };
	pid_t p;
	CHECK_EQ(posix_spawn(&p, "/bin/procx_child", NULL, NULL, argv, no_env), 0);
	int st = 0;
	CHECK_EQ(waitpid(p, &st, WNOHANG | WUNTRACED | WCONTINUED), 0);
	/* Asleep in nanosleep: every thread blocked. */
	for (int i = 0; i < 200 && state_of(p) != PROC_STATE_SLEEPING; i++)
		vg_thread_sleep_until(vg_clock_monotonic() + 1000000);
	CHECK_EQ(state_of(p), PROC_STATE_SLEEPING);
	CHECK_EQ(kill(p, SIGSTOP), 0);
	CHECK_EQ(waitpid(p, &st, WUNTRACED), p);
	CHECK(WIFSTOPPED(st) && !WIFEXITED(st) && !WIFSIGNALED(st));
	CHECK_EQ(WSTOPSIG(st), SIGSTOP);
	CHECK_EQ(state_of(p), PROC_STATE_STOPPED);
	/* Reported once; not at all to a wait without WUNTRACED. */
	CHECK_EQ(waitpid(p, &st, WNOHANG | WUNTRACED), 0);
	CHECK_EQ(kill(p, SIGCONT), 0);
	CHECK_EQ(waitpid(p, &st, WCONTINUED), p);
	CHECK(WIFCONTINUED(st));
	CHECK(state_of(p) != PROC_STATE_STOPPED);
	siginfo_t si;
	CHECK_EQ(waitid(P_PID, (id_t)p, &si, WEXITED | WNOHANG), 0);
	CHECK_EQ(si.si_pid, 0);
	CHECK_EQ(kill(p, SIGKILL), 0);
	CHECK_EQ(waitid(P_PID, (id_t)p, &si, WEXITED | WNOWAIT), 0);
	CHECK_EQ(si.si_code, CLD_KILLED);
	CHECK_EQ(state_of(p), PROC_STATE_ZOMBIE); /* WNOWAIT left it */
	CHECK_EQ(waitpid(p, &st, 0), p);
	CHECK_EQ(WTERMSIG(st), SIGKILL);
	CHECK_EQ(state_of(p), 0);
	/* Bad arguments. */
	CHECK_EQ(waitid(P_ALL, 0, &si, WNOHANG), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(waitid((idtype_t)7, 0, &si, WEXITED), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(waitid(P_PID, 0, &si, WEXITED), -1);
	CHECK_EQ(errno, EINVAL);
	int32_t child, status;
	CHECK_EQ(proc_process_waitid(proc_server(), -1, 0, &child, &status),
		 PROC_PROC_ERROR_INVALID);
	CHECK_EQ(proc_process_waitid(proc_server(), -1, 16, &child, &status),
		 PROC_PROC_ERROR_INVALID);
	CHECK_EQ(proc_process_waitid(proc_server(), -1, 8, &child, &status),
		 PROC_PROC_ERROR_INVALID);
}
