/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The EL1 exception vector table (VBAR_EL1). Every entry saves a full
 * struct trap_frame (x0-x30, the interrupted sp, ELR, SPSR, ESR, FAR) on the
 * current stack, pushes a frame record {interrupted x29, ELR} so that a
 * backtrace from a handler continues into the interrupted code, and calls C.
 * On return the frame is restored (a handler may have changed ELR or
 * registers: that is how extable fixups resume) and eret.
 *
 * FP/SIMD registers are not saved: kernel code is built with
 * -mgeneral-regs-only and never touches them, so an exception taken in the
 * kernel cannot clobber them; user FP state is the context switch's job.
 */
#include <arch/aarch64.h>

/* Vector index numbers passed to aarch64_trap_unexpected. */
#define V_CUR_SP0 0
#define V_CUR_SPX 4
#define V_LOW_A64 8
#define V_LOW_A32 12

.macro save_frame el
	sub	sp, sp, #TF_SIZE
	stp	x0, x1, [sp, #TF_X(0)]
	stp	x2, x3, [sp, #TF_X(2)]
	stp	x4, x5, [sp, #TF_X(4)]
	stp	x6, x7, [sp, #TF_X(6)]
	stp	x8, x9, [sp, #TF_X(8)]
	stp	x10, x11, [sp, #TF_X(10)]
	stp	x12, x13, [sp, #TF_X(12)]
	stp	x14, x15, [sp, #TF_X(14)]
	stp	x16, x17, [sp, #TF_X(16)]
	stp	x18, x19, [sp, #TF_X(18)]
	stp	x20, x21, [sp, #TF_X(20)]
	stp	x22, x23, [sp, #TF_X(22)]
	stp	x24, x25, [sp, #TF_X(24)]
	stp	x26, x27, [sp, #TF_X(26)]
	stp	x28, x29, [sp, #TF_X(28)]
	.if \el == 0
	mrs	x21, sp_el0
	.else
	add	x21, sp, #TF_SIZE
	.endif
	stp	x30, x21, [sp, #TF_X(30)]	/* x30, then sp at TF_SP */
	mrs	x22, elr_el1
	mrs	x23, spsr_el1
	stp	x22, x23, [sp, #TF_ELR]
	mrs	x24, esr_el1
	mrs	x25, far_el1
	stp	x24, x25, [sp, #TF_ESR]
	stp	x29, x22, [sp, #-16]!		/* frame record: {fp, pc} of the interrupted code */
	mov	x29, sp
	add	x0, sp, #16			/* struct trap_frame * */
.endm

.macro restore_frame el
	add	sp, sp, #16			/* drop the frame record */
	ldp	x22, x23, [sp, #TF_ELR]
	msr	elr_el1, x22
	msr	spsr_el1, x23
	.if \el == 0
	ldr	x21, [sp, #TF_SP]
	msr	sp_el0, x21
	.endif
	ldp	x0, x1, [sp, #TF_X(0)]
	ldp	x2, x3, [sp, #TF_X(2)]
	ldp	x4, x5, [sp, #TF_X(4)]
	ldp	x6, x7, [sp, #TF_X(6)]
	ldp	x8, x9, [sp, #TF_X(8)]
	ldp	x10, x11, [sp, #TF_X(10)]
	ldp	x12, x13, [sp, #TF_X(12)]
	ldp	x14, x15, [sp, #TF_X(14)]
	ldp	x16, x17, [sp, #TF_X(16)]
	ldp	x18, x19, [sp, #TF_X(18)]
	ldp	x20, x21, [sp, #TF_X(20)]
	ldp	x22, x23, [sp, #TF_X(22)]
	ldp	x24, x25, [sp, #TF_X(24)]
	ldp	x26, x27, [sp, #TF_X(26)]
	ldp	x28, x29, [sp, #TF_X(28)]
	ldr	x30, [sp, #TF_X(30)]
	add	sp, sp, #TF_SIZE
	eret
.endm

/* Each entry has 32 instructions of room; it branches to its handler. */
.macro ventry target
	.balign	0x80
	b	\target
.endm

	.section .text.vectors, "ax"
	.balign	2048
	.globl	vectors
vectors:
	ventry	cur_sp0_sync		/* current EL, SP_EL0: never used by the kernel */
	ventry	cur_sp0_irq
	ventry	cur_sp0_fiq
	ventry	cur_sp0_serror
	ventry	cur_spx_sync		/* current EL, SP_EL1: the kernel */
	ventry	cur_spx_irq
	ventry	cur_spx_fiq
	ventry	cur_spx_serror
	ventry	low_a64_sync		/* lower EL, AArch64: user space */
	ventry	low_a64_irq
	ventry	low_a64_fiq
	ventry	low_a64_serror
	ventry	low_a32_sync		/* lower EL, AArch32: not supported */
	ventry	low_a32_irq
	ventry	low_a32_fiq
	ventry	low_a32_serror

.macro unexpected name, el, kind
\name:
	save_frame \el
	mov	w1, #\kind
	bl	aarch64_trap_unexpected		/* does not return */
	b	.
.endm

	unexpected cur_sp0_sync, 1, V_CUR_SP0 + 0
	unexpected cur_sp0_irq, 1, V_CUR_SP0 + 1
	unexpected cur_sp0_fiq, 1, V_CUR_SP0 + 2
	unexpected cur_sp0_serror, 1, V_CUR_SP0 + 3
	unexpected cur_spx_fiq, 1, V_CUR_SPX + 2
	unexpected cur_spx_serror, 1, V_CUR_SPX + 3
	unexpected low_a64_fiq, 0, V_LOW_A64 + 2
	unexpected low_a64_serror, 0, V_LOW_A64 + 3
	unexpected low_a32_sync, 0, V_LOW_A32 + 0
	unexpected low_a32_irq, 0, V_LOW_A32 + 1
	unexpected low_a32_fiq, 0, V_LOW_A32 + 2
	unexpected low_a32_serror, 0, V_LOW_A32 + 3

cur_spx_sync:
	save_frame 1
	mov	w1, #0
	bl	aarch64_trap_sync
	restore_frame 1

cur_spx_irq:
	save_frame 1
	bl	aarch64_trap_irq
	restore_frame 1

low_a64_sync:
	save_frame 0
	mov	w1, #1
	bl	aarch64_trap_sync
	restore_frame 0

low_a64_irq:
	save_frame 0
	bl	aarch64_trap_irq
	restore_frame 0
