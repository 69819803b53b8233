/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * __libc_call_on_stack(a, b, c, fn, sp): fn(a, b, c) with the stack
 * pointer at sp (16-byte aligned), then back on the caller's stack. See
 * x86_64/callstack.S.
 */
	.text
	.globl	__libc_call_on_stack
	.type	__libc_call_on_stack, @function
__libc_call_on_stack:
	addi	sp, sp, -16
	sd	ra, 8(sp)
	sd	s0, 0(sp)
	addi	s0, sp, 16
	mv	sp, a4
	jalr	a3
	addi	sp, s0, -16
	ld	ra, 8(sp)
	ld	s0, 0(sp)
	addi	sp, sp, 16
	ret
	.size	__libc_call_on_stack, . - __libc_call_on_stack

	.section .note.GNU-stack, "", @progbits
