/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The CPU's features in Linux's AT_HWCAP/AT_HWCAP2 layouts (cpu_info), from
 * what the architecture code reads (kernel/lib/hwcap.c).
 */
#ifndef KERNEL_HWCAP_H
#define KERNEL_HWCAP_H

#include <kernel/types.h>
#include <verdigris/types.h>

/* AArch64's ID registers, in the order hwcap_aarch64 takes them. */
enum {
	HWCAP_ID_ISAR0, /* ID_AA64ISAR0_EL1 */
	HWCAP_ID_ISAR1, /* ID_AA64ISAR1_EL1 */
	HWCAP_ID_PFR0, /* ID_AA64PFR0_EL1 */
	HWCAP_ID_MMFR2, /* ID_AA64MMFR2_EL1 */
	HWCAP_ID_COUNT
};
void hwcap_aarch64(const uint64_t id[HWCAP_ID_COUNT], struct vg_cpu_info *out);

/* RISC-V: bit (letter - 'a') for each of I, M, A, F, D and C that a
 * riscv,isa string ("rv64imafdc_zicsr", "rv64gc") names; 0 for NULL or a
 * string that is not one. */
uint64_t hwcap_riscv_isa(const char *isa);

#endif
