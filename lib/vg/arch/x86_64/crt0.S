/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 program entry. The kernel starts a thread here with arg0 in rdi and
 * arg1 in rsi, rsp 16-byte aligned and no return address on the stack:
 * there is nothing to return to, so vg_start (lib/vg/start.c) never returns.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	/* Outermost frame: DWARF unwinders (gdb) stop here ... */
	.cfi_undefined rip
	/* ... and so do frame-pointer walks: vg_start saves this zero as the
	 * caller's rbp, the conventional end of the chain. */
	xorl	%ebp, %ebp
	/* Cheap insurance for the SysV rule (rsp + 8 a multiple of 16 at a
	 * function's first instruction) should an entry ever arrive
	 * misaligned: the call below pushes the 8. */
	andq	$-16, %rsp
	/* rdi and rsi still hold arg0 and arg1: vg_start(arg0, arg1). */
	call	vg_start
	/* Not reached; if it were, fault instead of running into whatever
	 * follows. */
	ud2
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
