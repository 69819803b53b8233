// SPDX-License-Identifier: BSD-2-Clause
// kill's permission (srv/proc/signal.c, may_signal; docs/ARCHITECTURE.md
// section 15): POSIX's rule on the user ids the VFS tells the process
// server. Forked children of the root task (pid 1) take uid 1000 with
// setuid, which the VFS reports; each child says how it fared by its exit
// status, which the root task checks.
#include <errno.h>
#include <proc.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"

#define USER 1000

static int status_of(pid_t pid)
{
	int st = -1;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return st;
}

static int exit_code(pid_t pid)
{
	int st = status_of(pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1000 + st;
}

static volatile sig_atomic_t got;

static void on_signal(int sig)
{
	got = sig;
}

static void catch (int sig)
{
	struct sigaction a = { .sa_handler = on_signal };
	sigaction(sig, &a, NULL);
}

/* Waits up to 2 s for the handler: whether it ran. */
static bool handled(int sig)
{
	for (int i = 0; i < 200 && got != sig; i++)
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
	return got == sig;
}

/* A process that waits for signals until one handler exits it. */
static pid_t sleeper(int sig, int code, bool user, bool new_session, int ready)
{
	pid_t pid = fork();
	if (pid)
		return pid;
	catch (sig);
	if ((user && setuid(USER)) || (new_session && setsid() < 0))
		_exit(90);
	if (write(ready, "r", 1) != 1)
		_exit(91);
	while (!handled(sig))
		;
	_exit(code);
}

/* The user id the process server shows for pid (ps), or -1. */
static long uid_of(pid_t pid)
{
	struct proc_info info;
	char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	for (int32_t after = 0; !proc_process_next(proc_server(), after, &info, args);
	     after = info.pid)
		if (info.pid == pid)
			return info.uid;
	return -1;
}

UTEST(sigperm_child_signals_parent)
{
	CHECK_EQ(vfs_up(), 0);
	/* A uid-1000 parent and its uid-1000 child: neither privileged, the
	 * child not the parent's ancestor. */
	pid_t parent = fork();
	if (parent == 0) {
		catch (SIGUSR1);
		if (setuid(USER))
			_exit(2);
		pid_t child = fork();
		if (child == 0)
			_exit(kill(getppid(), SIGUSR1) ? 10 + errno : 0);
		int code = exit_code(child);
		if (code)
			_exit(code);
		_exit(handled(SIGUSR1) ? 0 : 3);
	}
	CHECK(parent > 0);
	CHECK_EQ(exit_code(parent), 0);
}

UTEST(sigperm_users)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	char c;
	CHECK_EQ(pipe(p), 0);
	/* root0 stays root; user1 becomes uid 1000; other_session is root in
	 * a session of its own. */
	pid_t root0 = sleeper(SIGCONT, 7, false, false, p[1]);
	pid_t user1 = sleeper(SIGUSR1, 8, true, false, p[1]);
	pid_t other_session = sleeper(SIGCONT, 9, false, true, p[1]);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(read(p[0], &c, 1), 1);
	CHECK_EQ(uid_of(user1), USER);
	CHECK_EQ(uid_of(root0), 0);
	pid_t sender = fork();
	if (sender == 0) {
		if (setuid(USER))
			_exit(2);
		/* Nobody claims ids for itself: only the VFS's handle may. */
		vg_handle_t mine = vg_startup_find(VG_HTAG_PROC, 0), dup;
		if (vg_handle_duplicate(mine, VG_RIGHT_TRANSFER, &dup) ||
		    proc_process_ids(mine, dup, 0, 0, 0, 0, 0, 0) != PROC_PROC_ERROR_DENIED)
			_exit(3);
		if (proc_process_link_vfs(mine, &dup) != PROC_PROC_ERROR_DENIED)
			_exit(4);
		/* Not root's: EPERM, for a signal or the existence check. */
		if (kill(root0, SIGUSR1) == 0 || errno != EPERM)
			_exit(5);
		if (kill(root0, 0) == 0 || errno != EPERM)
			_exit(6);
		/* SIGCONT only within the session. */
		if (kill(other_session, SIGCONT) == 0 || errno != EPERM)
			_exit(7);
		if (kill(root0, SIGCONT))
			_exit(8);
		/* Another uid 1000's. */
		if (kill(user1, SIGUSR1))
			_exit(9);
		_exit(0);
	}
	CHECK(sender > 0);
	CHECK_EQ(exit_code(sender), 0);
	CHECK_EQ(exit_code(root0), 7); /* its SIGCONT handler ran */
	CHECK_EQ(exit_code(user1), 8);
	/* The one nobody could signal: still there. */
	CHECK_EQ(kill(other_session, 0), 0);
	CHECK_EQ(kill(other_session, SIGCONT), 0);
	CHECK_EQ(exit_code(other_session), 9);
	close(p[0]);
	close(p[1]);
}
