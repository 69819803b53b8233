// SPDX-License-Identifier: BSD-2-Clause
// <sched.h>: giving up the processor, and the scheduling policies:
// time-shared SCHED_OTHER, real-time SCHED_FIFO and SCHED_RR above it
// (lib/c/os/thread/sched.c). CPU affinity is a hint: the sets are checked
// (only CPUs that exist, not empty), stored per thread and reported back.
#ifndef _SCHED_H
#define _SCHED_H

#include <sys/types.h>

struct sched_param {
	int sched_priority;
};

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2

#define CPU_SETSIZE 1024
typedef struct {
	unsigned long __bits[CPU_SETSIZE / (8 * sizeof(unsigned long))];
} cpu_set_t;
#define __CPU_WORD(cpu) ((cpu) / (8 * sizeof(unsigned long)))
#define __CPU_BIT(cpu) (1ul << ((cpu) % (8 * sizeof(unsigned long))))
#define CPU_ZERO(set) __builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set)                      \
	((void)((size_t)(cpu) < CPU_SETSIZE && \
		((set)->__bits[__CPU_WORD((size_t)(cpu))] |= __CPU_BIT((size_t)(cpu)))))
#define CPU_CLR(cpu, set)                      \
	((void)((size_t)(cpu) < CPU_SETSIZE && \
		((set)->__bits[__CPU_WORD((size_t)(cpu))] &= ~__CPU_BIT((size_t)(cpu)))))
#define CPU_ISSET(cpu, set)             \
	((size_t)(cpu) < CPU_SETSIZE && \
	 ((set)->__bits[__CPU_WORD((size_t)(cpu))] & __CPU_BIT((size_t)(cpu))) != 0)
int __sched_cpucount(size_t size, const cpu_set_t *set);
#define CPU_COUNT(set) __sched_cpucount(sizeof(cpu_set_t), (set))

/* pid 0 (or ours): the calling thread. EINVAL for an empty set or one
 * naming a CPU that does not exist; ESRCH for another process. */
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);

int sched_yield(void);
/* SCHED_OTHER: 0 to 0; SCHED_FIFO, SCHED_RR: 1 to 32. */
int sched_get_priority_min(int policy);
int sched_get_priority_max(int policy);
/* pid 0 (or ours): the calling thread, as Linux; EPERM for another
 * process that exists, ESRCH else. Real-time policies need the root
 * resource (EPERM). */
int sched_setscheduler(pid_t pid, int policy, const struct sched_param *p);
int sched_getscheduler(pid_t pid);
int sched_setparam(pid_t pid, const struct sched_param *p);
int sched_getparam(pid_t pid, struct sched_param *p);

#endif
