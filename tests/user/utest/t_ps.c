// SPDX-License-Identifier: BSD-2-Clause
// ps and kill (app/ps, app/kill) in the system: ps's output, read through
// a pipe, lists the processes with their states as the process server
// reports them; kill stops, continues and ends processes and groups.
#include <errno.h>
#include <fcntl.h>
#include <proc.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../proc_server.h"
#include "../spawnout.h"
#include "../utest.h"
#include "../vfs_up.h"

int kill(pid_t pid, int sig);

static char *const no_env[] = { NULL };

/* Runs /bin/<name> with args (up to 4), its output into out: its exit
 * status, or -1 when it could not run (spawn_output). */
static int run_util(const char *name, char *out, size_t size, char *a1, char *a2, char *a3,
		    char *a4)
{
	char *argv[] = { (char *)name, a1, a2, a3, a4, NULL };
	char path[32];
	snprintf(path, sizeof(path), "/bin/%s", name);
	return spawn_output(path, argv, out, size);
}

#define run_ps(...) run_util("ps", __VA_ARGS__)

/* The line of out whose first field is pid, or NULL. */
static const char *line_of(const char *out, pid_t pid)
{
	for (const char *l = out; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
		int p;
		if (sscanf(l, "%d", &p) == 1 && p == pid)
			return l;
	}
	return NULL;
}

/* The fields after the pid on pid's line: ppid, state, threads, command. */
static bool fields(const char *out, pid_t pid, int *ppid, char *state, int *nlwp, char *comm)
{
	const char *l = line_of(out, pid);
	int p;
	return l && sscanf(l, "%d %d %c %d %31s", &p, ppid, state, nlwp, comm) == 5;
}

static pid_t start_child(char *what)
{
	char *argv[] = { "procx_child", what, "7", NULL };
	pid_t pid;
	return posix_spawn(&pid, "/bin/procx_child", NULL, NULL, argv, no_env) ? -1 : pid;
}

