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
#include <time.h>

#include "../forkrun.h"
#include "../memacct.h"
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

/* The kernel's live objects are back to before's: each process's last
 * thread may still be leaving as its waiter returns, so a bounded wait. */
static bool objects_back(const struct memacct *before, struct memacct *after)
{
	for (int i = 0; i < 200; i++) {
		memacct_take(after, NULL, 0);
		if (memacct_same_objects(before, after))
			return true;
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
	}
	for (int t = 0; t < VG_KERNEL_COUNTS_TYPES; t++)
		if (before->k.objects[t] != after->k.objects[t])
			vg_printf("KTEST-DETAIL objects of type %d: %lu before, %lu after\n", t,
				  (unsigned long)before->k.objects[t],
				  (unsigned long)after->k.objects[t]);
	return false;
}

UTEST(fork_storm_from_four_threads)
{
	CHECK(proc_server());
	CHECK_EQ(vfs_up(), 0); /* pipes, /bin/proc_true */
	char *warm[] = { "forkstorm", "5", NULL }, *argv[] = { "forkstorm", "10", NULL };
	/* A first run warms the servers' and allocators' caches: five forks
	 * per thread make a child of every kind, one of which spawns
	 * /bin/proc_true, whose prepared pages the process server then keeps
	 * (srv/proc/image.c: a VMO, 3 pages, that nothing maps). */
	CHECK_EQ(forkrun(warm, 120000, true), 0);
	CHECK_EQ(forkrun_reap_orphans("forkstorm", 3000), 0);
	int entries = forkrun_table_size();
	struct memacct before, after;
	char each[256];
	memacct_take(&before, each, sizeof(each));
	vg_printf("fork_storm: before (KiB/tables):%s\n", each);
	CHECK_EQ(forkrun(argv, 120000, true), 0);
	CHECK_EQ(forkrun_reap_orphans("forkstorm", 3000), 0);
	CHECK_EQ(forkrun_table_size(), entries);
	int st;
	CHECK_EQ(waitpid(-1, &st, WNOHANG), -1);
	CHECK_EQ(errno, ECHILD);
	/* Nothing the storm made is left: no process, thread, memory object,
	 * endpoint, port, ... */
	CHECK(objects_back(&before, &after));
	/* Free memory may still fall, but only into caches that level off
	 * (docs/ARCHITECTURE.md section 14, memory accounting): the kernel
	 * heap's slabs, page tables the servers keep for address space they
	 * used once, the servers' memory (the process server's table slots,
	 * heaps) as the storm reaches new highs. Every other page must be
	 * back: a page the storm's processes leave behind (a copy-on-write
	 * share never released, a pinned copy) is in none of these. */
	long gone, cached;
	memacct_take(&after, each, sizeof(each));
	vg_printf("fork_storm: after (KiB/tables):%s\n", each);
	memacct_diff(&before, &after, &gone, &cached);
	vg_printf("fork_storm: %ld KiB fewer free, %ld KiB of it in caches (heap %+ld pages, "
		  "tables %+ld, servers %+ld KiB)\n",
		  gone * 4, cached * 4,
		  (long)(after.k.heap_slab_pages + after.k.heap_large_pages -
			 before.k.heap_slab_pages - before.k.heap_large_pages),
		  (long)(after.k.table_pages - before.k.table_pages),
		  ((long)after.committed - (long)before.committed) / 1024);
	CHECK_EQ(gone, cached);
}
