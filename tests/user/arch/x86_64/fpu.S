/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * FP register helpers for tests/user/utest/t_fpu.c (x86_64: xmm0-xmm15, 32
 * words).
 *
 * long fpu_check_loop(const uint64_t *pattern, uint64_t *scratch, long n,
 *                     const uint64_t *sys)
 *   Loads xmm0-xmm15 from pattern, then n times: the system call sys[0]
 *   with arguments sys[1..6], the registers stored to scratch and compared
 *   with pattern. Returns how many of the n calls came back with any
 *   register changed. No C runs in between, so only the kernel can have
 *   changed them.
 * void fpu_store(uint64_t *buf)
 *   Stores xmm0-xmm15 to buf.
 * All xmm registers are caller-saved (SysV): nothing to preserve there.
 */
	.text
	.globl	fpu_check_loop
fpu_check_loop:
	push	%rbx
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rdi, %r12
	mov	%rsi, %r13
	mov	%rdx, %r14
	mov	%rcx, %r15
	xor	%ebx, %ebx
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	movdqu	(\n * 16)(%r12), %xmm\n
	.endr
1:	test	%r14, %r14
	jz	4f
	mov	0(%r15), %rax
	mov	8(%r15), %rdi
	mov	16(%r15), %rsi
	mov	24(%r15), %rdx
	mov	32(%r15), %r10
	mov	40(%r15), %r8
	mov	48(%r15), %r9
	syscall
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	movdqu	%xmm\n, (\n * 16)(%r13)
	.endr
	xor	%ecx, %ecx		/* word index */
	xor	%eax, %eax		/* any difference */
2:	mov	(%r12,%rcx,8), %rdx
	cmp	(%r13,%rcx,8), %rdx
	je	3f
	mov	$1, %eax
3:	inc	%rcx
	cmp	$32, %rcx
	jb	2b
	add	%rax, %rbx
	dec	%r14
	jmp	1b
4:	mov	%rbx, %rax
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbx
	ret

	.globl	fpu_store
fpu_store:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	movdqu	%xmm\n, (\n * 16)(%rdi)
	.endr
	ret
