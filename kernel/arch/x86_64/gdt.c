// SPDX-License-Identifier: BSD-2-Clause
// The GDT and the TSS. Descriptor order follows what SYSRET will need
// (kernel code, kernel data, user data, user code); the TSS carries the
// IST stacks that double faults and NMIs switch to, so a kernel stack
// overflow still gets a report.
#include <arch/x86.h>
#include <kernel/string.h>

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

#define IST_STACK_SIZE 8192
enum { IST_DOUBLE_FAULT = 1, IST_NMI = 2, IST_MACHINE_CHECK = 3, IST_COUNT = 3 };

static uint8_t ist_stacks[IST_COUNT][IST_STACK_SIZE] __attribute__((aligned(16)));
static struct tss tss;
static uint64_t gdt[7] __attribute__((aligned(16)));

struct gdt_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

void gdt_load(const struct gdt_ptr *p, uint16_t tss_sel); /* gdt.S */

void gdt_init(void)
{
	gdt[0] = 0;
	gdt[1] = 0x00af9a000000ffffull; /* 0x08 kernel code, 64-bit */
	gdt[2] = 0x00cf92000000ffffull; /* 0x10 kernel data */
	gdt[3] = 0x00cff2000000ffffull; /* 0x18 user data (DPL 3) */
	gdt[4] = 0x00affa000000ffffull; /* 0x20 user code, 64-bit (DPL 3) */

	for (int i = 0; i < IST_COUNT; i++)
		tss.ist[i] = (uint64_t)(uintptr_t)&ist_stacks[i][IST_STACK_SIZE];
	tss.iomap_base = sizeof(tss); /* no I/O bitmap yet: user space gets no ports */
	uint64_t base = (uint64_t)(uintptr_t)&tss, limit = sizeof(tss) - 1;
	gdt[5] = (limit & 0xffff) | (base & 0xffffff) << 16 | 0x89ull << 40 |
		((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
	gdt[6] = base >> 32;

	struct gdt_ptr p = { sizeof(gdt) - 1, (uint64_t)(uintptr_t)gdt };
	gdt_load(&p, 0x28);
}

void tss_set_rsp0(uint64_t top)
{
	tss.rsp[0] = top; /* interrupts and exceptions from ring 3 land here */
}
