// SPDX-License-Identifier: BSD-2-Clause
// CPU control for the HAL (interrupt masking is inline, hal_arch.h), the MMU
// through satp, power-off, and the late device bring-up.
#include "riscv.h"
#include <kernel/bootinfo.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/vm.h>

void arch_set_this_cpu(struct percpu *c)
{
	__asm__ volatile("mv tp, %0" : : "r"(c) : "memory");
}

void arch_wait_for_interrupt(void)
{
	/* wfi also wakes for an interrupt that sstatus.SIE masks, so a caller
	 * may test a condition with interrupts off and then sleep. */
	__asm__ volatile("wfi" ::: "memory");
}

_Noreturn void arch_poweroff(int failed)
{
	arch_irq_disable();
	/* OpenSBI 1.1's SRST always reports success to QEMU's test device,
	 * whatever the reset reason; a failure is told to the device directly
	 * (QEMU exits with status 1 on the spot). SRST then covers success,
	 * and failure on machines without the device. */
	if (failed)
		finisher_fail();
	sbi_shutdown(failed);
}

_Noreturn void arch_reboot(void)
{
	arch_irq_disable();
	sbi_reboot();
}

void arch_mmu_switch_kernel(paddr_t root)
{
	/* The fence before makes the new tables' stores visible to the
	 * walker; the one after drops translations of the old tables. ASID 0
	 * for the kernel. */
	__asm__ volatile("sfence.vma" ::: "memory");
	csr_write(satp, SATP_MODE_SV39 | root >> PAGE_SHIFT);
	__asm__ volatile("sfence.vma" ::: "memory");
}

void arch_tlb_flush_page(vaddr_t va)
{
	__asm__ volatile("sfence.vma %0, zero" ::"r"(va) : "memory");
}

/* This hart only. Enough while one hart runs the kernel (smp2 parks the
 * other); SMP needs a remote fence (SBI remote_sfence_vma) wherever a
 * page-table entry other harts may cache is weakened or removed. */
void arch_tlb_flush_all(void)
{
	__asm__ volatile("sfence.vma" ::: "memory");
}

void arch_map_boot_devices(void)
{
	console_map();
}

void arch_late_init(const struct boot_info *bi)
{
	(void)bi;
	unsigned long v = sbi_spec_version();
	pr_info("riscv: boot hart %lu, SBI spec %lu.%lu, TIME %s, SRST %s\n", boot_hartid,
		(v >> 24) & 0x7f, v & 0xffffff, sbi_has_ext(SBI_EXT_TIME) ? "yes" : "no",
		sbi_has_ext(SBI_EXT_SRST) ? "yes" : "no");
	plic_init(boot_fdt(), boot_hartid);
}
