// SPDX-License-Identifier: BSD-2-Clause
// Interrupt controllers: the legacy 8259 PICs are remapped and masked, the
// local APIC delivers the timer, the I/O APIC(s) route ISA and PCI lines.
#include <arch/x86.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/vm.h>

#define LAPIC_ID 0x20
#define LAPIC_EOI 0xb0
#define LAPIC_SVR 0xf0
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR 0x390
#define LAPIC_TIMER_DIV 0x3e0
#define LVT_MASKED (1u << 16)
#define LVT_PERIODIC (1u << 17)
#define TIMER_DIV_16 0x3

#define IOAPIC_SEL 0x00
#define IOAPIC_WIN 0x10
#define IOREDTBL(n) (0x10 + 2 * (n))

static volatile uint32_t *lapic;
static volatile uint32_t *ioapic_regs[MAX_IOAPICS];

static uint32_t lapic_read(unsigned reg)
{
	return lapic[reg / 4];
}

static void lapic_write(unsigned reg, uint32_t v)
{
	lapic[reg / 4] = v;
}

void pic_disable(void)
{
	/* Remap both PICs away from the exception vectors (ICW1-ICW4), then mask
	 * every line: a stray legacy IRQ would otherwise look like a fault. */
	outb(0x20, 0x11);
	outb(0xa0, 0x11);
	outb(0x21, 0xf0);
	outb(0xa1, 0xf8);
	outb(0x21, 0x04);
	outb(0xa1, 0x02);
	outb(0x21, 0x01);
	outb(0xa1, 0x01);
	outb(0x21, 0xff);
	outb(0xa1, 0xff);
}

void lapic_init(void)
{
	if (!acpi.lapic_phys)
		acpi.lapic_phys = 0xfee00000; /* the architectural default */
	lapic = vm_map_mmio(acpi.lapic_phys, 4096);
	lapic_write(LAPIC_SVR, 0x100 | VEC_SPURIOUS); /* software enable */
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
	lapic_write(LAPIC_TIMER_DIV, TIMER_DIV_16);
	pr_info("lapic: id %u at %#llx\n", lapic_read(LAPIC_ID) >> 24,
		(unsigned long long)acpi.lapic_phys);
}

void lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

/* One-shot, masked, maximal count: the calibration reads how far it ran. */
void lapic_timer_free_run(void)
{
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
	lapic_write(LAPIC_TIMER_INIT, 0xffffffffu);
}

uint32_t lapic_timer_current(void)
{
	return lapic_read(LAPIC_TIMER_CUR);
}

void lapic_timer_periodic(uint32_t count)
{
	lapic_write(LAPIC_LVT_TIMER, VEC_TIMER | LVT_PERIODIC);
	lapic_write(LAPIC_TIMER_INIT, count);
}

static uint32_t ioapic_read(int i, unsigned reg)
{
	ioapic_regs[i][IOAPIC_SEL / 4] = reg;
	return ioapic_regs[i][IOAPIC_WIN / 4];
}

static void ioapic_write(int i, unsigned reg, uint32_t v)
{
	ioapic_regs[i][IOAPIC_SEL / 4] = reg;
	ioapic_regs[i][IOAPIC_WIN / 4] = v;
}

static unsigned ioapic_pins(int i)
{
	return ((ioapic_read(i, 1) >> 16) & 0xff) + 1;
}

void ioapic_init(void)
{
	if (!acpi.n_ioapic) {
		pr_warn("ioapic: none described by ACPI; only the local APIC timer works\n");
		return;
	}
	for (int i = 0; i < acpi.n_ioapic; i++) {
		ioapic_regs[i] = vm_map_mmio(acpi.ioapic[i].phys, 4096);
		unsigned pins = ioapic_pins(i);
		for (unsigned pin = 0; pin < pins; pin++)
			ioapic_write(i, IOREDTBL(pin), LVT_MASKED);
		pr_info("ioapic: id %u at %#x, GSI %u-%u, all masked\n", acpi.ioapic[i].id,
			acpi.ioapic[i].phys, acpi.ioapic[i].gsi_base,
			acpi.ioapic[i].gsi_base + pins - 1);
	}
}

/* The I/O APIC and pin that serve a global system interrupt. */
static bool gsi_pin(uint32_t gsi, int *which, unsigned *pin)
{
	for (int i = 0; i < acpi.n_ioapic; i++) {
		if (gsi >= acpi.ioapic[i].gsi_base &&
		    gsi < acpi.ioapic[i].gsi_base + ioapic_pins(i)) {
			*which = i;
			*pin = gsi - acpi.ioapic[i].gsi_base;
			return true;
		}
	}
	return false;
}

/* The redirection entry's low word for ISA IRQ irq's polarity and trigger:
 * ISA defaults are edge/active-high; an override's MPS flags say otherwise. */
static uint32_t isa_mode(unsigned irq)
{
	uint16_t fl = acpi.isa_flags[irq];
	uint32_t lo = 0;
	if ((fl & 3) == 3)
		lo |= IOAPIC_ACTIVE_LOW;
	if (((fl >> 2) & 3) == 3)
		lo |= IOAPIC_LEVEL;
	return lo;
}

bool ioapic_route_gsi(uint32_t gsi, unsigned vec, uint32_t mode, bool masked)
{
	int i;
	unsigned pin;
	if (!gsi_pin(gsi, &i, &pin))
		return false;
	ioapic_write(i, IOREDTBL(pin) + 1, (lapic_read(LAPIC_ID) >> 24) << 24);
	ioapic_write(i, IOREDTBL(pin), vec | mode | (masked ? LVT_MASKED : 0));
	return true;
}

void ioapic_set_masked(uint32_t gsi, bool masked)
{
	int i;
	unsigned pin;
	if (!gsi_pin(gsi, &i, &pin))
		return;
	uint32_t lo = ioapic_read(i, IOREDTBL(pin));
	ioapic_write(i, IOREDTBL(pin), masked ? lo | LVT_MASKED : lo & ~LVT_MASKED);
}

bool ioapic_gsi_exists(uint32_t gsi)
{
	int i;
	unsigned pin;
	return gsi_pin(gsi, &i, &pin);
}

uint32_t ioapic_isa_gsi(unsigned irq, uint32_t *mode)
{
	*mode = isa_mode(irq);
	return acpi.isa_gsi[irq];
}

void ioapic_route_isa(unsigned irq, unsigned vec)
{
	if (irq >= 16 || !ioapic_route_gsi(acpi.isa_gsi[irq], vec, isa_mode(irq), false))
		pr_warn("ioapic: ISA IRQ %u has no I/O APIC pin\n", irq);
}

void ioapic_mask_isa(unsigned irq)
{
	if (irq < 16)
		ioapic_set_masked(acpi.isa_gsi[irq], true);
}
