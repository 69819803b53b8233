// SPDX-License-Identifier: BSD-2-Clause
// The process benchmarks (make bench): the root task starts the process
// server and bin/proc_bench (tests/user/proc_bench.c), a small program as
// the Linux peer's bench is, since fork's cost grows with the memory of
// the process that forks; proc_bench prints the BENCH lines. Then the
// Linux peer's own benchmark, ../shared/peer/bench/bench.c built unchanged
// with the SDK, when tools/bench.py put it in the image as bin/peer_bench
// (with the peer's static true as bin/true_static): it prints its RESULT
// lines, the same program's figures as Linux's; then tests/peer/fsbench.c
// (stat of a cached path, readdir of 1000 entries), built the same way as
// bin/fsbench. Their standard output goes
// to a file, copied to the log when it is done: with descriptors 1 and 2
// not open, its first pipe() would take them and swallow its own lines;
// a file costs nothing while the benchmark runs (a reader relaying a pipe
// would run beside it and be counted in its time).
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "proc_server.h"

#define PEER_BENCH "/bin/peer_bench"
#define FS_BENCH "/bin/fsbench"
#define PEER_OUT "/tmp/peer_bench.out"

/* Runs path with argv (with the actions fa, if any), waits; the exit
 * status, or -1. */
static int run(const char *path, char **argv, const posix_spawn_file_actions_t *fa)
{
	char *envp[] = { NULL };
	pid_t pid;
	int st = -1;
	if (posix_spawn(&pid, path, fa, NULL, argv, envp) || waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

/* A benchmark built with the SDK (path, argv) with /dev/null as its input
 * and its output in PEER_OUT (opened here: the library's spawn does not
 * open files yet); then that file, line by line, to the log. The child
 * gets descriptors 0, 1 and 2 only, as on Linux: another one would be
 * cloned by each of its forks and given by each exec, and counted in its
 * figures. */
static void run_logged(const char *path, char **argv)
{
	int in = open("/dev/null", O_RDONLY);
	int out = open(PEER_OUT, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int st = -1;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	if (in >= 0 && out >= 0 && !posix_spawn_file_actions_adddup2(&fa, in, 0) &&
	    !posix_spawn_file_actions_adddup2(&fa, out, 1) &&
	    !posix_spawn_file_actions_adddup2(&fa, out, 2) &&
	    (in <= 2 || !posix_spawn_file_actions_addclose(&fa, in)) &&
	    (out <= 2 || !posix_spawn_file_actions_addclose(&fa, out)))
		st = run(path, argv, &fa);
	posix_spawn_file_actions_destroy(&fa);
	close(in);
	close(out);
	FILE *f = fopen(PEER_OUT, "r");
	char line[256];
	while (f && fgets(line, sizeof line, f))
		vg_printf("%s", line);
	if (f)
		fclose(f);
	unlink(PEER_OUT);
	if (st != 0)
		vg_printf("bench: %s failed (status %d)\n", path, st);
}

void run_proc_benchmarks(void)
{
	char *argv[] = { "proc_bench", NULL };
	int st = proc_server() ? run("/bin/proc_bench", argv, NULL) : -1;
	if (st != 0)
		vg_printf("bench: the process benchmarks failed (status %d)\n", st);
	/* -s 20: a fifth of bench.c's samples (21 or 11), which under
	 * -icount give the same medians, so that the run fits its timeout. */
	char *peer_argv[] = {
		"peer_bench", "-t", "/tmp", "-x", "/bin/true_static", "-s", "20", NULL
	};
	char *fs_argv[] = { "fsbench", "-t", "/tmp", NULL };
	if (st >= 0 && access(PEER_BENCH, X_OK) == 0)
		run_logged(PEER_BENCH, peer_argv);
	if (st >= 0 && access(FS_BENCH, X_OK) == 0)
		run_logged(FS_BENCH, fs_argv);
}
