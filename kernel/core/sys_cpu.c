// SPDX-License-Identifier: BSD-2-Clause
// cpu_info: the CPU's features as Linux's auxiliary vector gives them to a
// program (AT_HWCAP, AT_HWCAP2). Only the kernel may read what the CPU
// says of itself on AArch64 (the ID registers) and RISC-V (the device
// tree), and only it knows which features it supports for user code (FP
// and vector state it saves): each architecture's arch_cpu_features.
#include <kernel/hal.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>
#include <verdigris/types.h>

long sys_cpu_info(struct vg_cpu_info *out, uint64_t size)
{
	if (size != sizeof(struct vg_cpu_info))
		return ERR_INVALID_ARGS;
	struct vg_cpu_info info = { 0, 0 };
	arch_cpu_features(&info);
	return copy_to_user(out, &info, sizeof(info)) ? ERR_BAD_ADDRESS : 0;
}
