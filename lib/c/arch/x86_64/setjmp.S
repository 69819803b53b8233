/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * setjmp/longjmp for x86_64: the callee-saved registers of the SysV ABI
 * (rbx, rbp, r12-r15), the stack pointer after return and the return
 * address, in jmp_buf words 0-7; then __libc_setjmp_save (a tail call,
 * so that it returns 0 to our caller) keeps the signal handlers running
 * (os/signal/ipcbuf.c), which longjmp ends (os/signal/sigjmp.c) before it
 * jumps here, to __libc_longjmp_regs. _setjmp is the same.
 */
	.text
	.hidden	__libc_setjmp_save
	.globl	setjmp
	.globl	_setjmp
	.type	setjmp, @function
	.type	_setjmp, @function
setjmp:
_setjmp:
	movq	%rbx, 0(%rdi)
	movq	%rbp, 8(%rdi)
	movq	%r12, 16(%rdi)
	movq	%r13, 24(%rdi)
	movq	%r14, 32(%rdi)
	movq	%r15, 40(%rdi)
	leaq	8(%rsp), %rdx
	movq	%rdx, 48(%rdi)
	movq	(%rsp), %rdx
	movq	%rdx, 56(%rdi)
	jmp	__libc_setjmp_save
	.size	setjmp, . - setjmp

	.globl	__libc_longjmp_regs
	.hidden	__libc_longjmp_regs
	.type	__libc_longjmp_regs, @function
__libc_longjmp_regs:
	movl	%esi, %eax
	testl	%eax, %eax
	jnz	1f
	incl	%eax
1:	movq	0(%rdi), %rbx
	movq	8(%rdi), %rbp
	movq	16(%rdi), %r12
	movq	24(%rdi), %r13
	movq	32(%rdi), %r14
	movq	40(%rdi), %r15
	movq	48(%rdi), %rsp
	jmpq	*56(%rdi)
	.size	__libc_longjmp_regs, . - __libc_longjmp_regs

	.section .note.GNU-stack, "", @progbits
