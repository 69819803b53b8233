// SPDX-License-Identifier: BSD-2-Clause
// The process server (srv/proc) and the C library's process API: the root
// task starts bin/proc with vg_spawn (becoming pid 1, the holder of the
// server's unbadged handle) and then spawns tests/user/proc_child.c with
// posix_spawn: exit statuses, arguments and environment, trees, WNOHANG,
// zombies, orphans, kill, groups and sessions, fds, bad requests.
#include <errno.h>
#include <fcntl.h>
#include <proc.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../vfs_up.h"

#include "../forkrun.h"
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"

int kill(pid_t pid, int sig);

#define SIGKILL_ 9
#define SIGSEGV_ 11
#define SIGTERM_ 15
#define SIGCHLD_ 17

static char *const no_env[] = { NULL };

/* posix_spawn of proc_child with up to two arguments: the pid or -1. */
static pid_t child(const char *a1, const char *a2)
{
	char *argv[] = { "proc_child", (char *)a1, (char *)a2, NULL };
	pid_t pid;
	int err = posix_spawn(&pid, "/bin/proc_child", NULL, NULL, argv, no_env);
	return err ? -1 : pid;
}

/* Waits for pid: its status, or -1000 - errno. */
static int status_of(pid_t pid)
{
	int st;
	pid_t got = waitpid(pid, &st, 0);
	return got == pid ? st : -1000 - errno;
}

UTEST(proc_spawn_exit_status)
{
	CHECK(proc_server());
	CHECK_EQ(getpid(), 1);
	CHECK_EQ(getppid(), 0);
	pid_t a = child("exit", "42"), b = child("exit", "0");
	CHECK(a > 1 && b > 1 && a != b);
	int st = status_of(a);
	CHECK(WIFEXITED(st) && !WIFSIGNALED(st));
	CHECK_EQ(WEXITSTATUS(st), 42);
	st = status_of(b);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
	/* Reaped: no such child any more. */
	CHECK_EQ(waitpid(a, &st, 0), -1);
	CHECK_EQ(errno, ECHILD);
	CHECK_EQ(waitpid(-1, &st, WNOHANG), -1);
	CHECK_EQ(errno, ECHILD);
	/* Exit codes keep their low 8 bits, as on Unix. */
	CHECK_EQ(WEXITSTATUS(status_of(child("exit", "300"))), 300 & 0xff);
	/* A program that does not exist, and one that is no executable. */
	char *argv[] = { "x", NULL };
	pid_t p;
	CHECK_EQ(posix_spawn(&p, "/bin/no-such-program", NULL, NULL, argv, no_env), ENOENT);
	CHECK_EQ(posix_spawn(&p, "/etc/motd", NULL, NULL, argv, no_env), ENOEXEC);
	CHECK_EQ(posix_spawnp(&p, "proc_child", NULL, NULL, (char *[]){ "c", "exit", "5", NULL },
			      no_env),
		 0);
	CHECK_EQ(WEXITSTATUS(status_of(p)), 5);
}

UTEST(proc_arguments_and_environment_arrive)
{
	CHECK(proc_server());
	char *argv[] = { "proc_child", "args", "two words", "", NULL };
	char *envp[] = { "FOO=bar=baz", "EMPTY=", "PARENT=1", NULL };
	pid_t p;
	CHECK_EQ(posix_spawn(&p, "/bin/proc_child", NULL, NULL, argv, envp), 0);
	int st = status_of(p);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
}

UTEST(proc_spawn_trees)
{
	CHECK(proc_server());
	pid_t t[3];
	for (int i = 0; i < 3; i++)
		t[i] = child("tree", "5");
	for (int i = 2; i >= 0; i--) {
		int st = status_of(t[i]);
		CHECK(WIFEXITED(st));
		CHECK_EQ(WEXITSTATUS(st), 0);
	}
}

