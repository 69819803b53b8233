/* SPDX-License-Identifier: BSD-2-Clause */
/* Small privileged instructions for the x86 C code, and the fault probes. */
	.text
	.globl idt_load
idt_load:
	lidt (%rdi)
	ret

/* sti;hlt is atomic: an interrupt pending at the sti still wakes the hlt. */
	.globl arch_wait_for_interrupt
arch_wait_for_interrupt:
	sti
	hlt
	ret

	.globl arch_mmu_switch_kernel
arch_mmu_switch_kernel:
	mov %rdi, %cr3
	ret

	.globl arch_tlb_flush_page
arch_tlb_flush_page:
	invlpg (%rdi)
	ret

/* Flushes global entries too: toggling CR4.PGE drops them. */
	.globl arch_tlb_flush_all
arch_tlb_flush_all:
	mov %cr4, %rax
	mov %rax, %rdx
	xor $(1 << 7), %rdx
	mov %rdx, %cr4
	mov %rax, %cr4
	ret

/* Each probe's faulting instruction is listed in __extable with the place to
 * resume at; x86_trap sends a kernel fault there instead of panicking. */
	.macro extable insn, fixup
	.pushsection __extable, "a"
	.balign 8
	.quad \insn, \fixup
	.popsection
	.endm

/* int arch_probe_read64(const volatile void *addr, uint64_t *out) */
	.globl arch_probe_read64
arch_probe_read64:
1:	mov (%rdi), %rax
	mov %rax, (%rsi)
	xor %eax, %eax
	ret
2:	mov $-1, %eax
	ret
	extable 1b, 2b

/* int arch_probe_write64(volatile void *addr, uint64_t value) */
	.globl arch_probe_write64
arch_probe_write64:
1:	mov %rsi, (%rdi)
	xor %eax, %eax
	ret
2:	mov $-1, %eax
	ret
	extable 1b, 2b

/* int arch_probe_exec(const void *addr): calls addr. A fetch fault there has
 * no extable entry of its own; x86_trap then looks up the return address
 * the call pushed (label 1), pops it and resumes at the fixup. */
	.globl arch_probe_exec
arch_probe_exec:
	call *%rdi
1:	xor %eax, %eax
	ret
2:	mov $-1, %eax
	ret
	extable 1b, 2b
