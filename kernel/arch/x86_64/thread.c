// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/thread.h>

void arch_thread_init(struct thread *t, void *stack_top)
{
	/* What arch_context_switch pops: r15 r14 r13 r12 rbx rbp, then the return
	 * address. The slot above keeps rsp+8 16-byte aligned at thread_start's
	 * entry, as after a call. */
	uint64_t *sp = (uint64_t *)stack_top;
	*--sp = 0;
	*--sp = (uint64_t)(uintptr_t)thread_start;
	for (int i = 0; i < 6; i++)
		*--sp = 0;
	t->arch.sp = (uint64_t)(uintptr_t)sp;
}
