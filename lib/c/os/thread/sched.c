// SPDX-License-Identifier: BSD-2-Clause
// Scheduling policies and priorities. The kernel schedules every thread in
// one round-robin class, which is POSIX's SCHED_OTHER at priority 0: that
// is what every thread has and all that can be asked for. The real-time
// policies are known but not offered (ENOTSUP), so a program that needs
// them finds out instead of running without them.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "../internal/thread.h"

/* 0 for SCHED_OTHER, ENOTSUP for the real-time policies, EINVAL else. */
static int policy_error(int policy)
{
	if (policy == SCHED_OTHER)
		return 0;
	return policy == SCHED_FIFO || policy == SCHED_RR ? ENOTSUP : EINVAL;
}

static int param_error(const struct sched_param *p)
{
	return p->sched_priority == 0 ? 0 : EINVAL;
}

int sched_get_priority_min(int policy)
{
	if (policy_error(policy)) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

int sched_get_priority_max(int policy)
{
	return sched_get_priority_min(policy);
}

int pthread_attr_setschedpolicy(pthread_attr_t *a, int policy)
{
	(void)a;
	return policy_error(policy);
}

int pthread_attr_getschedpolicy(const pthread_attr_t *restrict a, int *restrict policy)
{
	(void)a;
	*policy = SCHED_OTHER;
	return 0;
}

int pthread_attr_setschedparam(pthread_attr_t *restrict a, const struct sched_param *restrict p)
{
	(void)a;
	return param_error(p);
}

int pthread_attr_getschedparam(const pthread_attr_t *restrict a, struct sched_param *restrict p)
{
	(void)a;
	p->sched_priority = 0;
	return 0;
}

int pthread_attr_setinheritsched(pthread_attr_t *a, int inherit)
{
	if (inherit != PTHREAD_INHERIT_SCHED && inherit != PTHREAD_EXPLICIT_SCHED)
		return EINVAL;
	a->inheritsched = inherit;
	return 0;
}

int pthread_attr_getinheritsched(const pthread_attr_t *restrict a, int *restrict inherit)
{
	*inherit = a->inheritsched;
	return 0;
}

int pthread_attr_setscope(pthread_attr_t *a, int scope)
{
	(void)a;
	if (scope == PTHREAD_SCOPE_SYSTEM)
		return 0;
	return scope == PTHREAD_SCOPE_PROCESS ? ENOTSUP : EINVAL;
}

int pthread_attr_getscope(const pthread_attr_t *restrict a, int *restrict scope)
{
	(void)a;
	*scope = PTHREAD_SCOPE_SYSTEM;
	return 0;
}

int pthread_setschedparam(pthread_t t, int policy, const struct sched_param *p)
{
	(void)t;
	int e = policy_error(policy);
	return e ? e : param_error(p);
}

int pthread_getschedparam(pthread_t t, int *restrict policy, struct sched_param *restrict p)
{
	(void)t;
	*policy = SCHED_OTHER;
	p->sched_priority = 0;
	return 0;
}

int pthread_setschedprio(pthread_t t, int prio)
{
	(void)t;
	return prio == 0 ? 0 : EINVAL;
}

/* CPU affinity is a hint: the kernel runs every thread on its one CPU
 * (docs/ARCHITECTURE.md section 9), so a valid set - not empty, naming
 * only CPUs that exist - is stored and reported back, and changes nothing
 * yet. A thread that never set one has every CPU. */
#define NCPUS 1

int __sched_cpucount(size_t size, const cpu_set_t *set)
{
	int n = 0;
	for (size_t i = 0; i < size / sizeof(unsigned long); i++)
		n += __builtin_popcountl(set->__bits[i]);
	return n;
}

/* Whether the first size bytes of set are a valid set. */
static bool valid_set(size_t size, const cpu_set_t *set)
{
	if (!set || size % sizeof(unsigned long))
		return false;
	const unsigned char *b = (const unsigned char *)set;
	for (size_t cpu = NCPUS; cpu < size * 8; cpu++)
		if (b[cpu / 8] & (1u << cpu % 8))
			return false; /* a CPU that does not exist */
	return __sched_cpucount(size, set) > 0;
}

int pthread_setaffinity_np(pthread_t t, size_t size, const cpu_set_t *set)
{
	if (size > sizeof(cpu_set_t) || !valid_set(size, set))
		return EINVAL;
	CPU_ZERO(&t->affinity);
	memcpy(&t->affinity, set, size);
	t->affinity_set = true;
	return 0;
}

int pthread_getaffinity_np(pthread_t t, size_t size, cpu_set_t *set)
{
	if (!set || size < sizeof(unsigned long) || size > sizeof(cpu_set_t) ||
	    size % sizeof(unsigned long))
		return EINVAL;
	memset(set, 0, size);
	if (t->affinity_set) {
		memcpy(set, &t->affinity, size);
	} else {
		for (int cpu = 0; cpu < NCPUS; cpu++)
			CPU_SET(cpu, set);
	}
	return 0;
}

/* Only the calling process (pid 0 or ours) is reachable: its calling
 * thread. */
static bool ours(pid_t pid)
{
	return pid == 0 || pid == getpid();
}

/* 0, or -1 with errno err. */
static int posix_result(int err)
{
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set)
{
	return posix_result(ours(pid) ? pthread_setaffinity_np(pthread_self(), size, set) : ESRCH);
}

int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
	return posix_result(ours(pid) ? pthread_getaffinity_np(pthread_self(), size, set) : ESRCH);
}
