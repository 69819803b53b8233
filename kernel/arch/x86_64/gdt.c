// SPDX-License-Identifier: BSD-2-Clause
// The GDT and the TSS. Descriptor order follows what SYSRET will need
// (kernel code, kernel data, user data, user code); the TSS carries the
// IST stacks that double faults and NMIs switch to, so a kernel stack
// overflow still gets a report, and the I/O permission bitmap of the
// process that runs (ioport_enable).
#include <arch/x86.h>
#include <kernel/hal.h>
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
/* The TSS and its I/O permission bitmap: one bit per port, set to deny. The
 * CPU reads the bitmap two bytes at a time, so a byte of ones follows it.
 * The bitmap is in force only while iomap_base points at it; otherwise
 * iomap_base lies past the limit and every port faults from ring 3. */
static struct {
	struct tss tss;
	uint8_t iomap[IO_BITMAP_BYTES + 1];
} __attribute__((packed, aligned(16))) tss_area;
#define tss tss_area.tss
#define IOMAP_OFF ((uint16_t)offsetof(__typeof__(tss_area), iomap))
#define IOMAP_NONE ((uint16_t)sizeof(tss_area))
/* Whose bitmap the TSS holds (a process koid: never reused). */
static uint64_t iomap_owner;
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
	tss.iomap_base = IOMAP_NONE; /* until a process with ports runs */
	memset(tss_area.iomap, 0xff, sizeof(tss_area.iomap));
	uint64_t base = (uint64_t)(uintptr_t)&tss_area, limit = sizeof(tss_area) - 1;
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

void arch_ioports_load(const uint8_t *bitmap, uint64_t owner, bool changed)
{
	if (!bitmap) {
		tss.iomap_base = IOMAP_NONE;
		return;
	}
	/* 8 KiB to copy: only when another process's ports come in, or this
	 * one's changed. */
	if (changed || owner != iomap_owner) {
		memcpy(tss_area.iomap, bitmap, IO_BITMAP_BYTES);
		iomap_owner = owner;
	}
	tss.iomap_base = IOMAP_OFF;
}

void pat_init(void)
{
	/* The power-on PAT is WB, WT, UC-, UC (twice). Entry 1 (PWT alone)
	 * becomes write-combining, which the default lacks; WT is unused.
	 * Entry 3 (PCD|PWT) stays UC for device memory. */
	wrmsr(MSR_PAT, 0x0007040600070106ull);
}
