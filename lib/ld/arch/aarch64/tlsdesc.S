/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AArch64 TLS descriptor functions (lib/ld/tls.c). Code reaches a TLS
 * variable through a descriptor {function, argument}: it calls the
 * function with x0 at the descriptor and adds the x0 it gets back to tp.
 * The call preserves every register but x0 (and lr, which the caller's
 * blr already gave up), so the slow path saves all the others a C call
 * may clobber.
 */
	.text
	.globl	ld_tlsdesc_static
	.type	ld_tlsdesc_static, %function
ld_tlsdesc_static:
	/* The argument is the offset from tp, fixed at load time. */
	ldr	x0, [x0, #8]
	ret
	.size	ld_tlsdesc_static, . - ld_tlsdesc_static

	.globl	ld_tlsdesc_dynamic
	.type	ld_tlsdesc_dynamic, %function
ld_tlsdesc_dynamic:
	/* The argument points at {module id, offset}, as __tls_get_addr's. */
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	sub	sp, sp, #704
	stp	x1, x2, [sp, #0]
	stp	x3, x4, [sp, #16]
	stp	x5, x6, [sp, #32]
	stp	x7, x8, [sp, #48]
	stp	x9, x10, [sp, #64]
	stp	x11, x12, [sp, #80]
	stp	x13, x14, [sp, #96]
	stp	x15, x16, [sp, #112]
	stp	x17, x18, [sp, #128]
	mrs	x1, nzcv
	mrs	x2, fpsr
	mrs	x3, fpcr
	stp	x1, x2, [sp, #144]
	str	x3, [sp, #160]
	stp	q0, q1, [sp, #160 + 16]
	stp	q2, q3, [sp, #192 + 16]
	stp	q4, q5, [sp, #224 + 16]
	stp	q6, q7, [sp, #256 + 16]
	stp	q8, q9, [sp, #288 + 16]
	stp	q10, q11, [sp, #320 + 16]
	stp	q12, q13, [sp, #352 + 16]
	stp	q14, q15, [sp, #384 + 16]
	stp	q16, q17, [sp, #416 + 16]
	stp	q18, q19, [sp, #448 + 16]
	stp	q20, q21, [sp, #480 + 16]
	stp	q22, q23, [sp, #512 + 16]
	stp	q24, q25, [sp, #544 + 16]
	stp	q26, q27, [sp, #576 + 16]
	stp	q28, q29, [sp, #608 + 16]
	stp	q30, q31, [sp, #640 + 16]
	ldr	x0, [x0, #8]
	bl	ld_tls_get_addr
	mrs	x1, tpidr_el0
	sub	x0, x0, x1
	ldp	q0, q1, [sp, #160 + 16]
	ldp	q2, q3, [sp, #192 + 16]
	ldp	q4, q5, [sp, #224 + 16]
	ldp	q6, q7, [sp, #256 + 16]
	ldp	q8, q9, [sp, #288 + 16]
	ldp	q10, q11, [sp, #320 + 16]
	ldp	q12, q13, [sp, #352 + 16]
	ldp	q14, q15, [sp, #384 + 16]
	ldp	q16, q17, [sp, #416 + 16]
	ldp	q18, q19, [sp, #448 + 16]
	ldp	q20, q21, [sp, #480 + 16]
	ldp	q22, q23, [sp, #512 + 16]
	ldp	q24, q25, [sp, #544 + 16]
	ldp	q26, q27, [sp, #576 + 16]
	ldp	q28, q29, [sp, #608 + 16]
	ldp	q30, q31, [sp, #640 + 16]
	ldp	x1, x2, [sp, #144]
	ldr	x3, [sp, #160]
	msr	nzcv, x1
	msr	fpsr, x2
	msr	fpcr, x3
	ldp	x1, x2, [sp, #0]
	ldp	x3, x4, [sp, #16]
	ldp	x5, x6, [sp, #32]
	ldp	x7, x8, [sp, #48]
	ldp	x9, x10, [sp, #64]
	ldp	x11, x12, [sp, #80]
	ldp	x13, x14, [sp, #96]
	ldp	x15, x16, [sp, #112]
	ldp	x17, x18, [sp, #128]
	add	sp, sp, #704
	ldp	x29, x30, [sp], #16
	ret
	.size	ld_tlsdesc_dynamic, . - ld_tlsdesc_dynamic

	.section .note.GNU-stack, "", %progbits
