/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * __libc_call_on_stack(a, b, c, fn, sp): fn(a, b, c) with the stack
 * pointer at sp (16-byte aligned), then back on the caller's stack. The
 * signal entry runs a handler without SA_ONSTACK this way on the
 * interrupted stack when the kernel delivered on the alternate one
 * (lib/c/os/signal/signal.c). The frame record stays on the caller's
 * stack, so a backtrace from the handler walks back through the entry.
 */
	.text
	.globl	__libc_call_on_stack
	.type	__libc_call_on_stack, @function
__libc_call_on_stack:
	pushq	%rbp
	movq	%rsp, %rbp
	movq	%r8, %rsp
	call	*%rcx
	movq	%rbp, %rsp
	popq	%rbp
	ret
	.size	__libc_call_on_stack, . - __libc_call_on_stack

	.section .note.GNU-stack, "", @progbits