UTEST(ps_lists_processes_and_states)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	pid_t sleeper = start_child("sleep"), stopped = start_child("sleep");
	pid_t zombie = start_child("exit");
	CHECK(sleeper > 0 && stopped > 0 && zombie > 0);
	CHECK_EQ(kill(stopped, SIGSTOP), 0);
	int st;
	CHECK_EQ(waitpid(stopped, &st, WUNTRACED), stopped);
	CHECK_EQ(waitid(P_PID, (id_t)zombie, &(siginfo_t){ 0 }, WEXITED | WNOWAIT), 0);
	/* The sleeper asleep: give it time to get there. */
	static char out[8192];
	char state = 0, comm[32];
	int ppid = 0, nlwp = 0;
	for (int i = 0; i < 100 && state != 'S'; i++) {
		vg_thread_sleep_until(vg_clock_monotonic() + 2000000);
		CHECK_EQ(run_ps(out, sizeof(out), "-e", "-o", "pid,ppid,stat,nlwp,comm", NULL), 0);
		CHECK(fields(out, sleeper, &ppid, &state, &nlwp, comm));
	}
	CHECK_EQ(strncmp(out, "  PID  PPID STAT NLWP COMMAND\n", 30), 0);
	CHECK_EQ(state, 'S');
	CHECK_EQ(ppid, 1);
	CHECK_EQ(nlwp, 1);
	CHECK_EQ(strcmp(comm, "procx_child"), 0);
	CHECK(fields(out, stopped, &ppid, &state, &nlwp, comm));
	CHECK_EQ(state, 'T');
	CHECK(fields(out, zombie, &ppid, &state, &nlwp, comm));
	CHECK_EQ(state, 'Z');
	CHECK_EQ(nlwp, 0);
	CHECK(fields(out, 1, &ppid, &state, &nlwp, comm));
	CHECK_EQ(strcmp(comm, "init"), 0);
	/* ps itself, running while it reads the table. */
	const char *self = strstr(out, " ps\n");
	CHECK(self != NULL);
	while (self && self > out && self[-1] != '\n')
		self--;
	int ps_pid = 0;
	CHECK(self && sscanf(self, "%d", &ps_pid) == 1);
	CHECK(fields(out, ps_pid, &ppid, &state, &nlwp, comm));
	CHECK_EQ(state, 'R');
	CHECK_EQ(ppid, 1);
	/* -p and headerless columns with the arguments. */
	char pid_list[16], line[64];
	snprintf(pid_list, sizeof(pid_list), "%d", (int)sleeper);
	CHECK_EQ(run_ps(out, sizeof(out), "-p", pid_list, "-o", "pid=,args="), 0);
	snprintf(line, sizeof(line), "%5d procx_child sleep 7\n", (int)sleeper);
	CHECK_EQ(strcmp(out, line), 0);
	/* The default: PID TTY TIME CMD for the session; -f: UID and more. */
	CHECK_EQ(run_ps(out, sizeof(out), NULL, NULL, NULL, NULL), 0);
	CHECK_EQ(strncmp(out, "  PID TTY          TIME CMD\n", 28), 0);
	CHECK(line_of(out, stopped) != NULL);
	CHECK_EQ(run_ps(out, sizeof(out), "-f", "-p", pid_list, NULL), 0);
	CHECK_EQ(strncmp(out, "UID        PID  PPID  C STIME TTY          TIME CMD\nroot", 56), 0);
	CHECK(strstr(out, "procx_child sleep 7\n") != NULL);
	/* The nice (setpriority, which root may do to anyone) as NI and
	 * PRI; nice(1) passes its increment on to what it runs. */
	CHECK_EQ(setpriority(PRIO_PROCESS, (id_t)sleeper, 5), 0);
	CHECK_EQ(run_ps(out, sizeof(out), "-p", pid_list, "-o", "pid=,ni=,pri="), 0);
	snprintf(line, sizeof(line), "%5d   5  25\n", (int)sleeper);
	CHECK_EQ(strcmp(out, line), 0);
	CHECK_EQ(run_ps(out, sizeof(out), "-l", "-p", pid_list, NULL), 0);
	CHECK_EQ(strncmp(out, "S   UID   PID  PPID  C PRI  NI    SZ TTY          TIME CMD\n", 59),
		 0);
	CHECK_EQ(run_util("nice", out, sizeof(out), "-n", "7", "/bin/nicechild", NULL), 27);
	CHECK_EQ(run_util("nice", out, sizeof(out), "/bin/nicechild", NULL, NULL, NULL), 30);
	/* renice of a sibling, which a root one may change (Linux's rule on
	 * user ids; t_sched.c has the refusals): -n is an increment. */
	CHECK_EQ(run_util("renice", out, sizeof(out), "-n", "2", pid_list, NULL), 0);
	CHECK_EQ(getpriority(PRIO_PROCESS, (id_t)sleeper), 7);
	/* Nothing selected: status 1; bad options and columns. */
	CHECK_EQ(run_ps(out, sizeof(out), "-p", "32000", NULL, NULL), 1);
	CHECK_EQ(run_ps(out, sizeof(out), "-x", NULL, NULL, NULL), 2);
	CHECK_EQ(run_ps(out, sizeof(out), "-o", "pid,bogus", NULL, NULL), 1);
	CHECK_EQ(kill(sleeper, SIGKILL), 0);
	CHECK_EQ(kill(stopped, SIGKILL), 0);
	CHECK_EQ(waitpid(sleeper, &st, 0), sleeper);
	CHECK_EQ(waitpid(stopped, &st, 0), stopped);
	CHECK_EQ(waitpid(zombie, &st, 0), zombie);
	CHECK_EQ(WEXITSTATUS(st), 7);
}

/* The process server's entry of pid. */
static bool entry_of(pid_t pid, struct proc_info *info)
{
	static char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	return proc_process_next(proc_server(), pid - 1, info, args) == 0 && info->pid == pid;
}

#define GROW_MIB 8

/* RSS, VSZ and SZ: a child that maps and writes 8 MiB has that much more
 * memory in use (RSS) and at least that much more address space (VSZ)
 * in the server's table, and ps shows those figures, in KiB (-o rss,vsz)
 * and in pages (-l's SZ). */
