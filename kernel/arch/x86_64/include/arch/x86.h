/* SPDX-License-Identifier: BSD-2-Clause */
/* x86 instructions wrapped for C, and the x86 arch's internal interfaces. */
#ifndef ARCH_X86_H
#define ARCH_X86_H

#include <arch/hal_arch.h>
#include <kernel/types.h>

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (uint64_t)hi << 32 | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static inline uint64_t read_cr2(void)
{
	uint64_t v;
	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid"
			 : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(sub));
}

#define VEC_TIMER 32
#define VEC_IRQ_BASE 48 /* ISA IRQ n routed through the I/O APIC arrives here */
#define VEC_SPURIOUS 255
#define VEC_SYSCALL 256 /* not a real vector: marks a frame syscall.S built */

#define USER_CS 0x23 /* GDT 0x20, RPL 3 */
#define USER_SS 0x1b /* GDT 0x18, RPL 3 */

/* Per-CPU data is struct percpu (kernel/percpu.h), at GS in the kernel;
 * syscall.S uses its first two words: 0 the kernel stack top, 8 scratch for
 * the user's rsp. */
void syscall_init(void);
void tss_set_rsp0(uint64_t top);
/* Makes PAT entry 1 (PTE PWT alone) write-combining. */
void pat_init(void);
#define MSR_PAT 0x277

void gdt_init(void);
void idt_init(void);
void serial_init(void);
void x86_trap(struct arch_regs *f);

/* ACPI facts the rest of the arch uses; acpi_parse() fills them. */
#define MAX_IOAPICS 4
struct ioapic_info {
	uint32_t id, phys, gsi_base;
};
struct acpi_facts {
	uint64_t lapic_phys;
	struct ioapic_info ioapic[MAX_IOAPICS];
	int n_ioapic;
	/* ISA IRQ -> global system interrupt, with polarity/trigger flags. */
	uint32_t isa_gsi[16];
	uint16_t isa_flags[16];
	uint32_t pm1a_cnt; /* I/O port, 0 if unknown */
	uint16_t slp_typ_s5;
	bool have_s5;
};
extern struct acpi_facts acpi;
/* Copies the RSDP (from a multiboot2 tag) so the tables can be found later. */
void acpi_set_rsdp(const void *rsdp, size_t len);
/* Finds and validates the tables; false with a logged reason when absent. */
bool acpi_parse(void);

void pic_disable(void);
void lapic_init(void);
void lapic_eoi(void);
void ioapic_init(void);
/* Routes ISA IRQ irq to vector vec on this CPU, unmasked. */
void ioapic_route_isa(unsigned irq, unsigned vec);
void ioapic_mask_isa(unsigned irq);
/* Routes a GSI to vector vec with mode (IOAPIC_ACTIVE_LOW, IOAPIC_LEVEL),
 * masked or not; false when no I/O APIC has the GSI. */
#define IOAPIC_ACTIVE_LOW (1u << 13)
#define IOAPIC_LEVEL (1u << 15)
bool ioapic_route_gsi(uint32_t gsi, unsigned vec, uint32_t mode, bool masked);
void ioapic_set_masked(uint32_t gsi, bool masked);
bool ioapic_gsi_exists(uint32_t gsi);
/* ISA IRQ irq's GSI after the MADT's overrides, and its mode. */
uint32_t ioapic_isa_gsi(unsigned irq, uint32_t *mode);
/* Irq object lines (irq.c): line n arrives at vector VEC_IRQ_BASE + n, n below
 * X86_IRQ_LINES. Called from the trap handler before the EOI; false when no
 * irq object has the line. */
#define X86_IRQ_LINES (VEC_SPURIOUS - VEC_IRQ_BASE)
bool x86_irq_line_interrupt(unsigned line);
bool x86_isa_handler_set(unsigned irq);
/* Handler for ISA IRQ irq (vector VEC_IRQ_BASE + irq), called before EOI. */
void x86_set_isa_handler(unsigned irq, void (*fn)(void));
/* Masked one-shot from the maximal count, for calibration. */
/* Masked one-shot from the maximal count, for calibration. */
void lapic_timer_free_run(void);
uint32_t lapic_timer_current(void);
void lapic_timer_periodic(uint32_t count);
/* Measures the TSC and local APIC timer against the PIT (the reference). */
void pit_calibrate(uint64_t *tsc_hz, uint64_t *lapic_hz);

#endif
