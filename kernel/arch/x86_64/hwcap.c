// SPDX-License-Identifier: BSD-2-Clause
// The CPU's features for cpu_info: Linux's x86_64 AT_HWCAP is CPUID leaf
// 1's EDX as the CPU gives it; AT_HWCAP2's two bits (ring-3 MONITOR,
// FSGSBASE) need kernel support this kernel does not give, so it is 0.
#include <arch/x86.h>
#include <kernel/hal.h>
#include <verdigris/types.h>

void arch_cpu_features(struct vg_cpu_info *out)
{
	uint32_t r[4];
	cpuid(1, 0, r);
	out->hwcap = r[3];
	out->hwcap2 = 0;
}
