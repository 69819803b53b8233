/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 entry of programs linked with the C library. The kernel starts the
 * first thread here with arg0 in rdi and arg1 in rsi (every program's
 * start protocol: arg0 is its struct vg_startup *), rsp 16-byte aligned
 * and nothing to return to: __libc_start (lib/c/os/start/start.c) never
 * returns.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	.cfi_undefined rip
	xorl	%ebp, %ebp
	andq	$-16, %rsp
	call	__libc_start
	ud2
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
