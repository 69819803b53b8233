// SPDX-License-Identifier: BSD-2-Clause
// Resource limits (getrlimit/setrlimit/prlimit; docs/ARCHITECTURE.md
// section 14.3). The table keeps every process's limits, inherited by its
// children. Three the kernel enforces (process_set_limit): address space
// (RLIMIT_AS), threads (RLIMIT_NPROC, counted per process here) and
// handles (RLIMIT_VG_HANDLES). CPU time is checked here four times a
// second: past the soft limit SIGXCPU, once a second; past the hard one
// SIGKILL. Open files (RLIMIT_NOFILE) are the C library's fd table's to
// enforce; the others are kept and reported, nothing more.
#include "procsrv.h"
#include <vg/vg.h>

#define RL_CPU 0
#define RL_NPROC 6
#define RL_AS 9
#define RL_VG_HANDLES 16
#define SIGXCPU_NUMBER 24
#define NS_PER_S 1000000000ull
#define CPU_CHECK_NS (NS_PER_S / 4)

static const struct {
	uint32_t resource, kind;
} kernel_limits[] = {
	{ RL_AS, VG_LIMIT_MAPPED },
	{ RL_NPROC, VG_LIMIT_THREADS },
	{ RL_VG_HANDLES, VG_LIMIT_HANDLES },
};

void proc_limits_init(struct proc *p)
{
	for (size_t i = 0; i < PROC_LIMITS; i++)
		p->limits[i] = (struct proc_limit){ PROC_NO_LIMIT, PROC_NO_LIMIT };
}

void proc_limits_set_kernel(vg_handle_t process, const struct proc_limit *limits)
{
	for (size_t i = 0; i < sizeof(kernel_limits) / sizeof(kernel_limits[0]); i++) {
		uint64_t soft = limits[kernel_limits[i].resource].soft;
		/* The kernel's 0 is "none"; a limit of 0 is the smallest there is. */
		uint64_t value = soft == PROC_NO_LIMIT ? 0 : soft ? soft : 1;
		if (kernel_limits[i].kind != VG_LIMIT_MAPPED && value > UINT32_MAX)
			value = 0;
		vg_process_set_limit(process, kernel_limits[i].kind, value);
	}
}

void proc_limits_apply(struct proc *p)
{
	if (p->process)
		proc_limits_set_kernel(p->process, p->limits);
}

static bool cpu_limited(const struct proc *p)
{
	return p->process && p->state == PROC_STATE_RUNNING &&
		p->limits[RL_CPU].soft != PROC_NO_LIMIT;
}

static uint64_t seconds_ns(uint64_t s)
{
	return s > UINT64_MAX / NS_PER_S ? UINT64_MAX : s * NS_PER_S;
}

static void check_cpu(struct proc *p)
{
	struct vg_process_info k;
	if (vg_process_info(p->process, &k))
		return;
	if (k.cpu_ns >= seconds_ns(p->limits[RL_CPU].hard)) {
		proc_deliver(p, SIGKILL_NUMBER, 0, 0, 0);
	} else if (k.cpu_ns >= seconds_ns(p->limits[RL_CPU].soft) &&
		   (!p->cpu_warned_ns || k.cpu_ns >= p->cpu_warned_ns + NS_PER_S)) {
		p->cpu_warned_ns = k.cpu_ns;
		proc_deliver(p, SIGXCPU_NUMBER, 0, 0, 0);
	}
}

static void cpu_tick(struct async_loop *loop, struct async_timer *t, uint64_t count)
{
	(void)loop;
	(void)count;
	bool any = false;
	for (size_t i = 0; i < PROC_MAX; i++) {
		struct proc *p = &procsrv.table[i];
		if (!cpu_limited(p))
			continue;
		any = true;
		check_cpu(p);
	}
	if (!any) /* nobody to watch: sleep until a limit is set */
		async_timer_cancel(t);
}

long proc_limits_start(void)
{
	return async_timer_init(procsrv.loop, &procsrv.cpu_timer, cpu_tick, NULL);
}

void proc_limits_watch_cpu(struct proc *p)
{
	p->cpu_warned_ns = 0;
	if (p->limits[RL_CPU].soft != PROC_NO_LIMIT)
		async_timer_set(&procsrv.cpu_timer, (uint64_t)vg_clock_monotonic() + CPU_CHECK_NS,
				CPU_CHECK_NS);
}

/* Whether caller may make value a limit where old was: soft within hard,
 * a hard limit only lowered, but by pid 1. */
static long allowed(const struct proc *caller, const struct proc_limit *old,
		    const struct proc_limit *value)
{
	if (value->soft > value->hard)
		return PROC_PROC_ERROR_INVALID;
	if (value->hard > old->hard && caller->pid != 1)
		return PROC_PROC_ERROR_DENIED;
	return 0;
}

long proc_stage_limit(struct proc *caller, uint32_t resource, const struct proc_limit *value)
{
	if (resource >= PROC_LIMITS)
		return PROC_PROC_ERROR_INVALID;
	long st = allowed(caller, &caller->limits[resource], value);
	if (st)
		return st;
	caller->staged_limits[resource] = *value;
	caller->staged_limit_mask |= 1u << resource;
	return 0;
}

void proc_limits_inherit(struct proc *child, struct proc *parent)
{
	memcpy(child->limits, parent->limits, sizeof(child->limits));
	for (uint32_t r = 0; r < PROC_LIMITS; r++)
		if (parent->staged_limit_mask & (1u << r))
			child->limits[r] = parent->staged_limits[r];
	parent->staged_limit_mask = 0;
}

long proc_limit(struct proc *caller, int32_t pid, uint32_t resource, bool set,
		const struct proc_limit *value, struct proc_limit *old)
{
	if (resource >= PROC_LIMITS || pid < 0)
		return PROC_PROC_ERROR_INVALID;
	struct proc *p = pid ? proc_find(pid) : caller;
	if (!p || p->state == PROC_STATE_ZOMBIE)
		return PROC_PROC_ERROR_NO_PROCESS;
	if (p != caller && caller->pid != 1 && !proc_is_ancestor(caller, p))
		return PROC_PROC_ERROR_DENIED;
	*old = p->limits[resource];
	if (!set)
		return 0;
	long st = allowed(caller, old, value);
	if (st)
		return st;
	p->limits[resource] = *value;
	if (resource == RL_CPU && p->process && p->state == PROC_STATE_RUNNING)
		proc_limits_watch_cpu(p);
	proc_limits_apply(p);
	return 0;
}
