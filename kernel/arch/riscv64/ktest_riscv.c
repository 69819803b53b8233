// SPDX-License-Identifier: BSD-2-Clause
// RISC-V specific in-kernel tests: the firmware interface, the trap vector's
// fault recovery and causes, timer and PLIC interrupt delivery, and the Sv39
// entry encoding the generic page-table code relies on.
#include "riscv.h"
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <kernel/ktest.h>
#include <kernel/time.h>
#include <kernel/vm.h>

/* Bit 38 clear but bit 39 set: not sign-extended, so no Sv39 address. */
#define NON_CANONICAL 0x0000008000000000ull

static uint64_t nx_word;

/* Waits (sleeping between interrupts) until *counter moves past start, for
 * at most ms milliseconds. */
static bool wait_for_change(unsigned long (*counter)(void), unsigned long start, unsigned ms)
{
	uint64_t until = time_ns() + (uint64_t)ms * 1000000;
	while (counter() == start && time_ns() < until)
		arch_wait_for_interrupt();
	return counter() != start;
}

static unsigned long tick_counter(void)
{
	return (unsigned long)ticks();
}

KTEST(riscv_sbi_version_and_extensions)
{
	unsigned long v = sbi_spec_version();
	/* The TIME and SRST extensions need SBI 0.2 or later. */
	KT_EXPECT(v >> 24 >= 1 || (v & 0xffffff) >= 2);
	KT_EXPECT(sbi_has_ext(SBI_EXT_BASE));
	KT_EXPECT(sbi_has_ext(SBI_EXT_TIME));
	KT_EXPECT(sbi_has_ext(SBI_EXT_SRST));
	KT_EXPECT(!sbi_has_ext(0x0badc0de));
	struct sbiret r = sbi_call(SBI_EXT_BASE, SBI_BASE_IMPL_ID, 0, 0, 0);
	KT_EXPECT_EQ(r.error, 0);
	KT_EXPECT_EQ(r.value, 1); /* 1 is OpenSBI in the SBI spec's table */
}

KTEST(riscv_trap_vector_recovers_faults_with_their_cause)
{
	uint64_t v;
	unsigned long before = trap_stats.exceptions_fixed;

	KT_EXPECT_EQ(arch_probe_read64((void *)NON_CANONICAL, &v), -1);
	KT_EXPECT_EQ(trap_stats.last_cause, EXC_LOAD_PAGE_FAULT);
	KT_EXPECT_EQ(trap_stats.last_tval, NON_CANONICAL);

	KT_EXPECT_EQ(arch_probe_write64((void *)(MMIO_BASE + MMIO_SIZE - 8), 1), -1);
	KT_EXPECT_EQ(trap_stats.last_cause, EXC_STORE_PAGE_FAULT);
	KT_EXPECT_EQ(trap_stats.last_tval, MMIO_BASE + MMIO_SIZE - 8);

	/* Executing data: the fetch faults on the target itself. */
	KT_EXPECT_EQ(arch_probe_exec(&nx_word), -1);
	KT_EXPECT_EQ(trap_stats.last_cause, EXC_INSN_PAGE_FAULT);
	KT_EXPECT_EQ(trap_stats.last_tval, (uintptr_t)&nx_word);

	KT_EXPECT_EQ(trap_stats.exceptions_fixed - before, 3);
	/* Recovery left interrupts as they were. */
	KT_EXPECT(csr_read(sstatus) & SSTATUS_SIE);
}

KTEST(riscv_supervisor_state)
{
	KT_EXPECT_EQ(csr_read(sstatus) & (SSTATUS_FS | SSTATUS_VS), 0);
	KT_EXPECT_EQ(csr_read(sscratch), 0);
	unsigned long satp = csr_read(satp);
	KT_EXPECT_EQ(satp >> 60, 8); /* Sv39 */
	KT_EXPECT_EQ((satp & ((1ul << 44) - 1)) << PAGE_SHIFT, vm_kernel_root());
	KT_EXPECT_EQ(csr_read(stvec) & 3, 0); /* direct mode */
	KT_EXPECT(csr_read(stvec) >= KERNEL_VBASE);
}

