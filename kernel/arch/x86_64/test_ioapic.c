// SPDX-License-Identifier: BSD-2-Clause
// The I/O APIC path end to end: the RTC's periodic interrupt (ISA IRQ 8,
// routed by the MADT's overrides) must arrive at its vector.
#include <arch/x86.h>
#include <kernel/hal.h>
#include <kernel/ktest.h>
#include <kernel/time.h>

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define NMI_OFF 0x80
#define RTC_IRQ 8

static volatile unsigned rtc_interrupts;

static uint8_t cmos_read(uint8_t reg)
{
	outb(CMOS_INDEX, NMI_OFF | reg);
	return inb(CMOS_DATA);
}

static void cmos_write(uint8_t reg, uint8_t v)
{
	outb(CMOS_INDEX, NMI_OFF | reg);
	outb(CMOS_DATA, v);
}

static void rtc_handler(void)
{
	cmos_read(0x0c); /* reading register C acknowledges, or no more arrive */
	rtc_interrupts++;
}

KTEST(x86_ioapic_routes_rtc_interrupt)
{
	irqflags_t f = arch_irq_save();
	x86_set_isa_handler(RTC_IRQ, rtc_handler);
	ioapic_route_isa(RTC_IRQ, VEC_IRQ_BASE + RTC_IRQ);
	uint8_t a = cmos_read(0x0a), b = cmos_read(0x0b);
	cmos_write(0x0a, (a & 0xf0) | 0x06); /* rate 6: 1024 Hz */
	cmos_write(0x0b, b | 0x40); /* periodic interrupt enable */
	cmos_read(0x0c);
	rtc_interrupts = 0;
	arch_irq_restore(f);

	/* 50 at 1024 Hz take 50 ms; a loaded host may deliver fewer per second
	 * (QEMU merges missed periods), so allow a second. */
	uint64_t t0 = time_ns();
	while (time_ns() - t0 < 1000000000 && rtc_interrupts < 50)
		arch_wait_for_interrupt();
	unsigned got = rtc_interrupts;

	f = arch_irq_save();
	cmos_write(0x0b, cmos_read(0x0b) & ~0x40);
	cmos_write(0x0a, a);
	ioapic_mask_isa(RTC_IRQ);
	x86_set_isa_handler(RTC_IRQ, NULL);
	arch_irq_restore(f);
	if (got < 50)
		ktest_fail(__FILE__, __LINE__, "%u RTC interrupts in 1 s, expected 50 by 50 ms",
			   got);
}
