/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * setjmp/longjmp for RISC-V 64 (lp64d): the callee-saved registers s0-s11,
 * ra, sp and fs0-fs11 in jmp_buf words 0-25; then __libc_setjmp_save (a
 * tail call, so that it returns 0 to our caller) keeps the signal handlers
 * running (os/signal/ipcbuf.c), which longjmp ends (os/signal/sigjmp.c)
 * before it jumps here, to __libc_longjmp_regs. _setjmp is the same.
 */
	.text
	.hidden	__libc_setjmp_save
	.globl	setjmp
	.globl	_setjmp
	.type	setjmp, @function
	.type	_setjmp, @function
setjmp:
_setjmp:
	sd	s0, 0(a0)
	sd	s1, 8(a0)
	sd	s2, 16(a0)
	sd	s3, 24(a0)
	sd	s4, 32(a0)
	sd	s5, 40(a0)
	sd	s6, 48(a0)
	sd	s7, 56(a0)
	sd	s8, 64(a0)
	sd	s9, 72(a0)
	sd	s10, 80(a0)
	sd	s11, 88(a0)
	sd	ra, 96(a0)
	sd	sp, 104(a0)
	fsd	fs0, 112(a0)
	fsd	fs1, 120(a0)
	fsd	fs2, 128(a0)
	fsd	fs3, 136(a0)
	fsd	fs4, 144(a0)
	fsd	fs5, 152(a0)
	fsd	fs6, 160(a0)
	fsd	fs7, 168(a0)
	fsd	fs8, 176(a0)
	fsd	fs9, 184(a0)
	fsd	fs10, 192(a0)
	fsd	fs11, 200(a0)
	tail	__libc_setjmp_save
	.size	setjmp, . - setjmp

	.globl	__libc_longjmp_regs
	.hidden	__libc_longjmp_regs
	.type	__libc_longjmp_regs, @function
__libc_longjmp_regs:
	ld	s0, 0(a0)
	ld	s1, 8(a0)
	ld	s2, 16(a0)
	ld	s3, 24(a0)
	ld	s4, 32(a0)
	ld	s5, 40(a0)
	ld	s6, 48(a0)
	ld	s7, 56(a0)
	ld	s8, 64(a0)
	ld	s9, 72(a0)
	ld	s10, 80(a0)
	ld	s11, 88(a0)
	ld	ra, 96(a0)
	ld	sp, 104(a0)
	fld	fs0, 112(a0)
	fld	fs1, 120(a0)
	fld	fs2, 128(a0)
	fld	fs3, 136(a0)
	fld	fs4, 144(a0)
	fld	fs5, 152(a0)
	fld	fs6, 160(a0)
	fld	fs7, 168(a0)
	fld	fs8, 176(a0)
	fld	fs9, 184(a0)
	fld	fs10, 192(a0)
	fld	fs11, 200(a0)
	seqz	a0, a1
	add	a0, a0, a1
	ret
	.size	__libc_longjmp_regs, . - __libc_longjmp_regs

	.section .note.GNU-stack, "", @progbits
