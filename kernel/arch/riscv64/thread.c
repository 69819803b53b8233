// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/thread.h>

void arch_thread_init(struct thread *t, void *stack_top)
{
	/* The 112-byte block arch_context_switch restores: ra first (where its
	 * ret goes), then s0 (frame pointer, 0 ends backtraces) to s11. */
	uint64_t *sp = (uint64_t *)stack_top - 14;
	for (int i = 0; i < 14; i++)
		sp[i] = 0;
	sp[0] = (uint64_t)(uintptr_t)thread_start;
	t->arch.sp = (uint64_t)(uintptr_t)sp;
}
