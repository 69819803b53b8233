/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V 64 system call primitives, included by <vg/syscall.h> only.
 *
 * ABI: `ecall` with the number in a7 and arguments in a0-a5. The primary
 * result comes back in a0 and the extra results r1..r5 in a1-a5 (the
 * registers of arguments 1..5). Every other register, a7 included, is
 * preserved.
 *
 * Inline asm rather than out-of-line .S stubs: a system call is one
 * instruction, and inline the compiler loads the arguments straight into
 * their registers and knows exactly which registers die, instead of
 * treating every caller-saved register as lost around a call. Result
 * registers that carry an argument are "+r", the others are clobbers, so
 * a call whose extra results are ignored still tells the compiler they
 * changed. "memory": the kernel reads and writes through pointer arguments.
 */
#ifndef VG_ARCH_SYSCALL_H
#define VG_ARCH_SYSCALL_H

#include <stdint.h>

/* How far below a 16-byte aligned stack top a new thread's stack pointer
 * starts: sp is 16-byte aligned at a function entry. */
#define VG_ENTRY_SP_BIAS 0

/* The thread pointer (tp). The control block lies just below it: the
 * RISC-V TLS ABI keeps the space at and above it for the TLS blocks. */
#define VG_TCB_BELOW_TP 1
static inline uintptr_t vg_arch_thread_pointer(void)
{
	uintptr_t tp;
	__asm__("mv %0, tp" : "=r"(tp));
	return tp;
}

/* The ELF machine of this architecture's programs, and the end of the user
 * address space (the kernel's USER_TOP): for loading programs. */
#define VG_ELF_MACHINE 243
#define VG_USER_TOP 0x3ffffff000ull

static inline long vg_syscall0(long nr)
{
	register long a7 __asm__("a7") = nr;
	register long a0 __asm__("a0");
	__asm__ volatile("ecall" : "=r"(a0) : "r"(a7) : "a1", "a2", "a3", "a4", "a5", "memory");
	return a0;
}

static inline long vg_syscall1(long nr, uint64_t arg0)
{
	register long a7 __asm__("a7") = nr;
	register uint64_t a0 __asm__("a0") = arg0;
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "a1", "a2", "a3", "a4", "a5", "memory");
	return (long)a0;
}

static inline long vg_syscall2(long nr, uint64_t arg0, uint64_t arg1)
{
	register long a7 __asm__("a7") = nr;
	register uint64_t a0 __asm__("a0") = arg0;
	register uint64_t a1 __asm__("a1") = arg1;
	__asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a7) : "a2", "a3", "a4", "a5", "memory");
	return (long)a0;
}

static inline long vg_syscall3(long nr, uint64_t arg0, uint64_t arg1, uint64_t arg2)
{
	register long a7 __asm__("a7") = nr;
	register uint64_t a0 __asm__("a0") = arg0;
	register uint64_t a1 __asm__("a1") = arg1;
	register uint64_t a2 __asm__("a2") = arg2;
	__asm__ volatile("ecall"
			 : "+r"(a0), "+r"(a1), "+r"(a2)
			 : "r"(a7)
			 : "a3", "a4", "a5", "memory");
	return (long)a0;
}

static inline long vg_syscall4(long nr, uint64_t arg0, uint64_t arg1, uint64_t arg2, uint64_t arg3)
{
	register long a7 __asm__("a7") = nr;
	register uint64_t a0 __asm__("a0") = arg0;
	register uint64_t a1 __asm__("a1") = arg1;
	register uint64_t a2 __asm__("a2") = arg2;
	register uint64_t a3 __asm__("a3") = arg3;
	__asm__ volatile("ecall"
			 : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3)
			 : "r"(a7)
			 : "a4", "a5", "memory");
	return (long)a0;
}

static inline long vg_syscall5(long nr, uint64_t arg0, uint64_t arg1, uint64_t arg2, uint64_t arg3,
			       uint64_t arg4)
{
	register long a7 __asm__("a7") = nr;
	register uint64_t a0 __asm__("a0") = arg0;
	register uint64_t a1 __asm__("a1") = arg1;
	register uint64_t a2 __asm__("a2") = arg2;
	register uint64_t a3 __asm__("a3") = arg3;
	register uint64_t a4 __asm__("a4") = arg4;
	__asm__ volatile("ecall"
			 : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4)
			 : "r"(a7)
			 : "a5", "memory");
	return (long)a0;
}

static inline long vg_syscall6(long nr, uint64_t arg0, uint64_t arg1, uint64_t arg2, uint64_t arg3,
			       uint64_t arg4, uint64_t arg5)
{
	register long a7 __asm__("a7") = nr;
	register uint64_t a0 __asm__("a0") = arg0;
	register uint64_t a1 __asm__("a1") = arg1;
	register uint64_t a2 __asm__("a2") = arg2;
	register uint64_t a3 __asm__("a3") = arg3;
	register uint64_t a4 __asm__("a4") = arg4;
	register uint64_t a5 __asm__("a5") = arg5;
	__asm__ volatile("ecall"
			 : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(a5)
			 : "r"(a7)
			 : "memory");
	return (long)a0;
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
	register long a7 __asm__("a7") = nr;
	register uint64_t a0 __asm__("a0") = in0;
	register uint64_t a1 __asm__("a1") = in1;
	register uint64_t a2 __asm__("a2") = in2;
	register uint64_t a3 __asm__("a3") = in3;
	register uint64_t a4 __asm__("a4") = in4;
	register uint64_t a5 __asm__("a5") = in5;
	__asm__ volatile("ecall"
			 : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(a5)
			 : "r"(a7)
			 : "memory");
	out[0] = a1;
	out[1] = a2;
	out[2] = a3;
	out[3] = a4;
	out[4] = a5;
	return (long)a0;
}

#endif
