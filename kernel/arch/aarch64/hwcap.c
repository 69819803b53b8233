// SPDX-License-Identifier: BSD-2-Clause
// The CPU's features for cpu_info, from the ID registers (readable at EL1
// only), in Linux's AArch64 AT_HWCAP and AT_HWCAP2 bits (kernel/lib/hwcap.c).
#include <arch/aarch64.h>
#include <kernel/hal.h>
#include <kernel/hwcap.h>

void arch_cpu_features(struct vg_cpu_info *out)
{
	/* By encoding: older assemblers lack some of the names. */
	const uint64_t id[HWCAP_ID_COUNT] = {
		[HWCAP_ID_ISAR0] = read_sysreg(s3_0_c0_c6_0),
		[HWCAP_ID_ISAR1] = read_sysreg(s3_0_c0_c6_1),
		[HWCAP_ID_PFR0] = read_sysreg(s3_0_c0_c4_0),
		[HWCAP_ID_MMFR2] = read_sysreg(s3_0_c0_c7_2),
	};
	hwcap_aarch64(id, out);
}
