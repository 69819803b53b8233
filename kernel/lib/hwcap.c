// SPDX-License-Identifier: BSD-2-Clause
// The CPU's features for cpu_info, in Linux's AT_HWCAP/AT_HWCAP2 layouts,
// from what each architecture's kernel code reads (kernel/arch/*/hwcap.c):
// pure functions, so that the host tests can feed them known CPUs.
#include <kernel/hwcap.h>

/* AArch64: a 4-bit ID field at least min sets bit in hwcap (word 0) or
 * hwcap2 (word 1). Only the features a program can use at EL0 with what
 * this kernel does: not SVE (its state is not saved), pointer
 * authentication (no keys are set), BTI or MTE (pages are mapped without
 * either); nor Linux's EVTSTRM and CPUID, which are Linux's own services. */
static const struct {
	uint8_t reg, shift, min, word, bit;
} aarch64_fields[] = {
	{ HWCAP_ID_ISAR0, 4, 1, 0, 3 }, /* AES */
	{ HWCAP_ID_ISAR0, 4, 2, 0, 4 }, /* PMULL */
	{ HWCAP_ID_ISAR0, 8, 1, 0, 5 }, /* SHA1 */
	{ HWCAP_ID_ISAR0, 12, 1, 0, 6 }, /* SHA2 */
	{ HWCAP_ID_ISAR0, 12, 2, 0, 21 }, /* SHA512 */
	{ HWCAP_ID_ISAR0, 16, 1, 0, 7 }, /* CRC32 */
	{ HWCAP_ID_ISAR0, 20, 2, 0, 8 }, /* ATOMICS (LSE) */
	{ HWCAP_ID_ISAR0, 28, 1, 0, 12 }, /* ASIMDRDM */
	{ HWCAP_ID_ISAR0, 32, 1, 0, 17 }, /* SHA3 */
	{ HWCAP_ID_ISAR0, 36, 1, 0, 18 }, /* SM3 */
	{ HWCAP_ID_ISAR0, 40, 1, 0, 19 }, /* SM4 */
	{ HWCAP_ID_ISAR0, 44, 1, 0, 20 }, /* ASIMDDP */
	{ HWCAP_ID_ISAR0, 48, 1, 0, 23 }, /* ASIMDFHM */
	{ HWCAP_ID_ISAR0, 52, 1, 0, 27 }, /* FLAGM */
	{ HWCAP_ID_ISAR0, 52, 2, 1, 7 }, /* HWCAP2_FLAGM2 */
	{ HWCAP_ID_ISAR0, 60, 1, 1, 16 }, /* HWCAP2_RNG */
	{ HWCAP_ID_ISAR1, 0, 1, 0, 16 }, /* DCPOP */
	{ HWCAP_ID_ISAR1, 0, 2, 1, 0 }, /* HWCAP2_DCPODP */
	{ HWCAP_ID_ISAR1, 12, 1, 0, 13 }, /* JSCVT */
	{ HWCAP_ID_ISAR1, 16, 1, 0, 14 }, /* FCMA */
	{ HWCAP_ID_ISAR1, 20, 1, 0, 15 }, /* LRCPC */
	{ HWCAP_ID_ISAR1, 20, 2, 0, 26 }, /* ILRCPC */
	{ HWCAP_ID_ISAR1, 32, 1, 1, 8 }, /* HWCAP2_FRINT */
	{ HWCAP_ID_ISAR1, 36, 1, 0, 29 }, /* SB */
	{ HWCAP_ID_ISAR1, 44, 1, 1, 14 }, /* HWCAP2_BF16 */
	{ HWCAP_ID_ISAR1, 48, 1, 1, 15 }, /* HWCAP2_DGH */
	{ HWCAP_ID_ISAR1, 52, 1, 1, 13 }, /* HWCAP2_I8MM */
	{ HWCAP_ID_PFR0, 48, 1, 0, 24 }, /* DIT */
	{ HWCAP_ID_MMFR2, 32, 1, 0, 25 }, /* USCAT */
};

static unsigned field(uint64_t reg, unsigned shift)
{
	return (unsigned)(reg >> shift) & 0xf;
}

void hwcap_aarch64(const uint64_t id[HWCAP_ID_COUNT], struct vg_cpu_info *out)
{
	uint64_t caps[2] = { 0, 0 };
	/* FP and AdvSIMD are signed fields: 0xf is none, 1 adds half precision. */
	unsigned fp = field(id[HWCAP_ID_PFR0], 16), simd = field(id[HWCAP_ID_PFR0], 20);
	if (fp != 0xf)
		caps[0] |= 1u << 0 | (fp == 1 ? 1u << 9 : 0); /* FP, FPHP */
	if (simd != 0xf)
		caps[0] |= 1u << 1 | (simd == 1 ? 1u << 10 : 0); /* ASIMD, ASIMDHP */
	for (size_t i = 0; i < sizeof(aarch64_fields) / sizeof(aarch64_fields[0]); i++)
		if (field(id[aarch64_fields[i].reg], aarch64_fields[i].shift) >=
		    aarch64_fields[i].min)
			caps[aarch64_fields[i].word] |= 1ull << aarch64_fields[i].bit;
	out->hwcap = caps[0];
	out->hwcap2 = caps[1];
}

static uint64_t letter(char c)
{
	return 1ull << (c - 'a');
}

uint64_t hwcap_riscv_isa(const char *isa)
{
	const uint64_t reported =
		letter('i') | letter('m') | letter('a') | letter('f') | letter('d') | letter('c');
	if (!isa || (isa[0] != 'r' && isa[0] != 'R') || (isa[1] != 'v' && isa[1] != 'V'))
		return 0;
	const char *p = isa + 2;
	while (*p >= '0' && *p <= '9')
		p++;
	uint64_t caps = 0;
	for (; *p && *p != '_'; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		if (c == 's' || c == 'x' || c == 'z')
			break; /* a multi-letter extension's name begins */
		if (c == 'g')
			caps |= letter('i') | letter('m') | letter('a') | letter('f') | letter('d');
		else if (c >= 'a' && c <= 'z')
			caps |= letter(c);
		else
			return 0; /* not an ISA string */
	}
	return caps & reported;
}
