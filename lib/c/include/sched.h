// SPDX-License-Identifier: BSD-2-Clause
// <sched.h>: giving up the processor, and the scheduling policies: the
// kernel has one round-robin class, SCHED_OTHER at priority 0
// (lib/c/os/thread/sched.c).
#ifndef _SCHED_H
#define _SCHED_H

struct sched_param {
	int sched_priority;
};

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2

int sched_yield(void);
int sched_get_priority_min(int policy);
int sched_get_priority_max(int policy);

#endif