UTEST(proc_wnohang_kill_and_signals)
{
	CHECK(proc_server());
	pid_t a = child("sleep", NULL), b = child("sleep", NULL);
	int st = -1;
	CHECK_EQ(waitpid(a, &st, WNOHANG), 0);
	CHECK_EQ(waitpid(-1, &st, WNOHANG), 0);
	CHECK_EQ(kill(a, 0), 0); /* exists */
	CHECK_EQ(kill(a, SIGCHLD_), 0); /* ignored by default */
	CHECK_EQ(waitpid(a, &st, WNOHANG), 0);
	CHECK_EQ(kill(a, SIGTERM_), 0);
	CHECK_EQ(kill(b, SIGKILL_), 0);
	st = status_of(a);
	CHECK(WIFSIGNALED(st) && !WIFEXITED(st));
	CHECK_EQ(WTERMSIG(st), SIGTERM_);
	st = status_of(b);
	CHECK(WIFSIGNALED(st));
	CHECK_EQ(WTERMSIG(st), SIGKILL_);
	CHECK_EQ(kill(a, 0), -1); /* gone */
	CHECK_EQ(errno, ESRCH);
	CHECK_EQ(kill(2, 99), -1);
	CHECK_EQ(errno, EINVAL);
	/* A process killing itself; one crashing. */
	CHECK_EQ(WTERMSIG(status_of(child("kill-self", NULL))), SIGTERM_);
	CHECK_EQ(WTERMSIG(status_of(child("crash", NULL))), SIGSEGV_);
	/* A child may not signal its parent when that is pid 1. */
	CHECK_EQ(WEXITSTATUS(status_of(child("kill-parent", NULL))), 0);
}

/* A forked child's attempt, once told through fd ready, to signal victim:
 * 0 allowed, 1 refused (EPERM), others: what went wrong. */
static int try_to_signal(pid_t victim, int ready)
{
	char c;
	if (setuid(1000)) /* root may signal anyone */
		return 6;
	if (read(ready, &c, 1) != 1)
		return 3;
	/* Nobody but pid 1 gives the kill right, not even to itself. */
	if (proc_process_grant_kill(vg_startup_find(VG_HTAG_PROC, 0), getpid()) !=
	    PROC_PROC_ERROR_DENIED)
		return 4;
	/* pid 1 stays out of reach, right or not. */
	if (kill(1, 0) == 0 || errno != EPERM)
		return 5;
	if (kill(victim, 0) == 0)
		return 0;
	return errno == EPERM ? 1 : 2;
}

UTEST(proc_kill_right)
{
	/* Two siblings of uid 1000 may not signal a third of uid 0, until
	 * pid 1 gives one of them the kill right. */
	CHECK_EQ(vfs_up(), 0);
	pid_t victim = fork();
	if (victim == 0)
		for (;;)
			pause();
	CHECK(victim > 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	pid_t without = fork();
	if (without == 0)
		_exit(try_to_signal(victim, p[0]));
	pid_t with = fork();
	if (with == 0)
		_exit(try_to_signal(victim, p[0]));
	CHECK(without > 0 && with > 0);
	CHECK_EQ(proc_process_grant_kill(proc_server(), with), 0);
	CHECK_EQ(proc_process_grant_kill(proc_server(), 32767), PROC_PROC_ERROR_NO_PROCESS);
	CHECK_EQ(write(p[1], "go", 2), 2);
	CHECK_EQ(WEXITSTATUS(status_of(without)), 1);
	CHECK_EQ(WEXITSTATUS(status_of(with)), 0);
	close(p[0]);
	close(p[1]);
	CHECK_EQ(kill(victim, SIGKILL_), 0);
	CHECK(WIFSIGNALED(status_of(victim)));
}

/* The table entry of pid, by enumeration: 0, or -1 when it is not there. */
static int lookup(pid_t pid, struct proc_info *info, char *args)
{
	int32_t after = 0;
	while (!proc_process_next(proc_server(), after, info, args)) {
		if (info->pid == pid)
			return 0;
		after = info->pid;
	}
	return -1;
}

UTEST(proc_zombies_stay_until_reaped)
{
	CHECK(proc_server());
	pid_t p = child("exit", "3");
	struct proc_info info;
	char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	CHECK_EQ(lookup(p, &info, args), 0);
	CHECK_EQ(strcmp(args, "proc_child exit 3"), 0);
	CHECK_EQ(info.ppid, 1);
	/* It ends; it stays, a zombie with its status, until waited for. */
	for (int i = 0; i < 500 && info.state != PROC_STATE_ZOMBIE; i++) {
		struct timespec ts = { 0, 2000000 };
		nanosleep(&ts, NULL);
		CHECK_EQ(lookup(p, &info, args), 0);
	}
	CHECK_EQ(info.state, PROC_STATE_ZOMBIE);
	CHECK_EQ(info.status, 3 << 8);
	int st;
	CHECK_EQ(waitpid(-1, &st, WNOHANG), p);
	CHECK_EQ(st, 3 << 8);
	CHECK_EQ(lookup(p, &info, args), -1);
	/* pid 1 is listed too. */
	CHECK_EQ(lookup(1, &info, args), 0);
	CHECK_EQ(strcmp(args, "init"), 0);
}

UTEST(proc_orphans_go_to_pid_1)
{
	CHECK(proc_server());
	pid_t p = child("orphan", NULL);
	CHECK_EQ(WEXITSTATUS(status_of(p)), 0);
	/* Its child lingers, now ours. */
	struct proc_info info;
	char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	int32_t after = 0;
	pid_t orphan = 0;
	while (!orphan && !proc_process_next(proc_server(), after, &info, args)) {
		if (!strcmp(args, "proc_child linger"))
			orphan = info.pid;
		after = info.pid;
	}
	CHECK(orphan > 1);
	CHECK_EQ(info.ppid, 1);
	int st = status_of(orphan);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 7);
}

