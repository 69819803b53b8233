// SPDX-License-Identifier: BSD-2-Clause
// cpu_info's bit layouts (kernel/lib/hwcap.c): AArch64 ID register values
// of known CPUs give Linux's AT_HWCAP bits for them, and RISC-V riscv,isa
// strings give the letters Linux reports; malformed strings give none.
#include <kernel/hwcap.h>
#include <vtest.h>

#define BIT(n) (1ull << (n))
#define LETTER(c) (1ull << ((c) - 'a'))

static struct vg_cpu_info aarch64(uint64_t isar0, uint64_t isar1, uint64_t pfr0, uint64_t mmfr2)
{
	const uint64_t id[HWCAP_ID_COUNT] = { isar0, isar1, pfr0, mmfr2 };
	struct vg_cpu_info out = { 0xdead, 0xbeef };
	hwcap_aarch64(id, &out);
	return out;
}

TEST(hwcap, aarch64_cortex_a72)
{
	/* QEMU's cortex-a72: AES with PMULL, SHA1, SHA256, CRC32; FP and
	 * AdvSIMD without half precision. Linux says "fp asimd evtstrm aes
	 * pmull sha1 sha2 crc32 cpuid", of which EVTSTRM and CPUID are its
	 * own services. */
	struct vg_cpu_info c = aarch64(0x11120, 0, 0x2222, 0);
	CHECK_EQ_U(c.hwcap, BIT(0) | BIT(1) | BIT(3) | BIT(4) | BIT(5) | BIT(6) | BIT(7));
	CHECK_EQ_U(c.hwcap2, 0);
}

TEST(hwcap, aarch64_fields)
{
	/* No FP or AdvSIMD (0xf), nothing else. */
	CHECK_EQ_U(aarch64(0, 0, 0xff0000, 0).hwcap, 0);
	/* Half precision: FPHP and ASIMDHP with FP and ASIMD. */
	CHECK_EQ_U(aarch64(0, 0, 0x110000, 0).hwcap, BIT(0) | BIT(1) | BIT(9) | BIT(10));
	/* LSE is Atomic == 2 (1 is reserved); SHA512 needs SHA2 == 2. */
	CHECK_EQ_U(aarch64(0x100000, 0, 0xff0000, 0).hwcap, 0);
	CHECK_EQ_U(aarch64(0x200000, 0, 0xff0000, 0).hwcap, BIT(8));
	CHECK_EQ_U(aarch64(0x2000, 0, 0xff0000, 0).hwcap, BIT(6) | BIT(21));
	/* TS 2: FLAGM and HWCAP2_FLAGM2; RNDR: HWCAP2_RNG. */
	struct vg_cpu_info c = aarch64(0x1ull << 60 | 0x2ull << 52, 0, 0xff0000, 0);
	CHECK_EQ_U(c.hwcap, BIT(27));
	CHECK_EQ_U(c.hwcap2, BIT(7) | BIT(16));
	/* DPB 2: DCPOP and HWCAP2_DCPODP; LRCPC 2: LRCPC and ILRCPC. */
	c = aarch64(0, 0x200002, 0xff0000, 0);
	CHECK_EQ_U(c.hwcap, BIT(16) | BIT(15) | BIT(26));
	CHECK_EQ_U(c.hwcap2, BIT(0));
	/* DIT from PFR0, USCAT from MMFR2; SVE (PFR0 bits 35:32) is not given. */
	CHECK_EQ_U(aarch64(0, 0, 0x1ull << 48 | 0x1ull << 32 | 0xff0000, 0x1ull << 32).hwcap,
		   BIT(24) | BIT(25));
}

TEST(hwcap, riscv_isa_strings)
{
	const uint64_t imafdc =
		LETTER('i') | LETTER('m') | LETTER('a') | LETTER('f') | LETTER('d') | LETTER('c');
	/* QEMU 7.2's virt hart; 'h' and the Z extensions are not reported. */
	CHECK_EQ_U(hwcap_riscv_isa("rv64imafdch_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc"),
		   imafdc);
	CHECK_EQ_U(hwcap_riscv_isa("rv64gc"), imafdc);
	CHECK_EQ_U(hwcap_riscv_isa("RV64IMAC"),
		   LETTER('i') | LETTER('m') | LETTER('a') | LETTER('c'));
	/* V is not reported (this kernel keeps no vector state). */
	CHECK_EQ_U(hwcap_riscv_isa("rv64imafdcv"), imafdc);
	/* A multi-letter extension ends the single letters, with or without '_'. */
	CHECK_EQ_U(hwcap_riscv_isa("rv64imazicsr"), LETTER('i') | LETTER('m') | LETTER('a'));
	CHECK_EQ_U(hwcap_riscv_isa("rv64i_m"), LETTER('i'));
}

TEST(hwcap, riscv_isa_malformed)
{
	CHECK_EQ_U(hwcap_riscv_isa(NULL), 0);
	CHECK_EQ_U(hwcap_riscv_isa(""), 0);
	CHECK_EQ_U(hwcap_riscv_isa("r"), 0);
	CHECK_EQ_U(hwcap_riscv_isa("x86_64"), 0);
	CHECK_EQ_U(hwcap_riscv_isa("rv64ima!c"), 0);
	CHECK_EQ_U(hwcap_riscv_isa("rv64"), 0);
}
