/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AArch64 entry of programs linked with the C library: arg0 in x0, arg1 in
 * x1 (every program's start protocol: arg0 is its struct vg_startup *), on
 * to __libc_start (lib/c/os/start/start.c), which never returns.
 */
	.text
	.globl	_start
	.type	_start, %function
_start:
	.cfi_startproc
	.cfi_undefined x30
	mov	x29, xzr
	mov	x30, xzr
	mov	x9, sp
	and	x9, x9, #~15
	mov	sp, x9
	bl	__libc_start
	udf	#0
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits
