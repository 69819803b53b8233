// SPDX-License-Identifier: BSD-2-Clause
// The CPU's features for cpu_info, in Linux's RISC-V AT_HWCAP layout: bit
// (letter - 'a') for a single-letter extension. misa is a machine-mode
// register, so the boot hart's riscv,isa in the device tree is what the
// kernel knows (kernel/lib/hwcap.c reads it). Linux reports I, M, A, F, D,
// C and V; V is left out here, as this kernel keeps no vector state (user
// threads run with it off). Linux gives RISC-V no AT_HWCAP2.
#include "riscv.h"
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <kernel/hwcap.h>

void arch_cpu_features(struct vg_cpu_info *out)
{
	const struct fdt *f = boot_fdt();
	out->hwcap = hwcap_riscv_isa(f ? fdt_prop_str(f, boot_cpu_node(f), "riscv,isa") : NULL);
	out->hwcap2 = 0;
}
