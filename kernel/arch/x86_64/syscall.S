/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * System call entry (SYSCALL) and the first entry to user mode. SYSCALL
 * leaves the user's rsp in place, rip in rcx and rflags in r11, with
 * interrupts masked (SFMASK); we switch to the thread's kernel stack through
 * the per-CPU data at GS and build the same struct arch_regs an interrupt
 * from ring 3 would, so one frame layout serves every entry. The return goes
 * through iretq, which restores rip, rflags and rsp from that frame
 * whatever the kernel did to it.
 */
#define USER_CS 0x23
#define USER_SS 0x1b
#define VEC_SYSCALL 256

#include <arch/frame.inc>

	.text
	.globl syscall_entry
syscall_entry:
	swapgs
	mov %rsp, %gs:8
	mov %gs:0, %rsp
	pushq $USER_SS
	pushq %gs:8
	push %r11
	pushq $USER_CS
	push %rcx
	pushq $0
	pushq $VEC_SYSCALL
	PUSH_REGS
	mov %rsp, %rdi
	xor %ebp, %ebp                  /* backtraces stop at the user boundary */
	sti
	call x86_syscall
	cli
	jmp return_to_user

/* _Noreturn void arch_enter_user(struct arch_regs *r) */
	.globl arch_enter_user
arch_enter_user:
	cli
	mov %rdi, %rsp
return_to_user:
	POP_REGS
	add $16, %rsp
	swapgs
	iretq

/* FP/SIMD state (fxsave area, 512 bytes, 16-byte aligned). */
	.globl arch_fpu_save
arch_fpu_save:
	fxsave64 (%rdi)
	ret

	.globl arch_fpu_restore
arch_fpu_restore:
	fxrstor64 (%rdi)
	ret

/* int arch_copy_from_user(void *dst, const void *usrc, size_t n) and the
 * other direction: the words with one string copy, then the bytes left with
 * another (eight bytes per step: a string copy costs per step under
 * emulation). A fault on a page not touched yet is resolved and the
 * instruction restarted where it stopped (trap.c); any other resumes at
 * the fixup. */
	.globl arch_copy_from_user
	.globl arch_copy_to_user
arch_copy_from_user:
arch_copy_to_user:
	mov %rdx, %rcx
	shr $3, %rcx
1:	rep movsq
	mov %rdx, %rcx
	and $7, %rcx
3:	rep movsb
	xor %eax, %eax
	ret
2:	mov $-1, %eax
	ret
	.pushsection __extable, "a"
	.balign 8
	.quad 1b, 2b
	.quad 3b, 2b
	.popsection
