/* SPDX-License-Identifier: BSD-2-Clause */
/* Running a fork stress program (forkstress, forkstorm) from pid 1 with a
 * bound, and reaping what its processes left to pid 1 (forkrun.c): for
 * the in-OS tests (utest/t_forkstress.c) and the stress loop (forkloop.c). */
#ifndef FORKRUN_H
#define FORKRUN_H

#include <stdbool.h>

/* Runs /bin/<argv[0]> with argv in a process group of its own: its exit
 * status (1000 + the wait status when a signal ended it), or -1 when it
 * was still running after timeout_ms; then it is killed if kill_hung, and
 * otherwise left as it is (for the watchdog's dump of its threads). -2:
 * it could not be started. */
int forkrun(char *const argv[], long timeout_ms, bool kill_hung);

/* Reaps the processes named prefix... that came to pid 1 when their parent
 * ended; how many are still there after timeout_ms (each ends at once:
 * one left is an entry that never ran). */
int forkrun_reap_orphans(const char *prefix, long timeout_ms);

/* The entries in the process server's table. */
int forkrun_table_size(void);

#endif
