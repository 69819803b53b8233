// SPDX-License-Identifier: BSD-2-Clause
// A program the process server's tests (tests/user/utest/t_proc.c) start
// with posix_spawn. argv[1] says what to do; the exit code says how it
// went (0: every check passed, else the number of the first that failed).
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vg/vg.h>

int kill(pid_t pid, int sig);

/* Spawns this program with argv[1..]: the pid, or -1. */
static pid_t again(const posix_spawn_file_actions_t *fa, char *a1, char *a2)
{
	char *argv[] = { "proc_child", a1, a2, NULL };
	pid_t pid;
	return posix_spawn(&pid, "/bin/proc_child", fa, NULL, argv, environ) ? -1 : pid;
}

static int check_args(int argc, char **argv, char **envp)
{
	if (argc != 4 || strcmp(argv[2], "two words") || strcmp(argv[3], ""))
		return 1;
	if (envp != environ || !getenv("FOO") || strcmp(getenv("FOO"), "bar=baz"))
		return 2;
	if (getenv("FO") || getenv("FOO=bar") || !getenv("EMPTY") || *getenv("EMPTY"))
		return 3;
	if (setenv("FOO", "new", 0) || strcmp(getenv("FOO"), "bar=baz"))
		return 4;
	if (setenv("FOO", "new", 1) || strcmp(getenv("FOO"), "new"))
		return 5;
	if (setenv("ADDED", "1", 0) || strcmp(getenv("ADDED"), "1"))
		return 6;
	if (setenv("A=B", "1", 1) != -1 || errno != EINVAL || setenv("", "1", 1) != -1)
		return 7;
	static char mine[] = "MINE=x";
	if (putenv(mine) || strcmp(getenv("MINE"), "x"))
		return 8;
	mine[5] = 'y'; /* putenv's string is the environment's entry */
	if (strcmp(getenv("MINE"), "y"))
		return 9;
	if (unsetenv("FOO") || getenv("FOO") || unsetenv("NOT_THERE") || !getenv("ADDED"))
		return 10;
	if (getppid() != atoi(getenv("PARENT")) || getpid() <= 1)
		return 11;
	return 0;
}

/* Spawns n children exiting with 10, 11, ...; each must end so. */
static int tree(int n)
{
	pid_t pids[8];
	char code[8][4];
	for (int i = 0; i < n; i++) {
		code[i][0] = '1', code[i][1] = (char)('0' + i), code[i][2] = 0;
		if ((pids[i] = again(NULL, "exit", code[i])) < 0)
			return 1;
	}
	for (int found = 0; found < n; found++) {
		int st;
		pid_t p = wait(&st);
		int i = 0;
		while (i < n && pids[i] != p)
			i++;
		if (i == n || !WIFEXITED(st) || WEXITSTATUS(st) != 10 + i)
			return 2;
		pids[i] = 0;
	}
	return wait(NULL) == -1 && errno == ECHILD ? 0 : 3;
}

static volatile int global = 1;

static void pause_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000 * 1000 };
	nanosleep(&ts, NULL);
}

/* pthread_atfork: prepare handlers in reverse order before the fork,
 * parent and child handlers in order after it, each in its process. */
static char order[8];
static int norder;
static void note(char c)
{
	if (norder < (int)sizeof(order) - 1)
		order[norder++] = c;
}
static void prepare1(void)
{
	note('a');
}
static void prepare2(void)
{
	note('b');
}
static void parent1(void)
{
	note('1');
}
static void parent2(void)
{
	note('2');
}
static void child1(void)
{
	note('x');
}
static void child2(void)
{
	note('y');
}

static int check_atfork(void)
{
	if (pthread_atfork(prepare1, parent1, child1) ||
	    pthread_atfork(prepare2, parent2, child2) || pthread_atfork(NULL, NULL, NULL))
		return 1;
	pid_t pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0)
		_exit(strcmp(order, "baxy") ? 20 : 0);
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 3;
	if (WEXITSTATUS(st))
		return WEXITSTATUS(st);
	return strcmp(order, "ba12") ? 4 : 0;
}

/* A socket pair across fork: the child talks over its copy of one end. */
static int check_fork_socket(void)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return 1;
	pid_t pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		char c;
		close(sv[0]);
		if (write(sv[1], "hi", 2) != 2 || read(sv[1], &c, 1) != 1)
			_exit(21);
		_exit(c == '!' ? 0 : 22);
	}
	close(sv[1]);
	char buf[2];
	if (read(sv[0], buf, 1) != 1 || read(sv[0], buf + 1, 1) != 1 || memcmp(buf, "hi", 2))
		return 3;
	if (write(sv[0], "!", 1) != 1)
		return 4;
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 5;
	if (WEXITSTATUS(st))
		return WEXITSTATUS(st);
	return read(sv[0], buf, 1) == 0 ? 0 : 6; /* its end went with it */
}

/* fork: each side's writes after the fork are invisible to the other
 * (globals, heap, stack); the child has its own pid and its parent's as
 * ppid, and can use the server (spawn, wait) itself. */
