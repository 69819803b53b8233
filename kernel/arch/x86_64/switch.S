/* SPDX-License-Identifier: BSD-2-Clause */
	.text
/* void arch_context_switch(struct arch_thread *from, struct arch_thread *to)
 * Saves the callee-saved registers on the current stack, parks the stack
 * pointer in from->sp, and resumes the stack saved in to->sp. */
	.globl arch_context_switch
arch_context_switch:
	push %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, (%rdi)
	mov (%rsi), %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret
