// SPDX-License-Identifier: BSD-2-Clause
// Calibration of the TSC and the local APIC timer against the PIT, whose
// 1.193182 MHz input is the one frequency every PC (and QEMU) gets right.
#include <arch/x86.h>

#define PIT_HZ 1193182u
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PORT_B 0x61 /* bit 0: channel 2 gate, bit 1: speaker, bit 5: OUT2 */
#define CAL_COUNT 59659u /* 50 ms: the largest round count below 65536 */

void pit_calibrate(uint64_t *tsc_hz, uint64_t *lapic_hz)
{
	outb(PORT_B, (inb(PORT_B) & ~0x02) | 0x01); /* gate on, speaker off */
	outb(PIT_CMD, 0xb0); /* channel 2, lobyte/hibyte, mode 0 (interrupt on terminal count) */
	outb(PIT_CH2, CAL_COUNT & 0xff);
	outb(PIT_CH2, CAL_COUNT >> 8);
	/* Restart the count with a rising gate edge, and take both start readings. */
	uint8_t b = inb(PORT_B) & ~0x01;
	outb(PORT_B, b);
	lapic_timer_free_run();
	outb(PORT_B, b | 0x01);
	uint64_t t0 = rdtsc();
	uint32_t l0 = lapic_timer_current();
	while (!(inb(PORT_B) & 0x20))
		;
	uint64_t t1 = rdtsc();
	uint32_t l1 = lapic_timer_current();
	*tsc_hz = (t1 - t0) * PIT_HZ / CAL_COUNT;
	*lapic_hz = (uint64_t)(l0 - l1) * PIT_HZ / CAL_COUNT;
}
