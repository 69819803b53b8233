// SPDX-License-Identifier: BSD-2-Clause
// Scheduling policies and priorities. The kernel schedules every thread in
// one round-robin class, which is POSIX's SCHED_OTHER at priority 0: that
// is what every thread has and all that can be asked for. The real-time
// policies are known but not offered (ENOTSUP), so a program that needs
// them finds out instead of running without them.
#include <errno.h>
#include <pthread.h>
#include <sched.h>

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
