// SPDX-License-Identifier: BSD-2-Clause
// AArch64-only in-kernel tests: what the generic tests cannot see, because it
// is about how this architecture does it (exception level, FP/SIMD trap
// control, vector entry and syndromes, memory attributes, GIC delivery).
#include <arch/aarch64.h>
#include <kernel/hal.h>
#include <kernel/ktest.h>
#include <kernel/pagetable.h>
#include <kernel/pmm.h>
#include <kernel/string.h>
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
	/* EL1 always has FP/SIMD (FPEN bit 20); EL0 only while its thread owns
	 * the registers (bit 21, lazy switching). */
	KT_EXPECT_EQ(read_sysreg(cpacr_el1) & CPACR_FPEN_EL1, CPACR_FPEN_EL1);
	/* Would take an FP/SIMD access trap (EC 0x07) if EL1 were trapped. */
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
	/* 3 ticks are 12 ms; the limit is generous because a loaded host
	 * can stall the guest for a long while. */
	uint64_t limit = arch_counter() + arch_counter_freq() * 2;
	while ((gic_irq_count(intid) < irqs + 3 || ticks() < t + 3) && arch_counter() < limit)
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

/*
 * A user address space by hand (no process): TTBR0 on and off, EL0
 * permissions in the leaves, and the user copies (LDTR/STTR with the
 * exception table). The boot thread has no process, so nothing is paged
 * in: every faulting copy takes its fixup.
 */
KTEST(aarch64_user_translation_and_copies)
{
	const vaddr_t uva = 0x200000, uro = uva + PAGE_SIZE, unmapped = uva + 2 * PAGE_SIZE;
	paddr_t root = pt_alloc_table(), rw = pmm_alloc_page(), ro = pmm_alloc_page();
	KT_ASSERT(root && rw && ro);
	memset(phys_to_virt(rw), 0, PAGE_SIZE);
	memset(phys_to_virt(ro), 0x5a, PAGE_SIZE);
	KT_EXPECT_EQ(pt_map(root, uva, rw, PAGE_SIZE, VM_READ | VM_WRITE | VM_USER), 0);
	KT_EXPECT_EQ(pt_map(root, uro, ro, PAGE_SIZE, VM_READ | VM_USER), 0);

	/* No user thread runs during the tests, but an interrupt must not see
	 * the scheduler's idea of the active root disagree with the MMU's. */
	irqflags_t f = arch_irq_save();
	arch_aspace_activate(root);
	KT_EXPECT_EQ(read_sysreg(tcr_el1) & TCR_EPD0, 0);
	KT_EXPECT_EQ(read_sysreg(ttbr0_el1) & PTE_ADDR_MASK, root);
	KT_EXPECT(read_sysreg(ttbr0_el1) >> 48); /* a user ASID, not 0 */

	char buf[64], back[64];
	for (unsigned i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 + 1);
	/* Unaligned, 8-byte and byte loops both. */
	KT_EXPECT_EQ(arch_copy_to_user((void *)(uva + 13), buf, sizeof(buf)), 0);
	KT_EXPECT_EQ(memcmp((char *)phys_to_virt(rw) + 13, buf, sizeof(buf)), 0);
	memset(back, 0, sizeof(back));
	KT_EXPECT_EQ(arch_copy_from_user(back, (const void *)(uva + 13), 61), 0);
	KT_EXPECT_EQ(memcmp(back, buf, 61), 0);
	KT_EXPECT_EQ(back[61], 0);

	uint64_t before = aarch64_recovered_faults;
	/* Read-only for EL0: STTR is refused (a permission fault, recovered). */
	KT_EXPECT_EQ(arch_copy_to_user((void *)uro, buf, 1), -1);
	KT_EXPECT_EQ(esr_ec(aarch64_last_recovered_esr), EC_DABT_CUR);
	KT_EXPECT_EQ(fsc_kind(aarch64_last_recovered_esr), 3);
	KT_EXPECT_EQ(arch_copy_from_user(back, (const void *)uro, 8), 0);
	KT_EXPECT_EQ(back[0], 0x5a);
	/* Running off the end of the mapping, and an unmapped page. */
	KT_EXPECT_EQ(arch_copy_from_user(back, (const void *)(unmapped - 5), 16), -1);
	KT_EXPECT_EQ(arch_copy_to_user((void *)unmapped, buf, 3), -1);
	/* Kernel memory is not EL0-accessible: LDTR refuses it too. */
	KT_EXPECT_EQ(arch_copy_from_user(back, &ro_word, 8), -1);
	KT_EXPECT_EQ(aarch64_recovered_faults, before + 4);

	/* TTBR0 off: the user page is gone. (On hardware that also takes the
	 * TLBI in arch_aspace_activate, EPD0 stopping only walks; QEMU drops
	 * its TLB on a TCR write anyway, so this cannot check the TLBI.) */
	arch_aspace_activate(0);
	KT_EXPECT(read_sysreg(tcr_el1) & TCR_EPD0);
	uint64_t v;
	KT_EXPECT_EQ(arch_probe_read64((void *)uva, &v), -1);
	KT_EXPECT_EQ(arch_copy_from_user(back, (const void *)uva, 8), -1);
	arch_irq_restore(f);

	pt_free_tables(root, USER_TOP);
	pmm_free(root, 1);
	pmm_free(rw, 1);
	pmm_free(ro, 1);
}

/* The user FP/SIMD state round trip: what is saved comes back exactly,
 * FPCR and FPSR included. */
KTEST(aarch64_fpu_state_save_restore)
{
	static uint8_t orig[ARCH_FPU_STATE_SIZE] __attribute__((aligned(16)));
	static uint8_t set[ARCH_FPU_STATE_SIZE] __attribute__((aligned(16)));
	static uint8_t got[ARCH_FPU_STATE_SIZE] __attribute__((aligned(16)));
	irqflags_t f = arch_irq_save();
	arch_fpu_save(orig);
	for (unsigned i = 0; i < 512; i++)
		set[i] = (uint8_t)(i * 13 + 5);
	uint64_t fpcr = 3ull << 22, fpsr = 1; /* round towards zero; IOC */
	memcpy(set + 512, &fpcr, 8);
	memcpy(set + 520, &fpsr, 8);
	arch_fpu_restore(set);
	KT_EXPECT_EQ(read_sysreg(fpcr), fpcr);
	arch_fpu_save(got);
	arch_fpu_restore(orig);
	arch_irq_restore(f);
	KT_EXPECT_EQ(memcmp(got, set, ARCH_FPU_STATE_SIZE), 0);

	arch_fpu_init_state(got);
	for (unsigned i = 0; i < ARCH_FPU_STATE_SIZE; i++)
		KT_EXPECT_EQ(got[i], 0);
}
