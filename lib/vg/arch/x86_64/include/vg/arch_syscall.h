/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 system call primitives, included by <vg/syscall.h> only.
 *
 * ABI: `syscall` with the number in rax and arguments in rdi, rsi, rdx, r10,
 * r8, r9 (r10, not rcx: the instruction itself overwrites rcx with the
 * return rip and r11 with rflags). The primary result comes back in rax and
 * the extra results r1..r5 in rsi, rdx, r10, r8, r9: the registers of
 * arguments 1..5. Every other register, rdi included, is preserved.
 *
 * Inline asm rather than out-of-line .S stubs: a system call is one
 * instruction, and inline the compiler loads the arguments straight into
 * their registers, knows exactly which registers die (no call-clobber of
 * all caller-saved registers) and needs no call/ret around it. The price is
 * that every primitive must name each register the kernel may change:
 * result registers that carry an argument are "+r", the others are
 * clobbers, so even a call whose results are ignored cannot leave stale
 * values the compiler believes in. "memory" because the kernel reads and
 * writes user memory through pointer arguments.
 */
#ifndef VG_ARCH_SYSCALL_H
#define VG_ARCH_SYSCALL_H

#include <stdint.h>

#define VG_SC_CLOBBER "rcx", "r11", "memory"

/* How far below a 16-byte aligned stack top a new thread's stack pointer
 * starts: a function is entered as if called: rsp % 16 == 8. */
#define VG_ENTRY_SP_BIAS 8

/* The thread pointer (FS base, set through thread_set_tls): it points at
 * the thread's control block, whose first word points at itself, so that
 * one load through %fs finds it (the x86-64 TLS ABI's variant II). */
#define VG_TCB_BELOW_TP 0
static inline uintptr_t vg_arch_thread_pointer(void)
{
	uintptr_t tp;
	__asm__("mov %%fs:0, %0" : "=r"(tp));
	return tp;
}

/* The ELF machine of this architecture's programs, and the end of the user
 * address space (the kernel's USER_TOP): for loading programs. */
#define VG_ELF_MACHINE 62
#define VG_USER_TOP 0x00007ffffffff000ull

static inline long vg_syscall0(long nr)
{
	register long rax __asm__("rax") = nr;
	__asm__ volatile("syscall" : "+r"(rax) : : "rsi", "rdx", "r10", "r8", "r9", VG_SC_CLOBBER);
	return rax;
}

static inline long vg_syscall1(long nr, uint64_t a0)
{
	register long rax __asm__("rax") = nr;
	register uint64_t r0 __asm__("rdi") = a0;
	__asm__ volatile("syscall"
			 : "+r"(rax)
			 : "r"(r0)
			 : "rsi", "rdx", "r10", "r8", "r9", VG_SC_CLOBBER);
	return rax;
}

static inline long vg_syscall2(long nr, uint64_t a0, uint64_t a1)
{
	register long rax __asm__("rax") = nr;
	register uint64_t r0 __asm__("rdi") = a0;
	register uint64_t r1 __asm__("rsi") = a1;
	__asm__ volatile("syscall"
			 : "+r"(rax), "+r"(r1)
			 : "r"(r0)
			 : "rdx", "r10", "r8", "r9", VG_SC_CLOBBER);
	return rax;
}

static inline long vg_syscall3(long nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
	register long rax __asm__("rax") = nr;
	register uint64_t r0 __asm__("rdi") = a0;
	register uint64_t r1 __asm__("rsi") = a1;
	register uint64_t r2 __asm__("rdx") = a2;
	__asm__ volatile("syscall"
			 : "+r"(rax), "+r"(r1), "+r"(r2)
			 : "r"(r0)
			 : "r10", "r8", "r9", VG_SC_CLOBBER);
	return rax;
}

static inline long vg_syscall4(long nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register long rax __asm__("rax") = nr;
	register uint64_t r0 __asm__("rdi") = a0;
	register uint64_t r1 __asm__("rsi") = a1;
	register uint64_t r2 __asm__("rdx") = a2;
	register uint64_t r3 __asm__("r10") = a3;
	__asm__ volatile("syscall"
			 : "+r"(rax), "+r"(r1), "+r"(r2), "+r"(r3)
			 : "r"(r0)
			 : "r8", "r9", VG_SC_CLOBBER);
	return rax;
}

static inline long vg_syscall5(long nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
			       uint64_t a4)
{
	register long rax __asm__("rax") = nr;
	register uint64_t r0 __asm__("rdi") = a0;
	register uint64_t r1 __asm__("rsi") = a1;
	register uint64_t r2 __asm__("rdx") = a2;
	register uint64_t r3 __asm__("r10") = a3;
	register uint64_t r4 __asm__("r8") = a4;
	__asm__ volatile("syscall"
			 : "+r"(rax), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4)
			 : "r"(r0)
			 : "r9", VG_SC_CLOBBER);
	return rax;
}

static inline long vg_syscall6(long nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
			       uint64_t a4, uint64_t a5)
{
	register long rax __asm__("rax") = nr;
	register uint64_t r0 __asm__("rdi") = a0;
	register uint64_t r1 __asm__("rsi") = a1;
	register uint64_t r2 __asm__("rdx") = a2;
	register uint64_t r3 __asm__("r10") = a3;
	register uint64_t r4 __asm__("r8") = a4;
	register uint64_t r5 __asm__("r9") = a5;
	__asm__ volatile("syscall"
			 : "+r"(rax), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5)
			 : "r"(r0)
			 : VG_SC_CLOBBER);
	return rax;
}

/* Six arguments in, the primary result returned and r1..r5 stored in
 * out[0..4]: the shape IPC calls need (message words come back in
 * registers). */
static inline long vg_syscall6_r(long nr, const uint64_t a[6], uint64_t out[5])
{
	/* Inputs read before the register variables are set, so that only
	 * plain copies sit between them and the asm (register variables are
	 * only bound at the asm; GCC documents that other code in between
	 * may reuse the registers). */
	uint64_t in0 = a[0], in1 = a[1], in2 = a[2], in3 = a[3], in4 = a[4], in5 = a[5];
	register long rax __asm__("rax") = nr;
	register uint64_t r0 __asm__("rdi") = in0;
	register uint64_t r1 __asm__("rsi") = in1;
	register uint64_t r2 __asm__("rdx") = in2;
	register uint64_t r3 __asm__("r10") = in3;
	register uint64_t r4 __asm__("r8") = in4;
	register uint64_t r5 __asm__("r9") = in5;
	__asm__ volatile("syscall"
			 : "+r"(rax), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5)
			 : "r"(r0)
			 : VG_SC_CLOBBER);
	out[0] = r1;
	out[1] = r2;
	out[2] = r3;
	out[3] = r4;
	out[4] = r5;
	return rax;
}

#undef VG_SC_CLOBBER

#endif
