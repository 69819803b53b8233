// SPDX-License-Identifier: BSD-2-Clause
// Scheduling policies and priorities (docs/ARCHITECTURE.md section 9). The
// kernel keeps each thread's policy: SCHED_OTHER (time-shared, priority 0,
// weighed by the process's nice), SCHED_FIFO and SCHED_RR (priorities 1
// to VG_SCHED_RT_MAX, above every SCHED_OTHER thread). Asking for a
// real-time policy needs the root resource, which only the root task holds
// (vg_startup's resource): elsewhere it is EPERM.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>
#include <vg/vg.h>

#include "../internal/thread.h"

static bool known_policy(int policy)
{
	return policy == SCHED_OTHER || policy == SCHED_FIFO || policy == SCHED_RR;
}

/* 0 when the priority suits the policy (known), else EINVAL. */
static int param_error(int policy, const struct sched_param *p)
{
	if (!p)
		return EINVAL;
	if (policy == SCHED_OTHER)
		return p->sched_priority == 0 ? 0 : EINVAL;
	return p->sched_priority >= 1 && p->sched_priority <= VG_SCHED_RT_MAX ? 0 : EINVAL;
}

static int errno_of(long st)
{
	switch (st) {
	case 0: return 0;
	case ERR_ACCESS_DENIED: return EPERM;
	case ERR_PEER_CLOSED: return ESRCH;
	default: return EINVAL;
	}
}

/* The kernel's name for t: VG_HANDLE_INVALID is the calling thread. The
 * first thread has no handle of its own (pthread.c), so no other thread
 * can name it: false then. */
static bool kernel_thread(pthread_t t, vg_handle_t *h)
{
	if (t == pthread_self()) {
		*h = VG_HANDLE_INVALID;
		return true;
	}
	*h = t->handle;
	return t->handle != 0;
}

int __libc_sched_set(vg_handle_t h, int policy, int priority)
{
	/* The root resource, where there is one: the kernel refuses any other
	 * handle (a forked child's copy of the number names something else). */
	return errno_of(vg_thread_set_sched(h, vg_startup()->resource, (uint32_t)policy, priority));
}

int sched_get_priority_min(int policy)
{
	if (!known_policy(policy)) {
		errno = EINVAL;
		return -1;
	}
	return policy == SCHED_OTHER ? 0 : 1;
}

int sched_get_priority_max(int policy)
{
	if (!known_policy(policy)) {
		errno = EINVAL;
		return -1;
	}
	return policy == SCHED_OTHER ? 0 : VG_SCHED_RT_MAX;
}

int pthread_attr_setschedpolicy(pthread_attr_t *a, int policy)
{
	if (!known_policy(policy))
		return EINVAL;
	a->schedpolicy = policy;
	return 0;
}

int pthread_attr_getschedpolicy(const pthread_attr_t *restrict a, int *restrict policy)
{
	*policy = a->schedpolicy;
	return 0;
}

int pthread_attr_setschedparam(pthread_attr_t *restrict a, const struct sched_param *restrict p)
{
	/* Checked against the policy when the thread is made: the two may be
	 * set in either order. */
	if (!p || p->sched_priority < 0 || p->sched_priority > VG_SCHED_RT_MAX)
		return EINVAL;
	a->schedprio = p->sched_priority;
	return 0;
}

int pthread_attr_getschedparam(const pthread_attr_t *restrict a, struct sched_param *restrict p)
{
	p->sched_priority = a->schedprio;
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

int __libc_sched_attr_check(const pthread_attr_t *a)
{
	if (!a || a->inheritsched != PTHREAD_EXPLICIT_SCHED)
		return 0;
	struct sched_param p = { a->schedprio };
	return param_error(a->schedpolicy, &p);
}

bool __libc_sched_wanted(const pthread_attr_t *a, int *policy, int *priority)
{
	if (a && a->inheritsched == PTHREAD_EXPLICIT_SCHED) {
		*policy = a->schedpolicy;
		*priority = a->schedprio;
	} else {
		/* Inherited: the creator's. */
		struct vg_sched_info me;
		if (vg_thread_get_sched(VG_HANDLE_INVALID, &me))
			return false;
		*policy = (int)me.policy;
		*priority = me.priority;
	}
	/* A new kernel thread is time-shared already. */
	return *policy != SCHED_OTHER;
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
	if (!known_policy(policy))
		return EINVAL;
	int e = param_error(policy, p);
	if (e)
		return e;
	vg_handle_t h;
	if (!kernel_thread(t, &h))
		return ENOTSUP;
	return __libc_sched_set(h, policy, p->sched_priority);
}

int pthread_getschedparam(pthread_t t, int *restrict policy, struct sched_param *restrict p)
{
	vg_handle_t h;
	if (!kernel_thread(t, &h))
		return ENOTSUP;
	struct vg_sched_info info;
	int e = errno_of(vg_thread_get_sched(h, &info));
	if (e)
		return e;
	*policy = (int)info.policy;
	p->sched_priority = info.priority;
	return 0;
}

int pthread_setschedprio(pthread_t t, int prio)
{
	int policy;
	struct sched_param p;
	int e = pthread_getschedparam(t, &policy, &p);
	if (e)
		return e;
	p.sched_priority = prio;
	return pthread_setschedparam(t, policy, &p);
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

/* Another process's threads are not this library's to name: EPERM when
 * it exists, ESRCH when not (or for a negative pid). */
static int other_process(pid_t pid)
{
	if (pid < 0)
		return posix_result(EINVAL);
	return posix_result(kill(pid, 0) == 0 || errno == EPERM ? EPERM : ESRCH);
}

int sched_setscheduler(pid_t pid, int policy, const struct sched_param *p)
{
	if (!ours(pid))
		return other_process(pid);
	int was = sched_getscheduler(0);
	int e = pthread_setschedparam(pthread_self(), policy, p);
	return e ? posix_result(e) : was;
}

int sched_getscheduler(pid_t pid)
{
	if (!ours(pid))
		return other_process(pid);
	int policy;
	struct sched_param p;
	int e = pthread_getschedparam(pthread_self(), &policy, &p);
	return e ? posix_result(e) : policy;
}

int sched_setparam(pid_t pid, const struct sched_param *p)
{
	if (!ours(pid))
		return other_process(pid);
	int policy = sched_getscheduler(0);
	return policy < 0 ? -1 : posix_result(pthread_setschedparam(pthread_self(), policy, p));
}

int sched_getparam(pid_t pid, struct sched_param *p)
{
	if (!ours(pid))
		return other_process(pid);
	int policy;
	return posix_result(pthread_getschedparam(pthread_self(), &policy, p));
}

/* CPU affinity is a hint: the kernel runs every thread on its one CPU
 * (docs/ARCHITECTURE.md section 9), so a valid set - not empty, naming
 * only CPUs that exist - is stored and reported back, and changes nothing
 * yet. A thread that never set one has every CPU. */

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
	for (size_t cpu = LIBC_NCPUS; cpu < size * 8; cpu++)
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
		for (int cpu = 0; cpu < LIBC_NCPUS; cpu++)
			CPU_SET(cpu, set);
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
