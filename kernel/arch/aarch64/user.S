/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * User-mode helpers in assembly: the FP/SIMD state of user threads, and
 * copies between kernel and user memory.
 */
#include <arch/hal_arch.h>

	.arch_extension fp
	.arch_extension simd

/* An exception-table entry: a fault at insn resumes at fixup. */
.macro extable insn, fixup
	.pushsection __extable, "a"
	.balign 8
	.quad	\insn, \fixup
	.popsection
.endm

	.text
/*
 * FP/SIMD state, ARCH_FPU_STATE_SIZE bytes, 16-byte aligned: q0-q31 at
 * 0..511, FPCR at 512, FPSR at 520. The kernel itself never touches these
 * registers (-mgeneral-regs-only), so the user's values stay live in them
 * across kernel entries; the scheduler saves and restores them eagerly.
 * void arch_fpu_save(void *state)
 */
	.globl	arch_fpu_save
arch_fpu_save:
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
	mrs	x1, fpcr
	mrs	x2, fpsr
	str	x1, [x0, #512]
	str	x2, [x0, #520]
	ret

/* void arch_fpu_restore(const void *state) */
	.globl	arch_fpu_restore
arch_fpu_restore:
	ldp	q0, q1, [x0, #0]
	ldp	q2, q3, [x0, #32]
	ldp	q4, q5, [x0, #64]
	ldp	q6, q7, [x0, #96]
	ldp	q8, q9, [x0, #128]
	ldp	q10, q11, [x0, #160]
	ldp	q12, q13, [x0, #192]
	ldp	q14, q15, [x0, #224]
	ldp	q16, q17, [x0, #256]
	ldp	q18, q19, [x0, #288]
	ldp	q20, q21, [x0, #320]
	ldp	q22, q23, [x0, #352]
	ldp	q24, q25, [x0, #384]
	ldp	q26, q27, [x0, #416]
	ldp	q28, q29, [x0, #448]
	ldp	q30, q31, [x0, #480]
	ldr	x1, [x0, #512]
	ldr	x2, [x0, #520]
	msr	fpcr, x1
	msr	fpsr, x2
	ret

/*
 * int arch_copy_from_user(void *dst, const void *usrc, size_t n)
 * int arch_copy_to_user(void *udst, const void *src, size_t n)
 * 0, or -1 if a user access faulted. The user side uses the unprivileged
 * LDTR/STTR forms: they check the page tables' EL0 permissions (a user
 * pointer to memory only the kernel may touch faults, and a read-only user
 * page refuses a write) and keep working should PAN ever be enabled.
 * Unaligned 8-byte accesses are fine on normal memory (SCTLR_EL1.A is 0).
 * Each user access has an exception-table entry; trap.c first tries to
 * resolve a fault inside [aarch64_usercopy_start, aarch64_usercopy_end) as
 * a user page fault (pages appear on first touch) and otherwise resumes at
 * the fixup.
 */
	.globl	aarch64_usercopy_start, aarch64_usercopy_end
	.globl	arch_copy_from_user
aarch64_usercopy_start:
arch_copy_from_user:
	cmp	x2, #8
	b.lo	2f
1:	ldtr	x3, [x1]
	str	x3, [x0], #8
	add	x1, x1, #8
	sub	x2, x2, #8
	cmp	x2, #8
	b.hs	1b
2:	cbz	x2, 4f
3:	ldtrb	w3, [x1]
	strb	w3, [x0], #1
	add	x1, x1, #1
	subs	x2, x2, #1
	b.ne	3b
4:	mov	w0, #0
	ret
	extable	1b, copy_fault
	extable	3b, copy_fault

	.globl	arch_copy_to_user
arch_copy_to_user:
	cmp	x2, #8
	b.lo	2f
1:	ldr	x3, [x1], #8
5:	sttr	x3, [x0]
	add	x0, x0, #8
	sub	x2, x2, #8
	cmp	x2, #8
	b.hs	1b
2:	cbz	x2, 4f
3:	ldrb	w3, [x1], #1
6:	sttrb	w3, [x0]
	add	x0, x0, #1
	subs	x2, x2, #1
	b.ne	3b
4:	mov	w0, #0
	ret
	extable	5b, copy_fault
	extable	6b, copy_fault

copy_fault:
	mov	w0, #-1
	ret
aarch64_usercopy_end:
