/* SPDX-License-Identifier: BSD-2-Clause */
/* Whole-page copy and zero (hal.h): 64 bytes a turn in register pairs,
 * fewer instructions than the generic word loop. */
	.text
/* void arch_page_copy(void *dst, const void *src) */
	.globl arch_page_copy
arch_page_copy:
	add x2, x0, #4096
1:	ldp x3, x4, [x1]
	ldp x5, x6, [x1, #16]
	ldp x7, x8, [x1, #32]
	ldp x9, x10, [x1, #48]
	add x1, x1, #64
	stp x3, x4, [x0]
	stp x5, x6, [x0, #16]
	stp x7, x8, [x0, #32]
	stp x9, x10, [x0, #48]
	add x0, x0, #64
	cmp x0, x2
	b.ne 1b
	ret

/* void arch_page_zero(void *dst) */
	.globl arch_page_zero
arch_page_zero:
	add x2, x0, #4096
1:	stp xzr, xzr, [x0]
	stp xzr, xzr, [x0, #16]
	stp xzr, xzr, [x0, #32]
	stp xzr, xzr, [x0, #48]
	add x0, x0, #64
	cmp x0, x2
	b.ne 1b
	ret
