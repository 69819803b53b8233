/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * setjmp/longjmp for AArch64: the callee-saved registers of AAPCS64
 * (x19-x28, fp, lr, sp, and the low halves d8-d15 of v8-v15) in jmp_buf
 * words 0-20; then __libc_setjmp_save (a tail call, so that it returns 0
 * to our caller) keeps the signal handlers running (os/signal/ipcbuf.c),
 * which longjmp ends (os/signal/sigjmp.c) before it jumps here, to
 * __libc_longjmp_regs. _setjmp is the same.
 */
	.text
	.hidden	__libc_setjmp_save
	.globl	setjmp
	.globl	_setjmp
	.type	setjmp, %function
	.type	_setjmp, %function
setjmp:
_setjmp:
	stp	x19, x20, [x0, #0]
	stp	x21, x22, [x0, #16]
	stp	x23, x24, [x0, #32]
	stp	x25, x26, [x0, #48]
	stp	x27, x28, [x0, #64]
	stp	x29, x30, [x0, #80]
	mov	x2, sp
	str	x2, [x0, #96]
	stp	d8, d9, [x0, #104]
	stp	d10, d11, [x0, #120]
	stp	d12, d13, [x0, #136]
	stp	d14, d15, [x0, #152]
	b	__libc_setjmp_save
	.size	setjmp, . - setjmp

	.globl	__libc_longjmp_regs
	.hidden	__libc_longjmp_regs
	.type	__libc_longjmp_regs, %function
__libc_longjmp_regs:
	ldp	x19, x20, [x0, #0]
	ldp	x21, x22, [x0, #16]
	ldp	x23, x24, [x0, #32]
	ldp	x25, x26, [x0, #48]
	ldp	x27, x28, [x0, #64]
	ldp	x29, x30, [x0, #80]
	ldr	x2, [x0, #96]
	mov	sp, x2
	ldp	d8, d9, [x0, #104]
	ldp	d10, d11, [x0, #120]
	ldp	d12, d13, [x0, #136]
	ldp	d14, d15, [x0, #152]
	cmp	w1, #0
	csinc	w0, w1, wzr, ne
	ret
	.size	__libc_longjmp_regs, . - __libc_longjmp_regs

	.section .note.GNU-stack, "", %progbits
