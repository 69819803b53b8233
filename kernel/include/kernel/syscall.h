/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include <kernel/object.h>

/* The kernel's half of every system call, declared from the one list in
 * abi/verdigris/syscalls.def; the dispatch table comes from the same list. */
#define SYSCALL0(n, name) long sys_##name(void);
#define SYSCALL1(n, name, t1, a1) long sys_##name(t1 a1);
#define SYSCALL2(n, name, t1, a1, t2, a2) long sys_##name(t1 a1, t2 a2);
#define SYSCALL3(n, name, t1, a1, t2, a2, t3, a3) long sys_##name(t1 a1, t2 a2, t3 a3);
#define SYSCALL4(n, name, t1, a1, t2, a2, t3, a3, t4, a4) \
	long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4);
#define SYSCALL5(n, name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5);
#define SYSCALL6(n, name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	long sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6);
/* The list must come before the #undefs: no include sorting here. */
// clang-format off
#include <verdigris/syscalls.def>
#include <verdigris/syscall_undef.h>
// clang-format on

/* Looks up a handle of the current process (see handle_lookup). */
int current_handle(vg_handle_t h, uint32_t type, uint32_t rights, struct kobject **o);
/* Installs a handle in the current process and writes its value to the
 * user pointer out; on failure nothing is left installed. */
long give_handle(struct kobject *o, uint32_t rights, uint64_t badge, vg_handle_t *out);

/* The kernel log object; the root task gets a handle to it. */
struct kobject *log_object(void);

#endif
