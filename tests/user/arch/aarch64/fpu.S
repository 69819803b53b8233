/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * FP register helpers for tests/user/utest/t_fpu.c (AArch64: q0-q31, 64
 * words).
 *
 * long fpu_check_loop(const uint64_t *pattern, uint64_t *scratch, long n,
 *                     const uint64_t *sys)
 *   Loads q0-q31 from pattern, then n times: the system call sys[0] with
 *   arguments sys[1..6], q0-q31 stored to scratch and compared with pattern.
 *   Returns how many of the n calls came back with any register changed.
 *   No C runs in between, so only the kernel can have changed them.
 * void fpu_store(uint64_t *buf)
 *   Stores q0-q31 to buf.
 * d8-d15 are callee-saved (AAPCS64): saved and restored around the loop.
 */
	.text
	.globl	fpu_check_loop
fpu_check_loop:
	stp	x29, x30, [sp, #-128]!
	mov	x29, sp
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	str	x23, [sp, #48]
	stp	d8, d9, [sp, #64]
	stp	d10, d11, [sp, #80]
	stp	d12, d13, [sp, #96]
	stp	d14, d15, [sp, #112]
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	mov	x22, x3
	mov	x23, #0
	ldp	q0, q1, [x19, #0]
	ldp	q2, q3, [x19, #32]
	ldp	q4, q5, [x19, #64]
	ldp	q6, q7, [x19, #96]
	ldp	q8, q9, [x19, #128]
	ldp	q10, q11, [x19, #160]
	ldp	q12, q13, [x19, #192]
	ldp	q14, q15, [x19, #224]
	ldp	q16, q17, [x19, #256]
	ldp	q18, q19, [x19, #288]
	ldp	q20, q21, [x19, #320]
	ldp	q22, q23, [x19, #352]
	ldp	q24, q25, [x19, #384]
	ldp	q26, q27, [x19, #416]
	ldp	q28, q29, [x19, #448]
	ldp	q30, q31, [x19, #480]
1:	cbz	x21, 3f
	ldr	x8, [x22]
	ldp	x0, x1, [x22, #8]
	ldp	x2, x3, [x22, #24]
	ldp	x4, x5, [x22, #40]
	svc	#0
	stp	q0, q1, [x20, #0]
	stp	q2, q3, [x20, #32]
	stp	q4, q5, [x20, #64]
	stp	q6, q7, [x20, #96]
	stp	q8, q9, [x20, #128]
	stp	q10, q11, [x20, #160]
	stp	q12, q13, [x20, #192]
	stp	q14, q15, [x20, #224]
	stp	q16, q17, [x20, #256]
	stp	q18, q19, [x20, #288]
	stp	q20, q21, [x20, #320]
	stp	q22, q23, [x20, #352]
	stp	q24, q25, [x20, #384]
	stp	q26, q27, [x20, #416]
	stp	q28, q29, [x20, #448]
	stp	q30, q31, [x20, #480]
	mov	x9, #0			/* word index */
	mov	x10, #0			/* any difference */
2:	ldr	x11, [x19, x9, lsl #3]
	ldr	x12, [x20, x9, lsl #3]
	cmp	x11, x12
	csinc	x10, x10, xzr, eq	/* unequal: 1 */
	add	x9, x9, #1
	cmp	x9, #64
	b.lo	2b
	add	x23, x23, x10
	sub	x21, x21, #1
	b	1b
3:	mov	x0, x23
	ldp	d8, d9, [sp, #64]
	ldp	d10, d11, [sp, #80]
	ldp	d12, d13, [sp, #96]
	ldp	d14, d15, [sp, #112]
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldr	x23, [sp, #48]
	ldp	x29, x30, [sp], #128
	ret

	.globl	fpu_store
fpu_store:
	stp	q0, q1, [x0, #0]
	stp	q2, q3, [x0, #32]
	stp	q4, q5, [x0, #64]
	stp	q6, q7, [x0, #96]
	stp	q8, q9, [x0, #128]
	stp	q10, q11, [x0, #160]
	stp	q12, q13, [x0, #192]
	stp	q14, q15, [x0, #224]
	stp	q16, q17, [x0, #256]
	stp	q18, q19, [x0, #288]
	stp	q20, q21, [x0, #320]
	stp	q22, q23, [x0, #352]
	stp	q24, q25, [x0, #384]
	stp	q26, q27, [x0, #416]
	stp	q28, q29, [x0, #448]
	stp	q30, q31, [x0, #480]
	ret
