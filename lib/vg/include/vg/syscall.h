/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The system call stubs: one `static inline long vg_<name>(...)` per line of
 * abi/verdigris/syscalls.def, expanded here by the preprocessor, so that a
 * call added to (or changed in) that one list appears here with its exact
 * C prototype and number and can never drift from the kernel's dispatch
 * table, which expands the same list.
 *
 * Each stub converts its arguments to 64-bit register values and calls the
 * per-arch primitive vg_syscall<n> (arch/<arch>/include/vg/arch_syscall.h).
 * Every stub returns the primary result: >= 0 success (or a value), a
 * negative ERR_* code (errors.def) otherwise. Calls that return more than
 * one word (IPC) use vg_syscall6_r, which also hands back r1..r5.
 */
#ifndef VG_SYSCALL_H
#define VG_SYSCALL_H

#include <stdint.h>
#include <verdigris/types.h>
#include <vg/arch_syscall.h>

/*
 * An argument as a register value. Through uintptr_t so that one macro
 * serves pointers and integers alike: signed values sign-extend (a long
 * of -1 is all ones, as the kernel's long parameter expects), unsigned
 * ones zero-extend.
 */
#define VG_SC_ARG(x) ((uint64_t)(uintptr_t)(x))

#define SYSCALL0(n, name)                  \
	static inline long vg_##name(void) \
	{                                  \
		return vg_syscall0(n);     \
	}
#define SYSCALL1(n, name, t1, a1)                     \
	static inline long vg_##name(t1 a1)           \
	{                                             \
		return vg_syscall1(n, VG_SC_ARG(a1)); \
	}
#define SYSCALL2(n, name, t1, a1, t2, a2)                            \
	static inline long vg_##name(t1 a1, t2 a2)                   \
	{                                                            \
		return vg_syscall2(n, VG_SC_ARG(a1), VG_SC_ARG(a2)); \
	}
#define SYSCALL3(n, name, t1, a1, t2, a2, t3, a3)                                   \
	static inline long vg_##name(t1 a1, t2 a2, t3 a3)                           \
	{                                                                           \
		return vg_syscall3(n, VG_SC_ARG(a1), VG_SC_ARG(a2), VG_SC_ARG(a3)); \
	}
#define SYSCALL4(n, name, t1, a1, t2, a2, t3, a3, t4, a4)                                          \
	static inline long vg_##name(t1 a1, t2 a2, t3 a3, t4 a4)                                   \
	{                                                                                          \
		return vg_syscall4(n, VG_SC_ARG(a1), VG_SC_ARG(a2), VG_SC_ARG(a3), VG_SC_ARG(a4)); \
	}
#define SYSCALL5(n, name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)                                 \
	static inline long vg_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5)                           \
	{                                                                                         \
		return vg_syscall5(n, VG_SC_ARG(a1), VG_SC_ARG(a2), VG_SC_ARG(a3), VG_SC_ARG(a4), \
				   VG_SC_ARG(a5));                                                \
	}
#define SYSCALL6(n, name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)                         \
	static inline long vg_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6)                    \
	{                                                                                         \
		return vg_syscall6(n, VG_SC_ARG(a1), VG_SC_ARG(a2), VG_SC_ARG(a3), VG_SC_ARG(a4), \
				   VG_SC_ARG(a5), VG_SC_ARG(a6));                                 \
	}
/* The list before the #undefs: no include sorting here. */
// clang-format off
#include <verdigris/syscalls.def>
#include <verdigris/syscall_undef.h>
// clang-format on

/*
 * The name of a call number, for tracing and error messages; NULL if
 * there is no such call. Generated from the same list, and a switch: two
 * lines with one number are a compile error here ("duplicate case value").
 */
#define VG_SC_CASE(n, name) \
	case n: return #name;
static inline const char *vg_syscall_name(long nr)
{
	switch (nr) {
#define SYSCALL0(n, name) VG_SC_CASE(n, name)
#define SYSCALL1(n, name, ...) VG_SC_CASE(n, name)
#define SYSCALL2(n, name, ...) VG_SC_CASE(n, name)
#define SYSCALL3(n, name, ...) VG_SC_CASE(n, name)
#define SYSCALL4(n, name, ...) VG_SC_CASE(n, name)
#define SYSCALL5(n, name, ...) VG_SC_CASE(n, name)
#define SYSCALL6(n, name, ...) VG_SC_CASE(n, name)
#include <verdigris/syscalls.def>
	default: return NULL;
	}
}
#include <verdigris/syscall_undef.h>
#undef VG_SC_CASE

#endif
