/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * __libc_call_on_stack(a, b, c, fn, sp): fn(a, b, c) with the stack
 * pointer at sp (16-byte aligned), then back on the caller's stack. See
 * x86_64/callstack.S.
 */
	.text
	.globl	__libc_call_on_stack
	.type	__libc_call_on_stack, %function
__libc_call_on_stack:
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	mov	sp, x4
	blr	x3
	mov	sp, x29
	ldp	x29, x30, [sp], #16
	ret
	.size	__libc_call_on_stack, . - __libc_call_on_stack

	.section .note.GNU-stack, "", %progbits
