// SPDX-License-Identifier: BSD-2-Clause
// The user thread pointer on AArch64: TPIDR_EL0, which EL0 may also write
// itself. Every entry from EL0 saves it in the thread's frame and every
// return loads it from there (vectors.S), so the frame is where it lives.
#include <kernel/thread.h>

void arch_tls_set(struct thread *t, uintptr_t value)
{
	t->tls = value;
	t->uregs->tpidr = value;
}
