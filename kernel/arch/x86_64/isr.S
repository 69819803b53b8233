/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Interrupt and exception entry: one stub per vector pushes a zero error
 * code where the CPU pushes none, then the vector, and joins the common
 * path, which saves the general registers as a struct arch_regs and calls
 * x86_trap(frame).
 */
/* Vectors for which the CPU pushes an error code. */
#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

#include <arch/frame.inc>

	.text
	.balign 16
isr_common:
	/* From ring 3: the kernel's GS (per-CPU data) in, the user's out on return. */
	testb $3, 24(%rsp)
	jz 1f
	swapgs
1:
	PUSH_REGS
	mov %rsp, %rdi
	cld
	call x86_trap
	POP_REGS
	add $16, %rsp                   /* vector and error code */
	testb $3, 8(%rsp)
	jz 2f
	swapgs
2:	iretq

/* 256 stubs, each in its own 16-byte slot: idt.c finds vector v's stub at
 * isr_stubs + 16 * v. */
	.balign 16
	.globl isr_stubs
isr_stubs:
	.set vec, 0
	.rept 256
	.balign 16
	.if !HAS_ERROR(vec)
	pushq $0
	.endif
	pushq $vec
	jmp isr_common
	.set vec, vec + 1
	.endr
