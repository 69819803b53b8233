// SPDX-License-Identifier: BSD-2-Clause
// AArch64 boot in C: find the device tree, fill the boot information, and
// the small CPU services of the HAL (console, interrupts mask, MMU, power).
#include <arch/aarch64.h>
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/percpu.h>
#include <kernel/pmm.h>
#include <kernel/string.h>
#include <kernel/vm.h>
#include <verdigris/types.h>

extern char __kernel_start[], __kernel_end[];

#define FDT_MAGIC 0xd00dfeedu
#define PL011_DR 0x00
#define PL011_FR 0x18
#define PL011_FR_TXFF (1u << 5)
#define QEMU_VIRT_UART 0x09000000u

#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

uint64_t aarch64_boot_el;

/* Until arch_map_boot_devices, the UART is reached through the boot tables'
 * device window (phys [0, 1 GiB) at EARLY_DEVICE_VA). */
static volatile uint8_t *uart = (volatile uint8_t *)(EARLY_DEVICE_VA + QEMU_VIRT_UART);
static paddr_t uart_phys = QEMU_VIRT_UART;
static uint32_t uart_intid; /* 0: the tree names no interrupt */

static enum { PSCI_NONE, PSCI_HVC, PSCI_SMC } psci_conduit;

static struct boot_info boot_info;

void arch_console_putc(char c)
{
	while (*(volatile uint32_t *)(uart + PL011_FR) & PL011_FR_TXFF)
		;
	*(volatile uint32_t *)(uart + PL011_DR) = (uint8_t)c;
}

bool arch_console_describe(struct vg_console_info *out)
{
	*out = (struct vg_console_info){
		.kind = VG_CONSOLE_PL011, .irq = uart_intid, .base = uart_phys, .size = PAGE_SIZE
	};
	return true;
}

volatile void *aarch64_uart_base(void)
{
	return uart;
}

void arch_map_boot_devices(void)
{
	uart = vm_map_mmio(uart_phys, PAGE_SIZE);
}

/* ---- CPU control ---- */

void arch_set_this_cpu(struct percpu *c)
{
	write_sysreg(tpidr_el1, (uint64_t)(uintptr_t)c);
}

void arch_wait_for_interrupt(void)
{
	__asm__ volatile("dsb sy\n\twfi" : : : "memory");
}

static uint64_t psci_call(uint64_t fn)
{
	if (psci_conduit == PSCI_HVC)
		return aarch64_psci_hvc(fn);
	if (psci_conduit == PSCI_SMC)
		return aarch64_psci_smc(fn);
	return (uint64_t)-1;
}

/*
 * Success: PSCI SYSTEM_OFF (QEMU exits 0). Failure: semihosting SYS_EXIT
 * with ADP_Stopped_ApplicationExit and subcode 1, which QEMU turns into exit
 * status 1 (it needs -semihosting-config enable=on). Each step that cannot
 * work (no PSCI in the DT, semihosting off) returns through the extable and
 * the next is tried; a failure without semihosting still stops the machine,
 * with the reason on the console.
 */
_Noreturn void arch_poweroff(int failed)
{
	static int entered;
	arch_irq_disable();
	if (!entered++) {
		if (!failed)
			psci_call(PSCI_SYSTEM_OFF);
		aarch64_semihost_exit(ADP_STOPPED_APPLICATION_EXIT, failed ? 1 : 0);
		if (failed)
			kprintf("aarch64: semihosting is off, QEMU cannot exit with a failure "
				"status; powering off\n");
		psci_call(PSCI_SYSTEM_OFF);
	}
	for (;;)
		__asm__ volatile("wfi");
}

_Noreturn void arch_reboot(void)
{
	arch_irq_disable();
	psci_call(PSCI_SYSTEM_RESET);
	kprintf("reboot: no PSCI to reset with; powering off\n");
	arch_poweroff(1);
}

/* ---- time ---- */

uint64_t arch_counter(void)
{
	isb(); /* no reading the counter ahead of earlier instructions */
	return read_sysreg(cntvct_el0);
}

uint64_t arch_counter_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

/* ---- MMU ---- */

void arch_mmu_switch_kernel(paddr_t root)
{
	irqflags_t f = arch_irq_save();
	dsb(ishst); /* the new tables are in memory before any walk */
	aarch64_replace_ttbr1(root, kernel_image_phys((const void *)aarch64_ttbr1_trampoline));
	arch_irq_restore(f);
}

void arch_tlb_flush_page(vaddr_t va)
{
	/* The operand is VA[55:12]; bits 55:48 select TTBR1 for kernel addresses.
	 * vaae1is: every ASID, so global kernel entries go too. */
	uint64_t arg = (va >> 12) & ((1ull << 44) - 1);
	dsb(ishst);
	__asm__ volatile("tlbi vaae1is, %0" : : "r"(arg) : "memory");
	dsb(ish);
	isb();
}

void arch_tlb_flush_all(void)
{
	dsb(ishst);
	__asm__ volatile("tlbi vmalle1is" : : : "memory");
	dsb(ish);
	isb();
}

