/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AArch64 program entry. The kernel starts a thread here with arg0 in x0 and
 * arg1 in x1, sp 16-byte aligned and no meaningful link register: there is
 * nothing to return to, so vg_start (lib/vg/start.c) never returns.
 */
	.text
	.globl	_start
	.type	_start, %function
_start:
	.cfi_startproc
	/* Outermost frame: DWARF unwinders (gdb) stop here ... */
	.cfi_undefined x30
	/* ... and so do frame-pointer walks: vg_start's frame record saves
	 * this zero fp, the AAPCS64 end of the chain. */
	mov	x29, xzr
	mov	x30, xzr
	/* sp must be 16-byte aligned for every access through it (SCTLR.SA0
	 * may check); cheap insurance against a misaligned entry. */
	mov	x9, sp
	and	x9, x9, #~15
	mov	sp, x9
	/* x0 and x1 still hold arg0 and arg1: vg_start(arg0, arg1). */
	bl	vg_start
	/* Not reached; if it were, fault instead of running on. */
	udf	#0
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", %progbits
