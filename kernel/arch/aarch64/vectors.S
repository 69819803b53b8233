/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The EL1 exception vector table (VBAR_EL1). Every entry saves a full
 * struct arch_regs (x0-x30, the interrupted sp, ELR, SPSR, ESR, FAR, and
 * from EL0 also TPIDR_EL0) on the current stack, pushes a frame record so
 * that a backtrace from a handler continues into the interrupted kernel code
 * (or ends, for an entry from EL0), and calls C. On return the frame is
 * restored (a handler may have changed ELR or registers: that is how extable
 * fixups resume and how system calls return results) and eret.
 *
 * The kernel always runs on SP_EL1 (EL1h). An exception from EL0 selects
 * SP_EL1 too, and SP_EL1 is the top of the current thread's kernel stack
 * whenever the CPU is at EL0: the only way to EL0 is ret_to_user, which
 * restores the frame lying at that top (arch_enter_user's, or the one the
 * entry from EL0 saved) and so leaves SP_EL1 exactly there. Entries from
 * EL0 therefore save their frame at the top of the thread's kernel stack,
 * where generic code expects it (thread->uregs), with nothing to load first;
 * arch_set_kernel_stack records the top so that ret_to_user can check it.
 *
 * FP/SIMD registers are not saved: kernel code is built with
 * -mgeneral-regs-only and never touches them, so an exception taken in the
 * kernel cannot clobber them; user FP state is switched lazily by the
 * scheduler (user.c, sched.c).
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
	.if \el == 0
	mrs	x26, tpidr_el0
	stp	x26, xzr, [sp, #TF_TPIDR]
	stp	xzr, xzr, [sp, #-16]!		/* frame record {0, 0}: backtraces end here */
	.else
	stp	xzr, xzr, [sp, #TF_TPIDR]
	stp	x29, x22, [sp, #-16]!		/* frame record: {fp, pc} of the interrupted code */
	.endif
	mov	x29, sp
	add	x0, sp, #16			/* struct arch_regs * */
.endm

/* Back to the kernel code an exception interrupted. sp: the frame record. */
/* x0-x30 from the frame at sp. */
.macro load_gprs
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
.endm

.macro restore_frame_el1
	add	sp, sp, #16			/* drop the frame record */
	ldp	x22, x23, [sp, #TF_ELR]
	msr	elr_el1, x22
	msr	spsr_el1, x23
	load_gprs
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
	ventry	low_a32_sync		/* lower EL, AArch32: never entered (SPSR.M[4] is 0) */
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
	unexpected low_a32_sync, 0, V_LOW_A32 + 0
	unexpected low_a32_irq, 0, V_LOW_A32 + 1
	unexpected low_a32_fiq, 0, V_LOW_A32 + 2
	unexpected low_a32_serror, 0, V_LOW_A32 + 3

cur_spx_sync:
	save_frame 1
	mov	w1, #0
	bl	aarch64_trap_sync
	restore_frame_el1

cur_spx_irq:
	save_frame 1
	mov	w1, #0
	bl	aarch64_trap_irq
	restore_frame_el1

/* Entries from EL0: the handlers return with IRQs masked, having called
 * user_return (which may have switched threads and come back). */
low_a64_sync:
	save_frame 0
	mov	w1, #1
	bl	aarch64_trap_sync
	b	ret_to_user

low_a64_irq:
	save_frame 0
	mov	w1, #1
	bl	aarch64_trap_irq
	b	ret_to_user

low_a64_serror:
	save_frame 0
	bl	aarch64_trap_user_serror
	b	ret_to_user

/*
 * _Noreturn void arch_enter_user(struct arch_regs *r)
 * r lies at the top of the current thread's kernel stack; the frame record
 * slot below it is scratch.
 */
	.text
	.globl	arch_enter_user
arch_enter_user:
	msr	daifset, #0xf			/* ELR/SPSR/SP_EL0 must not change under us */
	sub	sp, x0, #16
	mov	x29, xzr
	/* fall through */

/*
 * Return to EL0 with the frame above the frame record at sp; IRQs masked.
 * The frame must end at the recorded kernel stack top, for that is where
 * SP_EL1 is left for the next entry from EL0.
 */
ret_to_user:
	add	sp, sp, #16			/* drop the frame record */
	mrs	x0, tpidr_el1			/* struct percpu: kstack_top at 0 */
	ldr	x0, [x0]
	add	x1, sp, #TF_SIZE
	cmp	x0, x1
	b.ne	1f
	ldp	x22, x23, [sp, #TF_ELR]
	msr	elr_el1, x22
	/* Whatever the frame says, eret goes to EL0t in AArch64 with D, A, I
	 * and F unmasked (M[4:0] and DAIF cleared); the flags and the other
	 * user-controlled PSTATE bits pass through. */
	and	x23, x23, #~0x3ff
	msr	spsr_el1, x23
	ldr	x21, [sp, #TF_SP]
	msr	sp_el0, x21
	ldr	x21, [sp, #TF_TPIDR]
	msr	tpidr_el0, x21
	load_gprs
	add	sp, sp, #TF_SIZE		/* == the recorded kstack_top */
	eret
1:	mov	x1, x0
	mov	x0, sp
	bl	aarch64_bad_user_return		/* does not return */
	b	.