/* ---- boot ---- */

/* A device tree candidate must lie in the boot physmap, be aligned and carry
 * the magic; the first word is read with a probe so that a wild x0 is a
 * message, not a crash. */
static bool dtb_plausible(paddr_t pa)
{
	uint64_t head;
	if (pa < BOOT_PHYSMAP_START || pa >= BOOT_PHYSMAP_LIMIT - PAGE_SIZE || (pa & 7))
		return false;
	if (arch_probe_read64(phys_to_virt(pa), &head))
		return false;
	uint32_t size = fdt_header_size(phys_to_virt(pa));
	return size && pa + size <= BOOT_PHYSMAP_LIMIT;
}

static bool node_enabled(const struct fdt *f, int node)
{
	const char *status = fdt_prop_str(f, node, "status");
	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

/* The INTID of a node's first interrupt when it is a GIC SPI (the GIC's
 * three cells: type 0 for SPI, number, flags), else 0. */
static uint32_t gic_spi_intid(const struct fdt *f, int node)
{
	uint32_t len;
	const uint8_t *p = fdt_prop(f, node, "interrupts", &len);
	if (!p || len < 12 || fdt_be32(p) != 0 || fdt_be32(p + 4) > 987)
		return 0;
	return 32 + fdt_be32(p + 4);
}

static void find_console(const struct fdt *f)
{
	for (int n = fdt_find_compatible(f, -1, "arm,pl011"); n >= 0;
	     n = fdt_find_compatible(f, n, "arm,pl011")) {
		uint64_t addr, size;
		if (!node_enabled(f, n) || !fdt_reg(f, n, 0, &addr, &size))
			continue;
		if (addr + PAGE_SIZE > EARLY_DEVICE_SIZE) {
			pr_warn("aarch64: PL011 at %#llx is outside the early device window\n",
				(unsigned long long)addr);
			return;
		}
		uart_phys = addr;
		uart = (volatile uint8_t *)(uintptr_t)(EARLY_DEVICE_VA + addr);
		uart_intid = gic_spi_intid(f, n);
		return;
	}
	pr_warn("aarch64: no PL011 in the device tree, keeping %#x\n", QEMU_VIRT_UART);
}

static void find_psci(const struct fdt *f)
{
	int n = fdt_path(f, "/psci");
	const char *method = n >= 0 ? fdt_prop_str(f, n, "method") : NULL;
	if (method && !strcmp(method, "hvc"))
		psci_conduit = PSCI_HVC;
	else if (method && !strcmp(method, "smc"))
		psci_conduit = PSCI_SMC;
	else
		pr_warn("aarch64: no PSCI in the device tree: power-off via semihosting only\n");
}

_Noreturn void aarch64_boot(paddr_t x0, uint64_t boot_el)
{
	struct boot_info *bi = &boot_info;
	aarch64_boot_el = boot_el;
	percpu_init(0);
	/* FP/SIMD: the kernel's own save and restore run at EL1; EL0 gets the
	 * registers only while its thread owns them (user.c, lazy switching). */
	write_sysreg(cpacr_el1, CPACR_FPEN_EL1);
	isb();

	/* The arm64 Image protocol passes the tree in x0; a loader that treats
	 * the kernel as a bare ELF passes nothing, and QEMU then puts the tree
	 * at the start of RAM. */
	paddr_t dtb = 0;
	if (dtb_plausible(x0))
		dtb = x0;
	else if (dtb_plausible(KERNEL_PBASE))
		dtb = KERNEL_PBASE;
	if (!dtb) {
		kprintf("aarch64: no device tree (x0 = %#llx, none at %#llx either): cannot boot\n",
			(unsigned long long)x0, (unsigned long long)KERNEL_PBASE);
		arch_poweroff(1);
	}
	if (!bootinfo_from_fdt(bi, dtb, phys_to_virt(dtb))) {
		kprintf("aarch64: the device tree is unusable: cannot boot\n");
		arch_poweroff(1);
	}
	const struct fdt *f = boot_fdt();
	find_console(f);
	find_psci(f);
	/* The image includes bss, and with it the boot page tables and the boot
	 * stack: one reservation covers everything the boot code uses. */
	bootinfo_reserve(bi, kernel_image_phys(__kernel_start), kernel_image_phys(__kernel_end),
			 "kernel image");
	kernel_main(bi);
}

/* ---- late init: interrupt controller and timer ---- */

void arch_late_init(const struct boot_info *bi)
{
	(void)bi;
	if (!gic_init())
		panic("aarch64: no usable interrupt controller in the device tree");
	aarch64_timer_init();
	static const char *const conduit[] = { "none", "hvc", "smc" };
	pr_info("aarch64: entered at EL%llu, running at EL1; %s; timer INTID %u; PSCI %s\n",
		(unsigned long long)aarch64_boot_el, gic_version(), aarch64_timer_intid(),
		conduit[psci_conduit]);
}