UTEST(ps_memory_columns_follow_the_memory)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	int to[2], from[2];
	CHECK_EQ(pipe(to), 0);
	CHECK_EQ(pipe(from), 0);
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, to[0], 0);
	posix_spawn_file_actions_adddup2(&fa, from[1], 1);
	posix_spawn_file_actions_addclose(&fa, to[1]);
	posix_spawn_file_actions_addclose(&fa, from[0]);
	char *argv[] = { "procx_child", "grow", "8", NULL };
	pid_t pid = -1;
	CHECK_EQ(posix_spawn(&pid, "/bin/procx_child", &fa, NULL, argv, no_env), 0);
	posix_spawn_file_actions_destroy(&fa);
	close(to[0]);
	close(from[1]);
	char c = 0;
	struct proc_info before, after;
	CHECK(read(from[0], &c, 1) == 1 && c == 'r');
	CHECK(entry_of(pid, &before));
	CHECK(write(to[1], "g", 1) == 1);
	CHECK(read(from[0], &c, 1) == 1 && c == 'g');
	CHECK(entry_of(pid, &after));
	/* Grown by the 8 MiB, give or take the few pages of stack and
	 * library the child used between the two questions. */
	const uint64_t mib = 1 << 20, slack = 256 << 10;
	uint64_t rss_grown = after.memory - before.memory, vsz_grown = after.mapped - before.mapped;
	printf("  ps: rss %llu -> %llu KiB, vsz %llu -> %llu KiB\n",
	       (unsigned long long)before.memory / 1024, (unsigned long long)after.memory / 1024,
	       (unsigned long long)before.mapped / 1024, (unsigned long long)after.mapped / 1024);
	CHECK(after.memory > before.memory && rss_grown >= GROW_MIB * mib &&
	      rss_grown <= GROW_MIB * mib + slack);
	CHECK(after.mapped > before.mapped && vsz_grown >= GROW_MIB * mib &&
	      vsz_grown <= GROW_MIB * mib + slack);
	CHECK(after.memory <= after.mapped);
	/* ps's columns: the same figures (the child waits in read: they do
	 * not move). */
	static char out[1024];
	char pid_list[16];
	snprintf(pid_list, sizeof(pid_list), "%d", (int)pid);
	CHECK_EQ(run_ps(out, sizeof(out), "-p", pid_list, "-o", "pid=,rss=,vsz="), 0);
	unsigned long long rss = 0, vsz = 0, sz = 0;
	int p = 0;
	CHECK(sscanf(out, "%d %llu %llu", &p, &rss, &vsz) == 3 && p == pid);
	CHECK_EQ(rss, after.memory / 1024);
	CHECK_EQ(vsz, after.mapped / 1024);
	CHECK_EQ(run_ps(out, sizeof(out), "-l", "-p", pid_list, NULL), 0);
	const char *row = strchr(out, '\n');
	char state = 0;
	unsigned uid = 0;
	int ppid = 0, cpu = 0, pri = 0, ni = 0;
	CHECK(row &&
	      sscanf(row + 1, " %c %u %d %d %d %d %d %llu", &state, &uid, &p, &ppid, &cpu, &pri,
		     &ni, &sz) == 8 &&
	      p == pid);
	CHECK_EQ(sz, after.mapped / (uint64_t)sysconf(_SC_PAGESIZE));
	close(to[1]); /* its end */
	int st = 0;
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	close(from[0]);
}

/* kill -l, and kill's errors. (pid 1 is nobody's to signal.) */
UTEST(kill_utility_names_signals)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0);
	static char out[1024];
	CHECK_EQ(run_util("kill", out, sizeof(out), "-l", NULL, NULL, NULL), 0);
	CHECK_EQ(strncmp(out, "HUP INT QUIT ILL", 16), 0);
	CHECK_EQ(run_util("kill", out, sizeof(out), "-l", "137", "CHLD", NULL), 0);
	CHECK_EQ(strcmp(out, "KILL\n17\n"), 0);
	char *argv[] = { "procx_child", "sleep", NULL };
	pid_t p;
	CHECK_EQ(posix_spawn(&p, "/bin/procx_child", NULL, NULL, argv, no_env), 0);
	char pid_s[16];
	snprintf(pid_s, sizeof(pid_s), "%d", (int)p);
	CHECK_EQ(run_util("kill", out, sizeof(out), "-s", "NOPE", pid_s, NULL), 1);
	CHECK_EQ(run_util("kill", out, sizeof(out), "-s", "STOP", "1", NULL), 1); /* EPERM */
	/* A sibling of the same user (root): allowed. */
	CHECK_EQ(run_util("kill", out, sizeof(out), "-s", "CONT", pid_s, NULL), 0);
	CHECK_EQ(run_util("kill", out, sizeof(out), "-0", "32000", NULL, NULL), 1); /* ESRCH */
	CHECK_EQ(kill(p, SIGKILL), 0);
	int st;
	CHECK_EQ(waitpid(p, &st, 0), p);
	CHECK_EQ(WTERMSIG(st), SIGKILL);
}
