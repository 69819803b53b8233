/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Register helpers for tests/user/utest/t_signal_regs.c (x86_64).
 *
 * void intr_spin_regs(void)
 *   Loads xmm0-xmm15 from intr_fp_in (32 words) and rax rbx rcx rdx rsi
 *   rdi rbp r8-r15 from intr_gpr_in (15 words, in that order), then spins
 *   until the word at r15's address is non-zero, reading it into r14; then
 *   stores the same registers to intr_gpr_out and intr_fp_out. An
 *   interruption that arrives while it spins must leave every register as
 *   it was, or the stored values differ from the pattern.
 * void intr_clobber(void)
 *   Loads intr_fp_junk into xmm0-xmm15 and trashes the caller-saved GPRs.
 */
	.text
	.globl	intr_spin_regs
intr_spin_regs:
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	movdqu	intr_fp_in + \n * 16(%rip), %xmm\n
	.endr
	mov	intr_gpr_in + 0(%rip), %rax
	mov	intr_gpr_in + 8(%rip), %rbx
	mov	intr_gpr_in + 16(%rip), %rcx
	mov	intr_gpr_in + 24(%rip), %rdx
	mov	intr_gpr_in + 32(%rip), %rsi
	mov	intr_gpr_in + 40(%rip), %rdi
	mov	intr_gpr_in + 48(%rip), %rbp
	mov	intr_gpr_in + 56(%rip), %r8
	mov	intr_gpr_in + 64(%rip), %r9
	mov	intr_gpr_in + 72(%rip), %r10
	mov	intr_gpr_in + 80(%rip), %r11
	mov	intr_gpr_in + 88(%rip), %r12
	mov	intr_gpr_in + 96(%rip), %r13
	mov	intr_gpr_in + 104(%rip), %r14
	mov	intr_gpr_in + 112(%rip), %r15
1:	mov	(%r15), %r14
	test	%r14, %r14
	jz	1b
	mov	%rax, intr_gpr_out + 0(%rip)
	mov	%rbx, intr_gpr_out + 8(%rip)
	mov	%rcx, intr_gpr_out + 16(%rip)
	mov	%rdx, intr_gpr_out + 24(%rip)
	mov	%rsi, intr_gpr_out + 32(%rip)
	mov	%rdi, intr_gpr_out + 40(%rip)
	mov	%rbp, intr_gpr_out + 48(%rip)
	mov	%r8, intr_gpr_out + 56(%rip)
	mov	%r9, intr_gpr_out + 64(%rip)
	mov	%r10, intr_gpr_out + 72(%rip)
	mov	%r11, intr_gpr_out + 80(%rip)
	mov	%r12, intr_gpr_out + 88(%rip)
	mov	%r13, intr_gpr_out + 96(%rip)
	mov	%r14, intr_gpr_out + 104(%rip)
	mov	%r15, intr_gpr_out + 112(%rip)
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	movdqu	%xmm\n, intr_fp_out + \n * 16(%rip)
	.endr
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	ret

	.globl	intr_clobber
intr_clobber:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	movdqu	intr_fp_junk + \n * 16(%rip), %xmm\n
	.endr
	mov	$-1, %rax
	mov	%rax, %rcx
	mov	%rax, %rdx
	mov	%rax, %rsi
	mov	%rax, %rdi
	mov	%rax, %r8
	mov	%rax, %r9
	mov	%rax, %r10
	mov	%rax, %r11
	ret

/* Faults for the delivery tests: an undefined instruction, a division by
 * zero. */
	.globl	intr_illegal
intr_illegal:
	ud2
	ret

	.globl	intr_divide
intr_divide:
	xor	%ecx, %ecx
	mov	$1, %eax
	xor	%edx, %edx
	div	%ecx
	ret
