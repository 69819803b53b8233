/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_ROOTTASK_H
#define KERNEL_ROOTTASK_H

#include <kernel/types.h>

struct boot_info;
struct process;

#define ROOTTASK_DEFAULT "bin/init"
#define USER_STACK_SIZE (256 * 1024)

/* Loads the first user program (static ELF64, path from "init=" on the
 * command line, else ROOTTASK_DEFAULT) from the initrd and starts it with
 * the initial handles: arg0 is a handle to the kernel log, arg1 points at a
 * struct vg_startup on top of its stack (flags, the log, its own process, the
 * root resource). Returns NULL, with the reason logged, when the initrd or
 * the program is missing or malformed. */
struct process *roottask_start(const struct boot_info *bi);

#endif