UTEST(proc_groups_and_sessions)
{
	CHECK(proc_server());
	CHECK_EQ(getpgrp(), 1);
	CHECK_EQ(getsid(0), 1);
	CHECK_EQ(setsid(), -1); /* already a group leader */
	CHECK_EQ(errno, EPERM);
	pid_t a = child("sleep", NULL), b = child("sleep", NULL), c = child("sleep", NULL);
	CHECK_EQ(getpgid(a), 1);
	CHECK_EQ(setpgid(a, 0), 0); /* a leads a new group */
	CHECK_EQ(getpgid(a), a);
	CHECK_EQ(setpgid(b, a), 0);
	CHECK_EQ(getpgid(b), a);
	CHECK_EQ(setpgid(c, 12345), -1); /* no such group */
	CHECK_EQ(errno, EPERM);
	CHECK_EQ(setpgid(99999, 0), -1);
	CHECK_EQ(errno, ESRCH);
	CHECK_EQ(getpgid(99999), -1);
	CHECK_EQ(errno, ESRCH);
	/* Started in a group of its own by the spawn attributes. */
	posix_spawnattr_t attr;
	posix_spawnattr_init(&attr);
	CHECK_EQ(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP), 0);
	CHECK_EQ(posix_spawnattr_setpgroup(&attr, a), 0);
	pid_t d;
	char *argv[] = { "proc_child", "sleep", NULL };
	CHECK_EQ(posix_spawn(&d, "/bin/proc_child", NULL, &attr, argv, no_env), 0);
	CHECK_EQ(getpgid(d), a);
	CHECK_EQ(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSCHEDULER), EINVAL);
	/* The signal attributes are taken (t_sigexec.c checks what the
	 * child gets). */
	sigset_t mask = 0, def = ~(sigset_t)0;
	posix_spawnattr_t sig;
	posix_spawnattr_init(&sig);
	CHECK_EQ(posix_spawnattr_setflags(&sig, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF), 0);
	CHECK_EQ(posix_spawnattr_setsigdefault(&sig, &def), 0);
	CHECK_EQ(posix_spawnattr_setsigmask(&sig, &mask), 0);
	pid_t f;
	CHECK_EQ(posix_spawn(&f, "/bin/proc_child", NULL, &sig,
			     (char *[]){ "c", "exit", "3", NULL }, no_env),
		 0);
	CHECK_EQ(WEXITSTATUS(status_of(f)), 3);
	mask = (sigset_t)1 << SIGTERM_;
	CHECK_EQ(posix_spawnattr_setsigmask(&sig, &mask), 0);
	CHECK_EQ(posix_spawn(&f, "/bin/proc_child", NULL, &sig,
			     (char *[]){ "c", "exit", "4", NULL }, no_env),
		 0);
	CHECK_EQ(WEXITSTATUS(status_of(f)), 4);
	posix_spawnattr_destroy(&sig);
	/* The group goes at once; c stays. */
	CHECK_EQ(kill(-a, SIGTERM_), 0);
	CHECK_EQ(WTERMSIG(status_of(a)), SIGTERM_);
	CHECK_EQ(WTERMSIG(status_of(b)), SIGTERM_);
	CHECK_EQ(WTERMSIG(status_of(d)), SIGTERM_);
	CHECK_EQ(waitpid(c, NULL, WNOHANG), 0);
	CHECK_EQ(kill(-a, SIGTERM_), -1);
	CHECK_EQ(errno, ESRCH);
	/* waitpid(-pgid): only that group's children. */
	CHECK_EQ(setpgid(c, 0), 0);
	pid_t e = child("exit", "1");
	CHECK_EQ(waitpid(-c, NULL, WNOHANG), 0);
	CHECK_EQ(kill(c, SIGKILL_), 0);
	CHECK_EQ(waitpid(-c, NULL, 0), c);
	CHECK_EQ(waitpid(e, NULL, 0), e);
	/* A new session in the child. */
	CHECK_EQ(WEXITSTATUS(status_of(child("setsid", NULL))), 0);
}

