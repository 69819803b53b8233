// SPDX-License-Identifier: BSD-2-Clause
// fork under stress, bounded (tests/user/forkstress.c): many forks of a
// multithreaded parent whose other threads are blocked in a condition
// variable, an IPC call a server holds and a pipe read, or churn memory
// and threads, two threads forking at once; and processes that exit while
// their other thread forks. Each run must end (a hang is killed and
// fails) with status 0, and leave nothing in the process table: no entry
// of a fork the exit cut short. And forkstorm: four threads forking at
// once while others make IPC calls through their buffers, use a pipe and
// fault in copy-on-write, shared and fresh memory, children growing trees,
// spawning, killed, forked with a signal pending: every status checked,
// no child left, the table and free memory back where they were.
#include <errno.h>
#include <proc.h>
#include <sys/wait.h>

#include "../forkrun.h"
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"

/* forkstress with its arguments: its exit status, or -1 if it hung. */
static int run(const char *scenario, const char *rounds, long timeout_ms)
{
	char *argv[] = { "forkstress", (char *)scenario, (char *)rounds, NULL };
	return forkrun(argv, timeout_ms, true);
}

static int reap_orphans(long timeout_ms)
{
	return forkrun_reap_orphans("forkstress", timeout_ms);
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

UTEST(fork_storm_from_four_threads)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0); /* pipes, /bin/proc_true */
	char *warm[] = { "forkstorm", "2", NULL }, *argv[] = { "forkstorm", "10", NULL };
	/* A first run warms the servers' and allocators' caches. */
	CHECK_EQ(forkrun(warm, 120000, true), 0);
	CHECK_EQ(forkrun_reap_orphans("forkstorm", 3000), 0);
	int entries = forkrun_table_size();
	long before = vg_memory_free();
	CHECK_EQ(forkrun(argv, 120000, true), 0);
	CHECK_EQ(forkrun_reap_orphans("forkstorm", 3000), 0);
	CHECK_EQ(forkrun_table_size(), entries);
	int st;
	CHECK_EQ(waitpid(-1, &st, WNOHANG), -1);
	CHECK_EQ(errno, ECHILD);
	long after = vg_memory_free();
	vg_printf("fork_storm: free memory %ld KiB before, %ld KiB after\n", before / 1024,
		  after / 1024);
	CHECK(after >= before - 64 * 1024);
}
