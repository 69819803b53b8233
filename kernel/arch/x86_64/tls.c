// SPDX-License-Identifier: BSD-2-Clause
// The user thread pointer on x86_64: the FS base. User code cannot write it
// (no FSGSBASE), so the value in the thread is the truth and is loaded on
// the way to a thread whose value differs from the one in the MSR.
#include <arch/x86.h>
#include <kernel/thread.h>

#define MSR_FS_BASE 0xc0000100

static uintptr_t loaded; /* the MSR's value; per CPU when SMP comes */

void arch_tls_set(struct thread *t, uintptr_t value)
{
	t->tls = value;
	if (t == thread_current()) {
		wrmsr(MSR_FS_BASE, value);
		loaded = value;
	}
}

void arch_tls_switch(struct thread *prev, struct thread *next)
{
	(void)prev;
	if (next->proc && next->tls != loaded) {
		wrmsr(MSR_FS_BASE, next->tls);
		loaded = next->tls;
	}
}
