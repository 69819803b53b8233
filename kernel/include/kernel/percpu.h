/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Per-CPU data. Each CPU has one struct percpu, reached in O(1) through the
 * arch's per-CPU register (arch_this_cpu() in hal_arch.h): GS base on
 * x86_64, TPIDR_EL1 on AArch64, tp on RISC-V (sscratch holds it while the
 * hart is in U-mode). Only CPU 0 runs today; the layout is what SMP needs,
 * so that adding CPUs does not change the code that uses it.
 *
 * The first two words are the arch entry code's, at fixed offsets
 * (PERCPU_KSTACK_TOP, PERCPU_SCRATCH): assembly uses them before any C
 * runs. Everything else is the scheduler's, touched with interrupts off on
 * the owning CPU only.
 */
#ifndef KERNEL_PERCPU_H
#define KERNEL_PERCPU_H

#define PERCPU_KSTACK_TOP 0
#define PERCPU_SCRATCH 8
#define MAX_CPUS 1

#ifndef __ASSEMBLY__
#include <kernel/hal.h>

struct thread;
struct runqueue;

struct percpu {
	/* Arch entry: where an entry from user mode builds its frame (the top
	 * of the current thread's kernel stack), and a scratch word for the
	 * user's stack pointer while the entry switches stacks. */
	uintptr_t kstack_top;
	uintptr_t scratch;
	struct percpu *self;
	unsigned cpu; /* 0 .. MAX_CPUS-1 */
	bool need_resched; /* a better thread is ready: switch at the next chance */
	struct thread *current; /* the running thread */
	struct thread *idle; /* runs when nothing else is ready */
	/* The ready threads this CPU picks from (sched.c). One shared set of
	 * queues under the one scheduler lock today; per-CPU queues (and
	 * migration between them) are the SMP step. */
	struct runqueue *rq;
	/* The user thread whose FP/SIMD values are in this CPU's registers
	 * (NULL: nobody's). Only the owner's user mode may use them; any other
	 * thread traps on its first FP instruction and takes them over
	 * (sched.c, fpu_user_trap). */
	struct thread *fpu_owner;
	paddr_t active_root; /* user page tables in this CPU's MMU, 0: none */
	uint64_t switched_at; /* arch_counter() at the last switch, for run_ticks */
	unsigned long arch_fpu; /* the arch's record of the FP access it granted */
};

extern struct percpu percpu_cpus[MAX_CPUS];

/* The calling CPU's data. */
static inline struct percpu *this_cpu(void)
{
	return arch_this_cpu();
}

/* Arch start code, first thing in C on each CPU: makes arch_this_cpu()
 * return percpu_cpus[cpu]. */
void percpu_init(unsigned cpu);
#endif

#endif
