// SPDX-License-Identifier: BSD-2-Clause
// The IDT: every vector goes to an isr.S stub; double fault, NMI and
// machine check run on their own IST stacks.
#include <arch/x86.h>

struct idt_gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;
	uint8_t type;
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t zero;
} __attribute__((packed));

struct idt_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

extern const char isr_stubs[]; /* isr.S: 16 bytes per vector */
#define STUB(v) ((uint64_t)(uintptr_t)(isr_stubs + 16 * (v)))
static struct idt_gate idt[256] __attribute__((aligned(16)));

void idt_load(const struct idt_ptr *p); /* traps.S */

static void set_gate(int v, uint64_t handler, uint8_t ist)
{
	idt[v] = (struct idt_gate){
		.off_lo = (uint16_t)handler,
		.sel = 0x08,
		.ist = ist,
		.type = 0x8e, /* present, DPL 0, 64-bit interrupt gate (IF cleared) */
		.off_mid = (uint16_t)(handler >> 16),
		.off_hi = (uint32_t)(handler >> 32),
	};
}

void idt_init(void)
{
	for (int v = 0; v < 256; v++)
		set_gate(v, STUB(v), 0);
	set_gate(2, STUB(2), 2); /* NMI */
	set_gate(8, STUB(8), 1); /* double fault */
	set_gate(18, STUB(18), 3); /* machine check */
	struct idt_ptr p = { sizeof(idt) - 1, (uint64_t)(uintptr_t)idt };
	idt_load(&p);
}