UTEST(proc_handles_and_fds_pass_to_children)
{
	vg_handle_t ep = proc_server();
	CHECK(ep);
	CHECK_EQ(vfs_up(), 0);
	/* A file as fd 5: the child passes it on as fd 9 to its child (file
	 * actions), which writes into it; the VFS arrives with them. */
	int fd = open("/tmp/proc-passfd", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(dup2(fd, 5), 5);
	int cloexec = open("/tmp/proc-passfd", O_RDONLY);
	CHECK(cloexec >= 0);
	CHECK_EQ(dup3(cloexec, 20, O_CLOEXEC), 20);
	close(cloexec);
	cloexec = 20;
	char *argv[] = { "proc_child", "pass-fd", NULL };
	pid_t pid;
	CHECK_EQ(posix_spawn(&pid, "/bin/proc_child", NULL, NULL, argv, no_env), 0);
	CHECK_EQ(WEXITSTATUS(status_of(pid)), 0);
	char got[16] = { 0 };
	CHECK_EQ(pread(fd, got, sizeof(got), 0), 6);
	CHECK_EQ(strcmp(got, "passed"), 0);
	/* A close-on-exec descriptor is not passed. */
	char *argv2[] = { "proc_child", "write-fd", "0", NULL };
	char num[8];
	snprintf(num, sizeof(num), "%d", cloexec);
	argv2[2] = num;
	CHECK_EQ(posix_spawn(&pid, "/bin/proc_child", NULL, NULL, argv2, no_env), 0);
	CHECK_EQ(WEXITSTATUS(status_of(pid)), 1);
	close(cloexec);
	close(5);
	close(fd);
	unlink("/tmp/proc-passfd");
	/* The server's own tag is not the caller's to give. */
	vg_handle_t note, theirs;
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &theirs), 0);
	CHECK_EQ(proc_process_give(ep, VG_HTAG_PROC, 0, theirs), PROC_PROC_ERROR_DENIED);
	/* Nor through give4, where the refusal is the answer (spawns with
	 * four descriptors or more use give4: the tests above). */
	vg_handle_t four[4];
	for (int i = 0; i < 4; i++)
		CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &four[i]),
			 0);
	uint32_t tags[4] = { VG_HTAG_USER, VG_HTAG_PROC, VG_HTAG_USER, VG_HTAG_USER };
	uint32_t args[4] = { 0, 0, 1, 2 };
	CHECK_EQ(proc_process_give4(ep, tags, 4, args, 4, four[0], four[1], four[2], four[3]),
		 PROC_PROC_ERROR_DENIED);
	CHECK_EQ(proc_process_unstage(ep), 0);
	vg_handle_close(note);
}

