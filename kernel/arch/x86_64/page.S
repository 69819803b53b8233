/* SPDX-License-Identifier: BSD-2-Clause */
/* Whole-page copy and zero (hal.h): rep movsq / rep stosq, 512 moves a
 * page, fewer instructions than the generic word loop. */
	.text
/* void arch_page_copy(void *dst, const void *src) */
	.globl arch_page_copy
arch_page_copy:
	mov $512, %ecx
	rep movsq
	ret

/* void arch_page_zero(void *dst) */
	.globl arch_page_zero
arch_page_zero:
	xor %eax, %eax
	mov $512, %ecx
	rep stosq
	ret
