// SPDX-License-Identifier: BSD-2-Clause
// The user thread pointer on AArch64: TPIDR_EL0, which EL0 may also write
// itself, so it is saved when a user thread stops running and loaded when
// one starts.
#include <arch/aarch64.h>
#include <kernel/thread.h>

void arch_tls_set(struct thread *t, uintptr_t value)
{
	t->tls = value;
	write_sysreg(tpidr_el0, value);
}

void arch_tls_switch(struct thread *prev, struct thread *next)
{
	if (prev->proc)
		prev->tls = read_sysreg(tpidr_el0);
	if (next->proc)
		write_sysreg(tpidr_el0, next->tls);
}
