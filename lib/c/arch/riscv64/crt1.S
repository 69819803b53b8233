/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V 64 entry of programs linked with the C library: arg0 in a0, arg1
 * in a1 (every program's start protocol: arg0 is its struct vg_startup *),
 * on to __libc_start (lib/c/os/start/start.c), which never returns. gp is
 * not set up: code is built with -mno-relax.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	.cfi_undefined ra
	li	s0, 0
	li	ra, 0
	andi	sp, sp, -16
	call	__libc_start
	unimp
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
