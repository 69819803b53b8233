// SPDX-License-Identifier: BSD-2-Clause
// Compiled on every build, linked into nothing. The stubs and primitives are
// static inline, so the compiler only generates code for those a program
// calls, and a bad asm constraint or a syscalls.def line that expands
// wrongly could hide until some later program first uses that call. Here
// every generated stub and every primitive gets an out-of-line copy: each
// build (every arch, both modes) generates their code, and disassembling
// this object shows each call's register use (make user-disasm).
#include <vg/syscall.h>

#define SYSCALL0(n, name)           \
	long vg_check_##name(void); \
	long vg_check_##name(void)  \
	{                           \
		return vg_##name(); \
	}
#define SYSCALL1(n, name, t1, a1)     \
	long vg_check_##name(t1 a1);  \
	long vg_check_##name(t1 a1)   \
	{                             \
		return vg_##name(a1); \
	}
#define SYSCALL2(n, name, t1, a1, t2, a2)   \
	long vg_check_##name(t1 a1, t2 a2); \
	long vg_check_##name(t1 a1, t2 a2)  \
	{                                   \
		return vg_##name(a1, a2);   \
	}
#define SYSCALL3(n, name, t1, a1, t2, a2, t3, a3)  \
	long vg_check_##name(t1 a1, t2 a2, t3 a3); \
	long vg_check_##name(t1 a1, t2 a2, t3 a3)  \
	{                                          \
		return vg_##name(a1, a2, a3);      \
	}
#define SYSCALL4(n, name, t1, a1, t2, a2, t3, a3, t4, a4) \
	long vg_check_##name(t1 a1, t2 a2, t3 a3, t4 a4); \
	long vg_check_##name(t1 a1, t2 a2, t3 a3, t4 a4)  \
	{                                                 \
		return vg_##name(a1, a2, a3, a4);         \
	}
#define SYSCALL5(n, name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	long vg_check_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5);  \
	long vg_check_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5)   \
	{                                                         \
		return vg_##name(a1, a2, a3, a4, a5);             \
	}
#define SYSCALL6(n, name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	long vg_check_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6);   \
	long vg_check_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6)    \
	{                                                                 \
		return vg_##name(a1, a2, a3, a4, a5, a6);                 \
	}
// The list before the #undefs: no include sorting here.
// clang-format off
#include <verdigris/syscalls.def>
#include <verdigris/syscall_undef.h>
// clang-format on

// Every primitive, whether or not a call of its arity exists yet. The
// arguments are distinct so each register's source is visible.
long vg_check_syscall0(long nr);
long vg_check_syscall0(long nr)
{
	return vg_syscall0(nr);
}

long vg_check_syscall1(long nr);
long vg_check_syscall1(long nr)
{
	return vg_syscall1(nr, 0x10);
}

long vg_check_syscall2(long nr);
long vg_check_syscall2(long nr)
{
	return vg_syscall2(nr, 0x10, 0x11);
}

long vg_check_syscall3(long nr);
long vg_check_syscall3(long nr)
{
	return vg_syscall3(nr, 0x10, 0x11, 0x12);
}

long vg_check_syscall4(long nr);
long vg_check_syscall4(long nr)
{
	return vg_syscall4(nr, 0x10, 0x11, 0x12, 0x13);
}

long vg_check_syscall5(long nr);
long vg_check_syscall5(long nr)
{
	return vg_syscall5(nr, 0x10, 0x11, 0x12, 0x13, 0x14);
}

long vg_check_syscall6(long nr);
long vg_check_syscall6(long nr)
{
	return vg_syscall6(nr, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15);
}

long vg_check_syscall6_r(long nr, const uint64_t a[6], uint64_t out[5]);
long vg_check_syscall6_r(long nr, const uint64_t a[6], uint64_t out[5])
{
	return vg_syscall6_r(nr, a, out);
}

// The extra results must survive: a call whose r1..r5 feed the next one.
long vg_check_syscall6_r_chain(long nr, uint64_t out[5]);
long vg_check_syscall6_r_chain(long nr, uint64_t out[5])
{
	const uint64_t a[6] = { 1, 2, 3, 4, 5, 6 };
	uint64_t mid[5];
	long r = vg_syscall6_r(nr, a, mid);
	const uint64_t b[6] = { (uint64_t)r, mid[0], mid[1], mid[2], mid[3], mid[4] };
	return vg_syscall6_r(nr, b, out);
}