KTEST(riscv_counter_runs_at_the_timebase)
{
	const struct fdt *f = boot_fdt();
	KT_ASSERT(f);
	uint32_t dt = fdt_prop_u32(f, fdt_path(f, "/cpus"), "timebase-frequency", 0);
	if (dt)
		KT_EXPECT_EQ(arch_counter_freq(), dt);
	uint64_t a = arch_counter();
	arch_wait_for_interrupt();
	KT_EXPECT(arch_counter() > a);
}

KTEST(riscv_timer_interrupts_advance_ticks)
{
	KT_EXPECT(csr_read(sie) & SIE_STIE);
	unsigned long start = tick_counter();
	/* Ten tick periods of slack for a slow TCG host. */
	KT_EXPECT(wait_for_change(tick_counter, start, 10 * 1000 / TICK_HZ));
	/* And with interrupts masked, none are taken. */
	irqflags_t fl = arch_irq_save();
	start = tick_counter();
	uint64_t until = time_ns() + 3 * 1000000000ull / TICK_HZ;
	while (time_ns() < until)
		;
	KT_EXPECT_EQ(tick_counter(), start);
	arch_irq_restore(fl);
	/* The missed periods are counted once interrupts are back. */
	KT_EXPECT(wait_for_change(tick_counter, start, 10 * 1000 / TICK_HZ));
	KT_EXPECT(tick_counter() - start >= 2);
}

KTEST(riscv_plic_delivers_a_device_interrupt)
{
	if (!plic_present() || !uart_has_irq()) {
		ktest_fail(__FILE__, __LINE__, "no PLIC or no UART interrupt in the device tree");
		return;
	}
	KT_EXPECT(csr_read(sie) & SIE_SEIE);
	/* The line is the user-space driver's after boot: borrowed here. */
	console_attach_irq();
	unsigned long start = uart_irq_count();
	uart_kick_tx_irq();
	KT_EXPECT(wait_for_change(uart_irq_count, start, 100));
	/* The handler acknowledged the one-shot cause: no storm follows. */
	unsigned long after = uart_irq_count();
	uint64_t until = time_ns() + 20 * 1000000;
	while (time_ns() < until)
		arch_wait_for_interrupt();
	KT_EXPECT_EQ(uart_irq_count(), after);
	console_detach_irq();
}

KTEST(riscv_pte_encoding)
{
	for (unsigned prot = 0; prot < 32; prot++) {
		pte_t e = arch_pte_leaf(0x80403000, prot, 0);
		unsigned want = prot;
		if (want & VM_WRITE)
			want |= VM_READ; /* write-only does not exist */
		KT_EXPECT_EQ(arch_pte_prot(e, 0), want);
		KT_EXPECT(arch_pte_valid(e));
		KT_EXPECT(arch_pte_is_leaf(e, 0));
		KT_EXPECT_EQ(arch_pte_addr(e), 0x80403000);
		/* Never a reserved W-without-R encoding, never an accidental
		 * table pointer. */
		KT_EXPECT(!((e & PTE_W) && !(e & PTE_R)));
		if (e & PTE_V)
			KT_EXPECT(e & (PTE_R | PTE_X));
		KT_EXPECT_EQ(!!(e & PTE_G), !(prot & VM_USER));
	}
	/* Kernel leaves carry A and D so that nothing faults to set them. */
	pte_t k = arch_pte_leaf(0x40000000, VM_READ | VM_WRITE, 2);
	KT_EXPECT_EQ(k & (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | PTE_G),
		     PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_G);
	/* No access at all: invisible to the MMU, still a leaf to software. */
	pte_t none = arch_pte_leaf(0x1000, 0, 0);
	KT_EXPECT(!(none & PTE_V));
	KT_EXPECT(arch_pte_valid(none) && arch_pte_is_leaf(none, 0));
	pte_t t = arch_pte_table(0x81234000);
	KT_EXPECT_EQ(t & 0x3ff, PTE_V);
	KT_EXPECT(!arch_pte_is_leaf(t, 1));
	KT_EXPECT_EQ(arch_pte_addr(t), 0x81234000);
	KT_EXPECT(!arch_pte_valid(0));
	KT_EXPECT(!arch_level_allows_leaf(3) && arch_level_allows_leaf(2) &&
		  arch_level_allows_leaf(1));
}
