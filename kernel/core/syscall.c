// SPDX-License-Identifier: BSD-2-Clause
// System call dispatch: one table, expanded from abi/verdigris/syscalls.def.
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

/* One adapter per call reads the argument registers it needs and converts
 * them to its typed arguments (through uintptr_t, so integers and pointers
 * both convert). */
#define ARG(t, i) ((t)(uintptr_t)arch_regs_arg(a, i))
#define SYSCALL0(n, name)                            \
	static long call_##name(struct arch_regs *a) \
	{                                            \
		(void)a;                             \
		return sys_##name();                 \
	}
#define SYSCALL1(n, name, t1, a1)                    \
	static long call_##name(struct arch_regs *a) \
	{                                            \
		return sys_##name(ARG(t1, 0));       \
	}
#define SYSCALL2(n, name, t1, a1, t2, a2)                  \
	static long call_##name(struct arch_regs *a)       \
	{                                                  \
		return sys_##name(ARG(t1, 0), ARG(t2, 1)); \
	}
#define SYSCALL3(n, name, t1, a1, t2, a2, t3, a3)                      \
	static long call_##name(struct arch_regs *a)                   \
	{                                                              \
		return sys_##name(ARG(t1, 0), ARG(t2, 1), ARG(t3, 2)); \
	}
#define SYSCALL4(n, name, t1, a1, t2, a2, t3, a3, t4, a4)                          \
	static long call_##name(struct arch_regs *a)                               \
	{                                                                          \
		return sys_##name(ARG(t1, 0), ARG(t2, 1), ARG(t3, 2), ARG(t4, 3)); \
	}
#define SYSCALL5(n, name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)                              \
	static long call_##name(struct arch_regs *a)                                           \
	{                                                                                      \
		return sys_##name(ARG(t1, 0), ARG(t2, 1), ARG(t3, 2), ARG(t4, 3), ARG(t5, 4)); \
	}
#define SYSCALL6(n, name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)                     \
	static long call_##name(struct arch_regs *a)                                          \
	{                                                                                     \
		return sys_##name(ARG(t1, 0), ARG(t2, 1), ARG(t3, 2), ARG(t4, 3), ARG(t5, 4), \
				  ARG(t6, 5));                                                \
	}
/* The list must come before the #undefs: no include sorting here. */
// clang-format off
#include <verdigris/syscalls.def>
#include <verdigris/syscall_undef.h>
// clang-format on

#define SYSCALL0(n, name) [n] = call_##name,
#define SYSCALL1(n, name, ...) [n] = call_##name,
#define SYSCALL2(n, name, ...) [n] = call_##name,
#define SYSCALL3(n, name, ...) [n] = call_##name,
#define SYSCALL4(n, name, ...) [n] = call_##name,
#define SYSCALL5(n, name, ...) [n] = call_##name,
#define SYSCALL6(n, name, ...) [n] = call_##name,
static long (*const table[])(struct arch_regs *) = {
#include <verdigris/syscalls.def>
};
#include <verdigris/syscall_undef.h>

void syscall_dispatch(struct arch_regs *r)
{
	uint64_t nr = arch_regs_syscall_nr(r);
	long ret = nr < ARRAY_SIZE(table) && table[nr] ? table[nr](r) : ERR_NOT_SUPPORTED;
	arch_regs_set_result(r, 0, (uint64_t)ret);
}

int current_handle(vg_handle_t h, uint32_t type, uint32_t rights, struct kobject **o)
{
	return handle_lookup(&current_process()->handles, h, type, rights, o, NULL);
}

long give_handle(struct kobject *o, uint32_t rights, uint64_t badge, vg_handle_t *out)
{
	struct handle_table *t = &current_process()->handles;
	vg_handle_t h;
	int err = handle_install(t, o, rights, badge, &h);
	if (err)
		return err;
	if (copy_to_user(out, &h, sizeof(h))) {
		handle_close(t, h);
		return ERR_BAD_ADDRESS;
	}
	return 0;
}
