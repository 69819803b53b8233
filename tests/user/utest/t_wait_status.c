// SPDX-License-Identifier: BSD-2-Clause
// A process's end as its parent sees it (abi/verdigris/exit.h,
// srv/proc/wait.c, lib/c/os/proc/wait.c): exit(n) is WIFEXITED with n for
// every n, 129-192 included, apart from a signal's end (WIFSIGNALED, with
// WCOREDUMP for the signals whose default action dumps core), whoever
// sent the signal; waitid's si_code tells them apart too. The children
// are tests/user/sigchild.c; SIGCHLD's info is checked by
// tests/user/procx_child.c ("ends"), which needs a parent other than pid 1.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>

#include "../proc_server.h"
#include "../utest.h"

int kill(pid_t pid, int sig);

static char *const no_env[] = { NULL };

static pid_t start(const char *how, const char *arg)
{
	char *argv[] = { "sigchild", (char *)how, (char *)arg, NULL };
	pid_t pid;
	return posix_spawn(&pid, "/bin/sigchild", NULL, NULL, argv, no_env) ? -1 : pid;
}

/* sigchild `how arg`'s wait status, or -1. */
static int status_of(const char *how, const char *arg)
{
	pid_t pid = start(how, arg);
	int st;
	return pid > 0 && waitpid(pid, &st, 0) == pid ? st : -1;
}

static void fail(int line, const char *what, int n, int st)
{
	vg_printf("KTEST-DETAIL %s:%d: %s (%d; status %#x)\n", __FILE__, line, what, n, st);
	utest_checks_failed++;
}

static bool exited_with(int st, int code)
{
	return st != -1 && WIFEXITED(st) && !WIFSIGNALED(st) && !WIFSTOPPED(st) &&
		WEXITSTATUS(st) == code;
}

static bool killed_by(int st, int sig, bool core)
{
	return st != -1 && WIFSIGNALED(st) && !WIFEXITED(st) && WTERMSIG(st) == sig &&
		!WCOREDUMP(st) == !core;
}

UTEST(wait_exit_codes_are_exits)
{
	CHECK(proc_server());
	static const int codes[] = { 0, 1, 127, 128, 129, 130, 192, 193, 255 };
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		char n[8];
		snprintf(n, sizeof(n), "%d", codes[i]);
		int st = status_of("exit", n);
		if (!exited_with(st, codes[i]))
			fail(__LINE__, "exit(n): not an exit with n", codes[i], st);
		st = status_of("_exit", n);
		if (!exited_with(st, codes[i]))
			fail(__LINE__, "_exit(n): not an exit with n", codes[i], st);
	}
	/* Only the low byte counts, whatever the rest. */
	CHECK(exited_with(status_of("_exit", "386"), 130));
	CHECK(exited_with(status_of("exit", "-1"), 255));
	CHECK(exited_with(status_of("exit", "65664"), 128)); /* 0x10080 */
	/* main's pthread_exit, another thread the last to end: status 0. */
	CHECK(exited_with(status_of("lastthread", NULL), 0));
}

UTEST(wait_signal_deaths_are_signals)
{
	CHECK(proc_server());
	/* Default actions in the child: terminate, or dump core. */
	CHECK(killed_by(status_of("raise", "2"), SIGINT, false));
	CHECK(killed_by(status_of("raise", "15"), SIGTERM, false));
	CHECK(killed_by(status_of("raise", "3"), SIGQUIT, true));
	CHECK(killed_by(status_of("segv", NULL), SIGSEGV, true));
	CHECK(killed_by(status_of("abort", NULL), SIGABRT, true));
	CHECK(killed_by(status_of("killself", NULL), SIGKILL, false));
	/* Sent by the parent, through the process server. */
	static const int sigs[] = { SIGINT, SIGTERM, SIGKILL, SIGQUIT };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		pid_t pid = start("wait", NULL);
		int st = -1;
		CHECK(pid > 0 && kill(pid, sigs[i]) == 0 && waitpid(pid, &st, 0) == pid);
		if (!killed_by(st, sigs[i], sigs[i] == SIGQUIT))
			fail(__LINE__, "kill: not that signal's end", sigs[i], st);
	}
}

/* waitid's si_code: CLD_EXITED with the code, CLD_KILLED or CLD_DUMPED
 * with the signal. */
static bool waitid_says(const char *how, const char *arg, int code, int status)
{
	pid_t pid = start(how, arg);
	siginfo_t si;
	return pid > 0 && waitid(P_PID, (id_t)pid, &si, WEXITED) == 0 && si.si_pid == pid &&
		si.si_signo == SIGCHLD && si.si_code == code && si.si_status == status;
}

UTEST(wait_waitid_codes)
{
	CHECK(proc_server());
	CHECK(waitid_says("exit", "130", CLD_EXITED, 130));
	CHECK(waitid_says("exit", "139", CLD_EXITED, 139));
	CHECK(waitid_says("raise", "2", CLD_KILLED, SIGINT));
	CHECK(waitid_says("segv", NULL, CLD_DUMPED, SIGSEGV));
	CHECK(waitid_says("abort", NULL, CLD_DUMPED, SIGABRT));
}

/* SIGCHLD's si_code and si_status, in a child of ours (procx_child). */
UTEST(wait_sigchld_info_of_ends)
{
	CHECK(proc_server());
	char *argv[] = { "procx_child", "ends", NULL };
	pid_t pid;
	int st = -1;
	CHECK(posix_spawn(&pid, "/bin/procx_child", NULL, NULL, argv, no_env) == 0 &&
	      waitpid(pid, &st, 0) == pid);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
}
