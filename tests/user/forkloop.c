// SPDX-License-Identifier: BSD-2-Clause
// A root task that hunts fork hangs (boot with "ktest init=bin/forkloop";
// tools/forkloop.py boots it again and again): it starts the process
// server and the file system, then runs the fork stress programs round
// after round for RUN_SECONDS of uptime, and exits 0: forkstorm, forkstress's
// three scenarios, and proc_child's fork tests (a single-threaded fork).
// Each round ends with one line: "forkloop: round N ok ..." with the free
// memory and the table's size, or "forkloop: FAIL ..." naming the run;
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
#include "proc_server.h"
#include "vfs_up.h"

#define BOUND_MS 60000
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

int main(void)
{
	if (!proc_server() || vfs_up()) {
		vg_printf("forkloop: FAIL cannot start the servers\n");
		return 1;
	}
	long first_free = 0, drift[NRUNS] = { 0 };
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
		if (round == 2)
			first_free = free_now;
		vg_printf("forkloop: round %u ok free %ld KiB (%ld since round 2) table %d\n",
			  round, free_now / 1024, round >= 2 ? (free_now - first_free) / 1024 : 0,
			  forkrun_table_size());
		for (unsigned r = 0; r < NRUNS && round % 10 == 0; r++)
			vg_printf("forkloop: since round 2, %s %s: %ld KiB\n", runs[r][0],
				  runs[r][1], -drift[r] / 1024);
	}
	return 0;
}
