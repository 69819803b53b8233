// SPDX-License-Identifier: BSD-2-Clause
// AArch64-only in-kernel tests: what the generic tests cannot see, because it
// is about how this architecture does it (exception level, FP/SIMD trap
// control, vector entry and syndromes, memory attributes, GIC delivery).
#include <arch/aarch64.h>
#include <kernel/hal.h>
#include <kernel/ktest.h>
#include <kernel/pmm.h>
#include <kernel/time.h>
#include <kernel/vm.h>

static const uint64_t ro_word = 0x1122334455667788ull;

static unsigned esr_ec(uint64_t esr)
{
	return (unsigned)(esr >> 26) & 0x3f;
}

/* Fault status code class: 1 translation, 3 permission (ISS[5:2]). */
static unsigned fsc_kind(uint64_t esr)
{
	return (unsigned)(esr >> 2) & 0xf;
}

/* Stage 1 EL1 read translation of va through the MMU itself; PAR_EL1. */
static uint64_t at_read(const volatile void *va)
{
	irqflags_t f = arch_irq_save(); /* PAR_EL1 is not preserved across an IRQ */
	__asm__ volatile("at s1e1r, %0" : : "r"(va) : "memory");
	isb();
	uint64_t par = read_sysreg(par_el1);
	arch_irq_restore(f);
	return par;
}

KTEST(aarch64_runs_at_el1_with_fpsimd_enabled)
{
	KT_EXPECT_EQ((read_sysreg(CurrentEL) >> 2) & 3, 1);
	KT_EXPECT(aarch64_boot_el == 1 || aarch64_boot_el == 2);
	KT_EXPECT_EQ(read_sysreg(cpacr_el1) & CPACR_FPEN, CPACR_FPEN);
	/* Would take an FP/SIMD access trap (EC 0x07) if FPEN were not set. */
	KT_EXPECT_EQ(aarch64_fp_roundtrip(0x0123456789abcdefull), 0x0123456789abcdefull);
}

KTEST(aarch64_faults_reach_the_vector_with_their_cause)
{
	uint64_t v = 0, before = aarch64_recovered_faults;

	/* Nothing is mapped in this part of the TTBR1 half. */
	KT_EXPECT_EQ(arch_probe_read64((void *)0xffff800000000000ull, &v), -1);
	KT_EXPECT_EQ(aarch64_recovered_faults, before + 1);
	KT_EXPECT_EQ(esr_ec(aarch64_last_recovered_esr), EC_DABT_CUR);
	KT_EXPECT_EQ(fsc_kind(aarch64_last_recovered_esr), 1);

	/* TTBR0 walks are off in the kernel: NULL is a level 0 translation fault. */
	KT_EXPECT_EQ(arch_probe_read64((void *)0, &v), -1);
	KT_EXPECT_EQ(aarch64_last_recovered_esr & 0x3f, 0x04);

	/* Rodata is read-only: a permission fault on a write (WnR set). */
	KT_EXPECT_EQ(arch_probe_write64((void *)&ro_word, 1), -1);
	KT_EXPECT_EQ(esr_ec(aarch64_last_recovered_esr), EC_DABT_CUR);
	KT_EXPECT_EQ(fsc_kind(aarch64_last_recovered_esr), 3);
	KT_EXPECT(aarch64_last_recovered_esr & (1u << 6));
	KT_EXPECT_EQ(ro_word, 0x1122334455667788ull);

	/* Fetching from data (PXN) and from nowhere: instruction aborts. */
	uint64_t data = 0xd503201fd503201full; /* two NOPs: would run if executable */
	KT_EXPECT_EQ(arch_probe_exec(&data), -1);
	KT_EXPECT_EQ(esr_ec(aarch64_last_recovered_esr), EC_IABT_CUR);
	KT_EXPECT_EQ(fsc_kind(aarch64_last_recovered_esr), 3);
	KT_EXPECT_EQ(arch_probe_exec((void *)0xffff800000000000ull), -1);
	KT_EXPECT_EQ(esr_ec(aarch64_last_recovered_esr), EC_IABT_CUR);
	KT_EXPECT_EQ(fsc_kind(aarch64_last_recovered_esr), 1);
	KT_EXPECT_EQ(arch_probe_exec((void *)((uintptr_t)aarch64_ret_only + 2)), -1);
	KT_EXPECT_EQ(esr_ec(aarch64_last_recovered_esr), EC_PC_ALIGN);
	KT_EXPECT_EQ(aarch64_recovered_faults, before + 6);

	/* Kernel text runs. */
	KT_EXPECT_EQ(arch_probe_exec((const void *)aarch64_ret_only), 0);
	KT_EXPECT_EQ(aarch64_recovered_faults, before + 6);
}

