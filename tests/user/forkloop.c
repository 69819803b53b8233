// SPDX-License-Identifier: BSD-2-Clause
// A root task that hunts fork hangs (boot with "ktest init=bin/forkloop";
// tools/forkloop.py boots it again and again): it starts the process
// server and the file system, then runs the fork stress programs round
// after round for RUN_SECONDS of uptime, and exits 0: forkstorm, forkstress's
// three scenarios, and proc_child's fork tests (a single-threaded fork).
// Each round ends with one line: "forkloop: round N ok ..." with the free
// memory, the table's size and the last pid given, or "forkloop: FAIL ..."
// naming the run; then where memory went since round 2 (memacct.h: the
// kernel's free pages, heap, page tables and live objects, the pages none
// of the caches explain, each server's committed memory and page tables);
// every tenth round, the memory each run kept over the rounds since the
// second (a leak shows as one that keeps growing). A
// run still going after its bound is a hang: "forkloop: HANG ..." and then
// silence, with the hung processes left as they are, so that the kernel's
// watchdog (test boots) prints every thread's state a minute later.
#include <proc.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "forkrun.h"
#include "memacct.h"
#include "proc_server.h"
#include "vfs_up.h"

#define BOUND_MS 60000
#define KIB(b) ((long)((b) / 1024))
#define RUN_SECONDS 240

static char *const runs[][4] = {
	{ "forkstorm", "10", NULL },
	{ "forkstress", "threads", "8", NULL },
	{ "forkstress", "signals", "8", NULL },
	{ "forkstress", "exitrace", "4", NULL },
	{ "proc_child", "fork", NULL },
	{ "proc_child", "fork-exec", NULL },
};
#define NRUNS (sizeof(runs) / sizeof(runs[0]))

/* Where memory went since round 2 (base): a leak keeps growing in one of
 * the figures, a cache levels off; "unexplained" is a fall in free pages
 * that neither the kernel heap, the page tables nor the processes'
 * committed memory account for (memacct.h). */
static void print_counts(unsigned round, const struct memacct *m, const struct memacct *base,
			 const char *each)
{
	const struct vg_kernel_counts *k = &m->k, *b = &base->k;
	long gone, cached;
	memacct_diff(base, m, &gone, &cached);
	vg_printf("forkloop: kernel round %u: free pages %+ld (unexplained %+ld) heap %+ld B "
		  "(%ld in %ld+%ld pages) tables %+ld (%ld) objects%s\n",
		  round, -gone, gone - cached, (long)(k->heap_bytes - b->heap_bytes),
		  (long)k->heap_bytes, (long)k->heap_slab_pages, (long)k->heap_large_pages,
		  (long)(k->table_pages - b->table_pages), (long)k->table_pages,
		  memacct_same_objects(m, base) ? " as in round 2" : " CHANGED");
	vg_printf("forkloop: servers round %u: %+ld KiB committed (KiB/tables):%s\n", round,
		  KIB((long)(m->committed - base->committed)), each);
}

/* The pid the process server gave last (a child made to ask): the
 * server's pid-to-slot array fills in as pids climb. */
static int last_pid(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	int st;
	if (pid > 0)
		waitpid(pid, &st, 0);
	return pid;
}

int main(void)
{
	if (!proc_server() || vfs_up()) {
		vg_printf("forkloop: FAIL cannot start the servers\n");
		return 1;
	}
	long first_free = 0, drift[NRUNS] = { 0 };
	struct memacct base = { 0 };
	for (unsigned round = 1; vg_clock_monotonic() < RUN_SECONDS * 1000000000ll; round++) {
		for (unsigned r = 0; r < NRUNS; r++) {
			long before = vg_memory_free();
			int st = forkrun(runs[r], BOUND_MS, false);
			if (st == -1) {
				vg_printf("forkloop: HANG round %u: %s %s\n", round, runs[r][0],
					  runs[r][1]);
				for (;;)
					pause();
			}
			if (st)
				vg_printf("forkloop: FAIL round %u: %s %s %s: %d\n", round,
					  runs[r][0], runs[r][1], runs[r][2] ? runs[r][2] : "", st);
			int left = forkrun_reap_orphans(runs[r][0], 3000);
			if (left)
				vg_printf("forkloop: FAIL round %u: %s %s left %d\n", round,
					  runs[r][0], runs[r][1], left);
			if (round >= 2)
				drift[r] += vg_memory_free() - before;
		}
		long free_now = vg_memory_free();
		char each[256];
		struct memacct m;
		memacct_take(&m, each, sizeof(each));
		if (round == 2) {
			first_free = free_now;
			base = m;
		}
		vg_printf(
			"forkloop: round %u ok free %ld KiB (%ld since round 2) table %d pid %d\n",
			round, free_now / 1024, round >= 2 ? (free_now - first_free) / 1024 : 0,
			forkrun_table_size(), last_pid());
		if (round >= 2)
			print_counts(round, &m, &base, each);
		for (unsigned r = 0; r < NRUNS && round % 10 == 0; r++)
			vg_printf("forkloop: since round 2, %s %s: %ld KiB\n", runs[r][0],
				  runs[r][1], -drift[r] / 1024);
	}
	return 0;
}
