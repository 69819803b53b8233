/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AArch64 system call primitives, included by <vg/syscall.h> only.
 *
 * ABI: `svc #0` with the number in x8 and arguments in x0-x5. The primary
 * result comes back in x0 and the extra results r1..r5 in x1-x5 (the
 * registers of arguments 1..5). Every other register, x8 included, is
 * preserved.
 *
 * Inline asm rather than out-of-line .S stubs: a system call is one
 * instruction, and inline the compiler loads the arguments straight into
 * their registers and knows exactly which registers die, instead of
 * treating every call-clobbered register as lost around a bl. Result
 * registers that carry an argument are "+r", the others are clobbers, so
 * a call whose extra results are ignored still tells the compiler they
 * changed. "memory": the kernel reads and writes through pointer arguments.
 */
#ifndef VG_ARCH_SYSCALL_H
#define VG_ARCH_SYSCALL_H

#include <stdint.h>

/* How far below a 16-byte aligned stack top a new thread's stack pointer
 * starts: sp stays 16-byte aligned at all times. */
#define VG_ENTRY_SP_BIAS 0

/* The thread pointer (TPIDR_EL0). The control block lies just below it:
 * the AArch64 TLS ABI keeps the space at and above it for the TLS blocks. */
#define VG_TCB_BELOW_TP 1
static inline uintptr_t vg_arch_thread_pointer(void)
{
	uintptr_t tp;
	__asm__("mrs %0, tpidr_el0" : "=r"(tp));
	return tp;
}

/* The ELF machine of this architecture's programs, and the end of the user
 * address space (the kernel's USER_TOP): for loading programs. */
#define VG_ELF_MACHINE 183
#define VG_USER_TOP 0x0000fffffffff000ull

static inline long vg_syscall0(long nr)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0");
	__asm__ volatile("svc #0" : "=r"(x0) : "r"(x8) : "x1", "x2", "x3", "x4", "x5", "memory");
	return x0;
}

static inline long vg_syscall1(long nr, uint64_t a0)
{
	register long x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8) : "x1", "x2", "x3", "x4", "x5", "memory");
	return (long)x0;
}

static inline long vg_syscall2(long nr, uint64_t a0, uint64_t a1)
{
	register long x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	register uint64_t x1 __asm__("x1") = a1;
	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x1)
			 : "r"(x8)
			 : "x2", "x3", "x4", "x5", "memory");
	return (long)x0;
}

static inline long vg_syscall3(long nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
	register long x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2)
			 : "r"(x8)
			 : "x3", "x4", "x5", "memory");
	return (long)x0;
}

static inline long vg_syscall4(long nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register long x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;
	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
			 : "r"(x8)
			 : "x4", "x5", "memory");
	return (long)x0;
}

static inline long vg_syscall5(long nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
			       uint64_t a4)
{
	register long x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;
	register uint64_t x4 __asm__("x4") = a4;
	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4)
			 : "r"(x8)
			 : "x5", "memory");
	return (long)x0;
}

static inline long vg_syscall6(long nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
			       uint64_t a4, uint64_t a5)
{
	register long x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;
	register uint64_t x4 __asm__("x4") = a4;
	register uint64_t x5 __asm__("x5") = a5;
	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5)
			 : "r"(x8)
			 : "memory");
	return (long)x0;
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
	register long x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = in0;
	register uint64_t x1 __asm__("x1") = in1;
	register uint64_t x2 __asm__("x2") = in2;
	register uint64_t x3 __asm__("x3") = in3;
	register uint64_t x4 __asm__("x4") = in4;
	register uint64_t x5 __asm__("x5") = in5;
	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5)
			 : "r"(x8)
			 : "memory");
	out[0] = x1;
	out[1] = x2;
	out[2] = x3;
	out[3] = x4;
	out[4] = x5;
	return (long)x0;
}

#endif
