// SPDX-License-Identifier: BSD-2-Clause
// x86_64 start-up and the HAL's platform services: boot information,
// late device bring-up, time, power.
#include <arch/multiboot.h>
#include <arch/x86.h>
#include <kernel/bootinfo.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/string.h>
#include <kernel/vm.h>

extern char __boot_start[], __kernel_end[];

static struct boot_info boot_info;
static uint64_t tsc_hz, lapic_hz;

static void cpu_model(char *buf, size_t size)
{
	uint32_t r[4];
	cpuid(0x80000000, 0, r);
	if (r[0] < 0x80000004) {
		strlcpy(buf, "x86_64 (no brand string)", size);
		return;
	}
	char brand[49];
	for (uint32_t i = 0; i < 3; i++) {
		cpuid(0x80000002 + i, 0, r);
		memcpy(brand + 16 * i, r, 16);
	}
	brand[48] = 0;
	const char *p = brand;
	while (*p == ' ')
		p++;
	strlcpy(buf, p, size);
}

_Noreturn void x86_start(uint32_t magic, uint32_t info_pa);
_Noreturn void x86_start(uint32_t magic, uint32_t info_pa)
{
	serial_init();
	gdt_init();
	pat_init();
	idt_init();
	syscall_init();
	struct boot_info *bi = &boot_info;
	if (!multiboot_parse(magic, info_pa, bi))
		panic("boot: cannot continue without the loader's memory map");
	acpi_parse();
	bootinfo_reserve(bi, 0, 0x100000, "BIOS area and real-mode memory");
	/* __boot_start is a physical address already (identity-linked). */
	bootinfo_reserve(bi, (paddr_t)(uintptr_t)__boot_start, kernel_image_phys(__kernel_end),
			 "kernel image");
	cpu_model(bi->cpu_model, sizeof(bi->cpu_model));
	kernel_main(bi);
}

void arch_map_boot_devices(void)
{
	/* COM1 is reached through I/O ports: nothing to map. */
}

void arch_late_init(const struct boot_info *bi)
{
	(void)bi;
	pic_disable();
	lapic_init();
	ioapic_init();
	pit_calibrate(&tsc_hz, &lapic_hz);
	pr_info("x86: TSC %llu kHz, local APIC timer %llu kHz (calibrated against the PIT)\n",
		(unsigned long long)(tsc_hz / 1000), (unsigned long long)(lapic_hz / 1000));
	if (!tsc_hz || !lapic_hz)
		panic("x86: timer calibration failed (TSC %llu Hz, APIC %llu Hz)",
		      (unsigned long long)tsc_hz, (unsigned long long)lapic_hz);
}

uint64_t arch_counter(void)
{
	return rdtsc();
}

uint64_t arch_counter_freq(void)
{
	return tsc_hz;
}

void arch_timer_start(uint32_t hz)
{
	lapic_timer_periodic((uint32_t)(lapic_hz / hz));
}

#define DEBUG_EXIT_PORT 0xf4 /* QEMU isa-debug-exit: exit status (v << 1) | 1 */

_Noreturn void arch_poweroff(int failed)
{
	arch_irq_disable();
	if (failed)
		outb(DEBUG_EXIT_PORT, 1);
	if (acpi.pm1a_cnt && acpi.have_s5) {
		outw((uint16_t)acpi.pm1a_cnt, (uint16_t)(acpi.slp_typ_s5 << 10 | 1u << 13));
		/* The power goes some time after the write (QEMU acts on it from its
		 * main loop): wait before declaring failure. */
		uint64_t end = rdtsc() + (tsc_hz ? tsc_hz : 1000000000u);
		while (rdtsc() < end)
			;
	}
	kprintf("poweroff: the machine did not turn off; halted\n");
	for (;;)
		arch_wait_for_interrupt();
}

#define KBC_COMMAND_PORT 0x64
#define KBC_PULSE_RESET 0xfe
#define RESET_CONTROL_PORT 0xcf9 /* PIIX/ICH reset control register */
#define RESET_CONTROL_HARD 0x06 /* full reset, then the CPU reset itself */

_Noreturn void arch_reboot(void)
{
	arch_irq_disable();
	/* The keyboard controller's reset line first (every PC has one), then
	 * the chipset's reset register; give each time to act. */
	outb(KBC_COMMAND_PORT, KBC_PULSE_RESET);
	for (int i = 0; i < 2; i++) {
		uint64_t end = rdtsc() + (tsc_hz ? tsc_hz / 2 : 500000000u);
		while (rdtsc() < end)
			;
		outb(RESET_CONTROL_PORT, RESET_CONTROL_HARD);
	}
	kprintf("reboot: the machine did not reset; powering off\n");
	arch_poweroff(1);
}