static int check_fork(void)
{
	volatile int local = 1;
	char *heap = malloc(64);
	strcpy(heap, "before");
	pid_t me = getpid();
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		if (global != 1 || local != 1 || strcmp(heap, "before"))
			_exit(10);
		global = 2, local = 2;
		strcpy(heap, "child");
		if (getppid() != me || getpid() == me || getpid() <= 1)
			_exit(11);
		pause_ms(20); /* the parent writes meanwhile */
		if (global != 2 || local != 2 || strcmp(heap, "child"))
			_exit(12);
		pid_t g = again(NULL, "exit", "5");
		int st;
		if (g < 0 || waitpid(g, &st, 0) != g || WEXITSTATUS(st) != 5)
			_exit(13);
		char *more = malloc(100000); /* the allocator works */
		if (!more)
			_exit(14);
		more[99999] = 1;
		free(more);
		_exit(42);
	}
	global = 3, local = 3;
	strcpy(heap, "parent");
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 2;
	if (WEXITSTATUS(st) != 42)
		return WEXITSTATUS(st); /* the child's failed check */
	if (global != 3 || local != 3 || strcmp(heap, "parent"))
		return 3;
	free(heap);
	return 0;
}

/* fork, then exec in the child: the pid stays, the new program's exit
 * status is what the parent reaps. */
static int check_fork_exec(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "proc_child", "report-pid", NULL };
		execv("/bin/proc_child", argv);
		_exit(99);
	}
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 1;
	/* report-pid exits with its pid's low byte: 129-192 included, exit
	 * codes as any other (abi/verdigris/exit.h). */
	if (WEXITSTATUS(st) != (pid & 0xff))
		return 2;
	char *bad[] = { "x", NULL };
	if (execv("/bin/no-such-program", bad) != -1 || errno != ENOENT)
		return 3;
	if (execvp("no-such-program", bad) != -1 || errno != ENOENT)
		return 4;
	return 0;
}

/* A file written by a forked child through the descriptor it inherited:
 * both see one open file (its position moves for both). */
static int check_fork_fd(void)
{
	int fd = open("/tmp/proc-forkfd", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "ab", 2) != 2)
		return 1;
	pid_t pid = fork();
	if (pid == 0)
		_exit(write(fd, "cd", 2) == 2 && lseek(fd, 0, SEEK_CUR) == 4 ? 0 : 1);
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
		return 2;
	char got[8] = { 0 };
	if (lseek(fd, 0, SEEK_CUR) != 4 || pread(fd, got, sizeof(got), 0) != 4 ||
	    strcmp(got, "abcd"))
		return 3;
	close(fd);
	return unlink("/tmp/proc-forkfd") ? 4 : 0;
}

static void on_term(int sig)
{
	_exit(sig == 15 ? 42 : 43);
}

int main(int argc, char **argv, char **envp)
{
	const char *what = argc > 1 ? argv[1] : "";
	if (!strcmp(what, "exit"))
		return atoi(argv[2]);
	if (!strcmp(what, "args"))
		return check_args(argc, argv, envp);
	if (!strcmp(what, "sleep")) {
		struct timespec ts = { 30, 0 };
		nanosleep(&ts, NULL);
		return 99;
	}
	if (!strcmp(what, "tree"))
		return tree(atoi(argv[2]));
	if (!strcmp(what, "orphan")) /* leaves a child that outlives it */
		return again(NULL, "linger", NULL) > 0 ? 0 : 1;
	if (!strcmp(what, "linger")) {
		struct timespec ts = { 0, 50 * 1000 * 1000 };
		nanosleep(&ts, NULL);
		return 7;
	}
	if (!strcmp(what, "kill-self"))
		return kill(getpid(), 15) ? 1 : 2; /* never returns on success */
	if (!strcmp(what, "crash")) {
		int *volatile nowhere = NULL;
		*nowhere = 1;
	}
	if (!strcmp(what, "setsid")) {
		pid_t me = getpid();
		if (getsid(0) == me || setsid() != me || getsid(0) != me || getpgrp() != me)
			return 1;
		return setsid() == -1 && errno == EPERM ? 0 : 2; /* now a group leader */
	}
	if (!strcmp(what, "fork-fd"))
		return check_fork_fd();
	if (!strcmp(what, "handle-term")) { /* SIGTERM's handler exits with 42 */
		signal(15, on_term);
		struct timespec ts = { 30, 0 };
		nanosleep(&ts, NULL);
		return 99;
	}
	if (!strcmp(what, "write-fd")) /* "passed" into the file at fd argv[2] */
		return write(atoi(argv[2]), "passed", 6) == 6 ? 0 : 1;
	if (!strcmp(what, "pass-fd")) { /* fd 5 goes to a grandchild as fd 9 */
		posix_spawn_file_actions_t fa;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_addclose(&fa, 5);
		posix_spawn_file_actions_adddup2(&fa, 5, 9);
		pid_t p = again(&fa, "write-fd", "9");
		if (p != -1) /* 5 was closed before the dup2: EBADF */
			return 1;
		posix_spawn_file_actions_destroy(&fa);
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_adddup2(&fa, 5, 9);
		posix_spawn_file_actions_addclose(&fa, 5);
		p = again(&fa, "write-fd", "9");
		posix_spawn_file_actions_destroy(&fa);
		int st;
		if (p < 0 || waitpid(p, &st, 0) != p || !WIFEXITED(st))
			return 2;
		return WEXITSTATUS(st) ? 3 : 0;
	}
	if (!strcmp(what, "fork"))
		return check_fork();
	if (!strcmp(what, "fork-exec"))
		return check_fork_exec();
	if (!strcmp(what, "atfork"))
		return check_atfork();
	if (!strcmp(what, "fork-socket"))
		return check_fork_socket();
	if (!strcmp(what, "report-pid"))
		return getpid() & 0xff;
	if (!strcmp(what, "kill-parent")) /* pid 1: out of reach */
		return kill(getppid(), 9) == -1 && errno == EPERM ? 0 : 1;
	return 100;
}
