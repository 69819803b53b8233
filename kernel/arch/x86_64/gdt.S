/* SPDX-License-Identifier: BSD-2-Clause */
	.text
/* void gdt_load(const struct gdt_ptr *p, uint16_t tss_sel) */
	.globl gdt_load
gdt_load:
	lgdt (%rdi)
	mov $0x10, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	/* Reload CS with a far return. */
	pushq $0x08
	leaq 1f(%rip), %rax
	pushq %rax
	lretq
1:	ltr %si
	ret
