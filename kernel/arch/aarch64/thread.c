// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/thread.h>

void arch_thread_init(struct thread *t, void *stack_top)
{
	/* The 96-byte block arch_context_switch restores: x19-x28, x29 (frame
	 * pointer, 0 ends backtraces), x30 (where its ret goes). */
	uint64_t *sp = (uint64_t *)stack_top - 12;
	for (int i = 0; i < 12; i++)
		sp[i] = 0;
	sp[11] = (uint64_t)(uintptr_t)thread_start;
	t->arch.sp = (uint64_t)(uintptr_t)sp;
}