/* addopen: the file is opened for the child as the given fd (relative to
 * the caller's working directory); an open that fails fails the spawn with
 * its errno and starts nothing. */
UTEST(proc_spawn_file_actions_open)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(chdir("/tmp"), 0);
	posix_spawn_file_actions_t fa;
	CHECK_EQ(posix_spawn_file_actions_init(&fa), 0);
	CHECK_EQ(posix_spawn_file_actions_addopen(&fa, 7, "proc-open", O_WRONLY | O_CREAT | O_TRUNC,
						  0600),
		 0);
	char *argv[] = { "proc_child", "write-fd", "7", NULL };
	pid_t pid;
	CHECK_EQ(posix_spawn(&pid, "/bin/proc_child", &fa, NULL, argv, no_env), 0);
	CHECK_EQ(WEXITSTATUS(status_of(pid)), 0);
	CHECK_EQ(posix_spawn_file_actions_destroy(&fa), 0);
	char got[16] = { 0 };
	int fd = open("/tmp/proc-open", O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(read(fd, got, sizeof(got)), 6);
	CHECK_EQ(strcmp(got, "passed"), 0);
	CHECK_EQ(fcntl(7, F_GETFD), -1); /* nothing left open here */
	close(fd);
	CHECK_EQ(posix_spawn_file_actions_init(&fa), 0);
	CHECK_EQ(posix_spawn_file_actions_addopen(&fa, 3, "no-such-dir/x", O_RDONLY, 0), 0);
	CHECK_EQ(posix_spawn(&pid, "/bin/proc_child", &fa, NULL, argv, no_env), ENOENT);
	CHECK_EQ(posix_spawn_file_actions_destroy(&fa), 0);
	CHECK_EQ(posix_spawn_file_actions_addopen(&fa, -1, "x", O_RDONLY, 0), EBADF);
	unlink("/tmp/proc-open");
	CHECK_EQ(chdir("/"), 0);
}

/* Descriptors stay open across fork, on the same open files (a shared
 * position: proc_child's "fork-fd"), and kill() from another process
 * runs a handler. */
UTEST(proc_fork_keeps_descriptors_and_kill_reaches_handlers)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(WEXITSTATUS(status_of(child("fork-fd", NULL))), 0);
	pid_t c = child("handle-term", NULL);
	CHECK(c > 0);
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	nanosleep(&ts, NULL); /* it installs its handler */
	CHECK_EQ(kill(c, SIGTERM_), 0);
	int st = status_of(c);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 42); /* the handler's doing */
}

