// SPDX-License-Identifier: BSD-2-Clause
// The user thread pointer on RISC-V: tp (x4), an ordinary register saved in
// the thread's user frame on every entry, so a switch has nothing to do.
#include <kernel/thread.h>

void arch_tls_set(struct thread *t, uintptr_t value)
{
	t->tls = value;
	t->uregs->x[4] = value;
}
