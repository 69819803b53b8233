// SPDX-License-Identifier: BSD-2-Clause
// Device interrupt lines for irq objects (the arch_irq_line_* HAL). Line n
// below 16 is ISA IRQ n, routed to the GSI the MADT's overrides name with
// their polarity and trigger; line n from 16 up is GSI n, level-triggered
// and active low as PCI interrupts are. Line n arrives at vector
// VEC_IRQ_BASE + n; masking is the I/O APIC redirection entry's mask bit.
#include <arch/x86.h>
#include <kernel/hal.h>
#include <verdigris/errors.h>

static struct {
	arch_irq_fn fn;
	void *arg;
	uint32_t gsi;
} lines[X86_IRQ_LINES];

static bool line_gsi(uint32_t line, uint32_t *gsi, uint32_t *mode)
{
	if (line < 16) {
		*gsi = ioapic_isa_gsi(line, mode);
	} else {
		*gsi = line;
		*mode = IOAPIC_LEVEL | IOAPIC_ACTIVE_LOW;
	}
	return line < X86_IRQ_LINES && ioapic_gsi_exists(*gsi);
}

int arch_irq_line_attach(uint32_t line, arch_irq_fn fn, void *arg)
{
	uint32_t gsi, mode;
	if (!line_gsi(line, &gsi, &mode))
		return ERR_NOT_FOUND;
	if (lines[line].fn || x86_isa_handler_set(line))
		return ERR_BUSY;
	/* Two ISA IRQs may share a GSI (an override moves IRQ 0 to GSI 2). */
	for (unsigned i = 0; i < X86_IRQ_LINES; i++)
		if (lines[i].fn && lines[i].gsi == gsi)
			return ERR_BUSY;
	for (unsigned i = 0; i < 16; i++) {
		uint32_t m;
		if (x86_isa_handler_set(i) && ioapic_isa_gsi(i, &m) == gsi)
			return ERR_BUSY;
	}
	lines[line].fn = fn;
	lines[line].arg = arg;
	lines[line].gsi = gsi;
	ioapic_route_gsi(gsi, VEC_IRQ_BASE + line, mode, true);
	return 0;
}

void arch_irq_line_detach(uint32_t line)
{
	if (line < X86_IRQ_LINES && lines[line].fn) {
		ioapic_set_masked(lines[line].gsi, true);
		lines[line].fn = NULL;
		lines[line].arg = NULL;
	}
}

void arch_irq_line_mask(uint32_t line)
{
	if (line < X86_IRQ_LINES && lines[line].fn)
		ioapic_set_masked(lines[line].gsi, true);
}

void arch_irq_line_unmask(uint32_t line)
{
	if (line < X86_IRQ_LINES && lines[line].fn)
		ioapic_set_masked(lines[line].gsi, false);
}

bool x86_irq_line_interrupt(unsigned line)
{
	if (line >= X86_IRQ_LINES || !lines[line].fn)
		return false;
	lines[line].fn(lines[line].arg);
	return true;
}