UTEST(proc_bad_requests_are_refused)
{
	vg_handle_t ep = proc_server();
	CHECK(ep);
	int32_t pid, st;
	/* Arguments not ending in a NUL, a path too long for the stub. */
	CHECK_EQ(proc_process_spawn(ep, "/bin/proc_child", "abc", 3, "", 0, -1, false, &pid),
		 PROC_PROC_ERROR_INVALID);
	CHECK_EQ(proc_process_spawn(ep, "/bin/proc_child", "a\0", 2, "", 0, -7, false, &pid),
		 PROC_PROC_ERROR_INVALID);
	CHECK_EQ(proc_process_spawn(ep, "/bin/proc_child", "a\0", 2, "", 0, 4321, false, &pid),
		 PROC_PROC_ERROR_DENIED);
	CHECK_EQ(proc_process_wait(ep, INT32_MIN, &pid, &st), PROC_PROC_ERROR_NO_CHILD);
	CHECK_EQ(proc_process_kill(ep, INT32_MIN, 9), PROC_PROC_ERROR_NO_PROCESS);
	CHECK_EQ(proc_process_kill(ep, 1, -1), PROC_PROC_ERROR_INVALID);
	CHECK_EQ(proc_process_setpgid(ep, -1, 0), PROC_PROC_ERROR_INVALID);
	/* Messages no stub would send: an unknown method, a wrong interface,
	 * a word missing. */
	struct msg m = { VG_IPC_TAG(PROC_PROCESS_ID << 16 | 999, 0, 0), { 0 } }, r;
	CHECK_EQ(call(ep, &m, &r), 0);
	CHECK_EQ((long)VG_IPC_TAG_LABEL(r.tag), (long)(uint32_t)ERR_NOT_SUPPORTED);
	m.tag = VG_IPC_TAG(77u << 16 | 1, 0, 0);
	CHECK_EQ(call(ep, &m, &r), 0);
	CHECK_EQ((long)VG_IPC_TAG_LABEL(r.tag), (long)(uint32_t)ERR_NOT_SUPPORTED);
	m.tag = VG_IPC_TAG(PROC_PROCESS_KILL_LABEL, 1, 0);
	CHECK_EQ(call(ep, &m, &r), 0);
	CHECK_EQ((long)VG_IPC_TAG_LABEL(r.tag), (long)(uint32_t)ERR_BAD_FORMAT);
	/* And it still serves. */
	int32_t p1, pp, pg, s;
	CHECK_EQ(proc_process_self(ep, &p1, &pp, &pg, &s), 0);
	CHECK_EQ(p1, 1);
}

UTEST(proc_fork_copies_memory_both_ways)
{
	CHECK(proc_server());
	CHECK_EQ(WEXITSTATUS(status_of(child("fork", NULL))), 0);
	CHECK_EQ(WEXITSTATUS(status_of(child("fork-exec", NULL))), 0);
}

UTEST(proc_fork_runs_atfork_handlers_in_order)
{
	CHECK(proc_server());
	CHECK_EQ(WEXITSTATUS(status_of(child("atfork", NULL))), 0);
}

UTEST(proc_fork_shares_a_socket_pair)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(WEXITSTATUS(status_of(child("fork-socket", NULL))), 0);
}

UTEST(proc_ps_figures)
{
	CHECK(proc_server());
	pid_t p = child("sleep", NULL);
	struct proc_info info = { 0 };
	char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	/* Wait until it has started up (mapped its stack, its heap). */
	for (int i = 0; i < 100 && info.memory < 16384; i++) {
		struct timespec ts = { 0, 2000000 };
		nanosleep(&ts, NULL);
		CHECK_EQ(lookup(p, &info, args), 0);
	}
	CHECK_EQ(info.threads, 1);
	CHECK(info.memory >= 16384);
	CHECK(info.cpu_ns > 0);
	CHECK(info.start_ns > 0 && info.start_ns <= (uint64_t)vg_clock_monotonic());
	CHECK_EQ(kill(p, SIGKILL_), 0);
	CHECK_EQ(WTERMSIG(status_of(p)), SIGKILL_);
}

/* A thousand processes spawned and reaped: the server's table and the
 * system's free memory come back to where they were. */
UTEST(proc_1000_spawns)
{
	CHECK(proc_server());
	int bad = 0;
	/* The smallest program (bin/proc_true): under emulation every new
	 * process's code is translated afresh, and a thousand of a bigger one
	 * take minutes on the slower architectures. */
	char *argv[] = { "proc_true", NULL };
	long before = 0;
	for (int i = 0; i < 1020; i++) {
		if (i == 20) /* after a warm-up: the allocators' caches */
			before = vg_memory_free();
		pid_t p;
		bad += posix_spawn(&p, "/bin/proc_true", NULL, NULL, argv, no_env) ||
			status_of(p) != 0;
	}
	CHECK_EQ(bad, 0);
	long free_after = vg_memory_free();
	vg_printf("proc_1000_spawns: free memory %ld KiB before, %ld KiB after\n", before / 1024,
		  free_after / 1024);
	CHECK(free_after >= before - 64 * 1024);
	/* The table holds only pid 1 and the server's other live entries:
	 * nothing of the thousand. */
	CHECK_EQ(forkrun_table_size(), 1);
}
