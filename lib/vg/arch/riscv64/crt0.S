/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V 64 program entry. The kernel starts a thread here with arg0 in a0
 * and arg1 in a1, sp 16-byte aligned and no meaningful ra: there is nothing
 * to return to, so vg_start (lib/vg/start.c) never returns.
 *
 * gp is left alone: user code is built with -mno-relax, so nothing is
 * addressed relative to __global_pointer$.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	/* Outermost frame: DWARF unwinders (gdb) stop here ... */
	.cfi_undefined ra
	/* ... and so do frame-pointer walks: vg_start saves this zero as the
	 * caller's s0 (fp), the end of the chain. */
	li	s0, 0
	li	ra, 0
	/* The psABI wants sp 16-byte aligned at calls; cheap insurance
	 * against a misaligned entry. */
	andi	sp, sp, -16
	/* a0 and a1 still hold arg0 and arg1: vg_start(arg0, arg1). */
	call	vg_start
	/* Not reached; if it were, fault instead of running on. */
	unimp
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
