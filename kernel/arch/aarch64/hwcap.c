// SPDX-License-Identifier: BSD-2-Clause
// The CPU's features for cpu_info, in Linux's AArch64 AT_HWCAP and
// AT_HWCAP2 bits, from the ID registers (readable at EL1 only). Only the
// features a program can use at EL0 with what this kernel does are
// listed: not SVE (its state is not saved), pointer authentication (no
// keys are set), BTI or MTE (pages are mapped without either); nor
// Linux's EVTSTRM and CPUID, which are Linux's own services.
#include <arch/aarch64.h>
#include <kernel/hal.h>
#include <verdigris/types.h>

enum { ISAR0, ISAR1, PFR0, MMFR2 };

/* A 4-bit ID field at least min sets bit in hwcap (or hwcap2). */
static const struct {
	uint8_t reg, shift, min, word, bit;
} fields[] = {
	{ ISAR0, 4, 1, 0, 3 }, /* AES */
	{ ISAR0, 4, 2, 0, 4 }, /* PMULL */
	{ ISAR0, 8, 1, 0, 5 }, /* SHA1 */
	{ ISAR0, 12, 1, 0, 6 }, /* SHA2 */
	{ ISAR0, 12, 2, 0, 21 }, /* SHA512 */
	{ ISAR0, 16, 1, 0, 7 }, /* CRC32 */
	{ ISAR0, 20, 2, 0, 8 }, /* ATOMICS (LSE) */
	{ ISAR0, 28, 1, 0, 12 }, /* ASIMDRDM */
	{ ISAR0, 32, 1, 0, 17 }, /* SHA3 */
	{ ISAR0, 36, 1, 0, 18 }, /* SM3 */
	{ ISAR0, 40, 1, 0, 19 }, /* SM4 */
	{ ISAR0, 44, 1, 0, 20 }, /* ASIMDDP */
	{ ISAR0, 48, 1, 0, 23 }, /* ASIMDFHM */
	{ ISAR0, 52, 1, 0, 27 }, /* FLAGM */
	{ ISAR0, 52, 2, 1, 7 }, /* HWCAP2_FLAGM2 */
	{ ISAR0, 60, 1, 1, 16 }, /* HWCAP2_RNG */
	{ ISAR1, 0, 1, 0, 16 }, /* DCPOP */
	{ ISAR1, 0, 2, 1, 0 }, /* HWCAP2_DCPODP */
	{ ISAR1, 12, 1, 0, 13 }, /* JSCVT */
	{ ISAR1, 16, 1, 0, 14 }, /* FCMA */
	{ ISAR1, 20, 1, 0, 15 }, /* LRCPC */
	{ ISAR1, 20, 2, 0, 26 }, /* ILRCPC */
	{ ISAR1, 32, 1, 1, 8 }, /* HWCAP2_FRINT */
	{ ISAR1, 36, 1, 0, 29 }, /* SB */
	{ ISAR1, 44, 1, 1, 14 }, /* HWCAP2_BF16 */
	{ ISAR1, 48, 1, 1, 15 }, /* HWCAP2_DGH */
	{ ISAR1, 52, 1, 1, 13 }, /* HWCAP2_I8MM */
	{ PFR0, 48, 1, 0, 24 }, /* DIT */
	{ MMFR2, 32, 1, 0, 25 }, /* USCAT */
};

static unsigned field(uint64_t reg, unsigned shift)
{
	return (unsigned)(reg >> shift) & 0xf;
}

void arch_cpu_features(struct vg_cpu_info *out)
{
	/* By encoding: older assemblers lack some of the names. */
	const uint64_t id[] = {
		[ISAR0] = read_sysreg(s3_0_c0_c6_0),
		[ISAR1] = read_sysreg(s3_0_c0_c6_1),
		[PFR0] = read_sysreg(s3_0_c0_c4_0),
		[MMFR2] = read_sysreg(s3_0_c0_c7_2),
	};
	uint64_t caps[2] = { 0, 0 };
	/* FP and AdvSIMD are signed fields: 0xf is none, 1 adds half precision. */
	unsigned fp = field(id[PFR0], 16), simd = field(id[PFR0], 20);
	if (fp != 0xf)
		caps[0] |= 1u << 0 | (fp == 1 ? 1u << 9 : 0); /* FP, FPHP */
	if (simd != 0xf)
		caps[0] |= 1u << 1 | (simd == 1 ? 1u << 10 : 0); /* ASIMD, ASIMDHP */
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (field(id[fields[i].reg], fields[i].shift) >= fields[i].min)
			caps[fields[i].word] |= 1ull << fields[i].bit;
	out->hwcap = caps[0];
	out->hwcap2 = caps[1];
}