KTEST(aarch64_mmu_state_and_memory_attributes)
{
	uint64_t sctlr = read_sysreg(sctlr_el1);
	KT_EXPECT_EQ(sctlr & 0x1005, 0x1005); /* M, C, I */
	KT_EXPECT(read_sysreg(tcr_el1) & (1u << 7)); /* EPD0 */
	KT_EXPECT_EQ(read_sysreg(mair_el1), MAIR_VALUE);
	KT_EXPECT_EQ(read_sysreg(ttbr1_el1), vm_kernel_root());

	/* RAM through the physmap: normal write-back, inner shareable. */
	paddr_t pa = pmm_alloc_page();
	KT_ASSERT(pa);
	uint64_t par = at_read(phys_to_virt(pa));
	KT_EXPECT_EQ(par & 1, 0);
	KT_EXPECT_EQ(par >> 56, 0xff);
	KT_EXPECT_EQ((par >> 7) & 3, 3);
	KT_EXPECT_EQ(par & PTE_ADDR_MASK, pa);
	pmm_free(pa, 1);

	/* Kernel text: normal memory too; the UART: Device-nGnRE. */
	par = at_read((const void *)aarch64_ret_only);
	KT_EXPECT_EQ(par & 1, 0);
	KT_EXPECT_EQ(par >> 56, 0xff);
	KT_EXPECT_EQ(par & PTE_ADDR_MASK,
		     ALIGN_DOWN(kernel_image_phys((const void *)aarch64_ret_only), PAGE_SIZE));
	par = at_read(aarch64_uart_base());
	KT_EXPECT_EQ(par & 1, 0);
	KT_EXPECT_EQ(par >> 56, 0x04);
}

KTEST(aarch64_gic_delivers_the_timer_interrupt)
{
	KT_EXPECT_EQ(read_sysreg(daif) & (1u << 7), 0); /* IRQs unmasked */
	KT_EXPECT_EQ(read_sysreg(cntv_ctl_el0) & 3, 1); /* enabled, not masked */
	unsigned intid = aarch64_timer_intid();
	uint64_t irqs = gic_irq_count(intid), t = ticks();
	uint64_t limit = arch_counter() + arch_counter_freq() / 5; /* 200 ms */
	while (gic_irq_count(intid) < irqs + 3 && arch_counter() < limit)
		arch_wait_for_interrupt();
	KT_EXPECT(gic_irq_count(intid) >= irqs + 3);
	KT_EXPECT(ticks() >= t + 3);
}

KTEST(aarch64_pte_encoding)
{
	paddr_t pa = 0x40123000;
	pte_t rw = arch_pte_leaf(pa, VM_READ | VM_WRITE, 0);
	KT_EXPECT_EQ(rw & 3, 3);
	KT_EXPECT_EQ(arch_pte_addr(rw), pa);
	KT_EXPECT(rw & PTE_AF);
	KT_EXPECT(rw & PTE_PXN && rw & PTE_UXN);
	KT_EXPECT(!(rw & (PTE_AP_RO | PTE_AP_USER | PTE_NG)));
	KT_EXPECT_EQ((rw >> 8) & 3, 3);
	KT_EXPECT_EQ(arch_pte_prot(rw, 0), VM_READ | VM_WRITE);

	pte_t rx = arch_pte_leaf(pa, VM_READ | VM_EXEC, 0);
	KT_EXPECT(rx & PTE_AP_RO && !(rx & PTE_PXN) && rx & PTE_UXN);
	KT_EXPECT_EQ(arch_pte_prot(rx, 0), VM_READ | VM_EXEC);

	pte_t urx = arch_pte_leaf(pa, VM_READ | VM_EXEC | VM_USER, 0);
	KT_EXPECT(urx & PTE_AP_USER && urx & PTE_NG && urx & PTE_PXN && !(urx & PTE_UXN));
	KT_EXPECT_EQ(arch_pte_prot(urx, 0), VM_READ | VM_EXEC | VM_USER);

	pte_t dev = arch_pte_leaf(0x09000000, VM_READ | VM_WRITE | VM_DEVICE | VM_EXEC, 0);
	KT_EXPECT_EQ((dev >> 2) & 7, MAIR_IDX_DEVICE);
	KT_EXPECT(dev & PTE_PXN && dev & PTE_UXN);
	KT_EXPECT_EQ(arch_pte_prot(dev, 0), VM_READ | VM_WRITE | VM_DEVICE);

	/* Blocks at the 2 MiB and 1 GiB levels, tables elsewhere. */
	pte_t blk = arch_pte_leaf(0x40000000, VM_READ, 2);
	KT_EXPECT_EQ(blk & 3, 1);
	KT_EXPECT(arch_pte_is_leaf(blk, 2) && arch_pte_is_leaf(blk, 1));
	KT_EXPECT(!arch_pte_is_leaf(blk, 0));
	pte_t tab = arch_pte_table(0x41000000);
	KT_EXPECT(!arch_pte_is_leaf(tab, 1) && !arch_pte_is_leaf(tab, 3));
	KT_EXPECT(arch_level_allows_leaf(1) && arch_level_allows_leaf(2));
	KT_EXPECT(!arch_level_allows_leaf(3)); /* no 512 GiB blocks with 4 KiB granules */
	KT_EXPECT(!arch_pte_valid(0));
}
