// SPDX-License-Identifier: BSD-2-Clause
// The CPU's features for cpu_info, in Linux's RISC-V AT_HWCAP layout: bit
// (letter - 'a') for a single-letter extension. misa is a machine-mode
// register, so the boot hart's riscv,isa in the device tree is what the
// kernel knows (e.g. "rv64imafdch_zicsr_zifencei": the letters before the
// first multi-letter extension, 'g' meaning "imafd"). Linux reports I, M, A, F, D, C and V
// only; V is left out here, as this kernel keeps no vector state (user
// threads run with it off).
#include "riscv.h"
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <verdigris/types.h>

static uint64_t bit(char letter)
{
	return 1ull << (letter - 'a');
}

void arch_cpu_features(struct vg_cpu_info *out)
{
	const uint64_t reported = bit('i') | bit('m') | bit('a') | bit('f') | bit('d') | bit('c');
	const struct fdt *f = boot_fdt();
	const char *isa = f ? fdt_prop_str(f, boot_cpu_node(f), "riscv,isa") : NULL;
	uint64_t caps = 0;
	if (isa && (isa[0] == 'r' || isa[0] == 'R') && (isa[1] == 'v' || isa[1] == 'V')) {
		const char *p = isa + 2;
		while (*p >= '0' && *p <= '9')
			p++;
		for (; *p && *p != '_'; p++) {
			char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
			if (c == 's' || c == 'x' || c == 'z')
				break; /* a multi-letter extension's name begins */
			if (c == 'g')
				caps |= bit('i') | bit('m') | bit('a') | bit('f') | bit('d');
			else if (c >= 'a' && c <= 'z')
				caps |= bit(c);
		}
	}
	out->hwcap = caps & reported;
	out->hwcap2 = 0;
}
