// SPDX-License-Identifier: BSD-2-Clause
// The ARM Generic Interrupt Controller, v2 (memory-mapped CPU interface) and
// v3 (redistributors and the ICC_* system registers), as the device tree
// describes it. One CPU for now: every SPI is routed to the boot CPU.
// References: GICv2 architecture spec (IHI 0048B), GICv3/v4 (IHI 0069).
#include <arch/aarch64.h>
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/string.h>
#include <kernel/vm.h>
#include <verdigris/errors.h>

/* Distributor (both versions). */
#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_IGROUPR 0x080
#define GICD_ISENABLER 0x100
#define GICD_ICENABLER 0x180
#define GICD_ICPENDR 0x280
#define GICD_ICACTIVER 0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICD_ICFGR 0xc00
#define GICD_IROUTER 0x6000 /* v3: 64-bit, per SPI */
#define GICD_CTLR_RWP (1u << 31)
#define GICD_CTLR_V3_GRP1 (1u << 1) /* EnableGrp1 (single security state or NS view) */
#define GICD_CTLR_V3_ARE (1u << 4) /* affinity routing */

/* GICv2 CPU interface. */
#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_BPR 0x08
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10

/* GICv3 redistributor: RD_base frame, then SGI_base 64 KiB later. */
#define GICR_CTLR 0x0000
#define GICR_TYPER 0x0008
#define GICR_WAKER 0x0014
#define GICR_SGI 0x10000
#define GICR_IGROUPR0 (GICR_SGI + 0x080)
#define GICR_ISENABLER0 (GICR_SGI + 0x100)
#define GICR_ICENABLER0 (GICR_SGI + 0x180)
#define GICR_ICPENDR0 (GICR_SGI + 0x280)
#define GICR_IPRIORITYR (GICR_SGI + 0x400)
#define GICR_ICFGR1 (GICR_SGI + 0xc04)
#define GICR_FRAME 0x20000 /* RD_base + SGI_base */
#define GICR_TYPER_VLPIS (1u << 1) /* two more frames (GICv4): stride 0x40000 */
#define GICR_TYPER_LAST (1u << 4)
#define GICR_WAKER_SLEEP (1u << 1)
#define GICR_WAKER_ASLEEP (1u << 2)
#define GICR_CTLR_RWP (1u << 3)

#define MAX_INTID 1020 /* 1020..1023 are special (spurious) */
#define PRIO_DEFAULT 0xa0 /* below PMR 0xf0: delivered */
#define PRIO_MASK 0xf0

static struct {
	int version; /* 0: none, 2 or 3 */
	volatile uint8_t *dist;
	volatile uint8_t *cpu; /* v2 */
	volatile uint8_t *rdist; /* v3: this CPU's redistributor */
	unsigned nirqs; /* INTIDs 0..nirqs-1 exist */
} gic;

static irq_handler_t handlers[MAX_INTID];
static uint64_t counts[MAX_INTID];

static uint32_t rd32(volatile uint8_t *base, uint32_t off)
{
	return *(volatile uint32_t *)(base + off);
}

static void wr32(volatile uint8_t *base, uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)(base + off) = v;
}

static uint64_t rd64(volatile uint8_t *base, uint32_t off)
{
	return *(volatile uint64_t *)(base + off);
}

static void wr64(volatile uint8_t *base, uint32_t off, uint64_t v)
{
	*(volatile uint64_t *)(base + off) = v;
}

static void wait_clear(volatile uint8_t *base, uint32_t off, uint32_t bit, const char *what)
{
	for (uint32_t spins = 0; rd32(base, off) & bit; spins++)
		if (spins > 10000000)
			panic("gic: %s does not complete", what);
}

static int find_node(const struct fdt *f, const char *const *compat, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (int node = fdt_find_compatible(f, -1, compat[i]); node >= 0;
		     node = fdt_find_compatible(f, node, compat[i])) {
			const char *status = fdt_prop_str(f, node, "status");
			if (!status || !strcmp(status, "okay") || !strcmp(status, "ok"))
				return node;
		}
	}
	return -1;
}

static volatile uint8_t *map_reg(const struct fdt *f, int node, int idx, uint64_t *pa_out,
				 uint64_t *size_out)
{
	uint64_t pa, size;
	if (!fdt_reg(f, node, idx, &pa, &size) || !size)
		return NULL;
	if (pa_out)
		*pa_out = pa;
	if (size_out)
		*size_out = size;
	return vm_map_mmio(pa, size);
}

/* SPI configuration shared by both versions: disabled, not pending, default
 * priority, level-sensitive. */
static void dist_init_spis(void)
{
	for (unsigned i = 32; i < gic.nirqs; i += 32) {
		wr32(gic.dist, GICD_ICENABLER + i / 8, ~0u);
		wr32(gic.dist, GICD_ICPENDR + i / 8, ~0u);
		wr32(gic.dist, GICD_ICACTIVER + i / 8, ~0u);
	}
	for (unsigned i = 32; i < gic.nirqs; i += 4)
		wr32(gic.dist, GICD_IPRIORITYR + i, PRIO_DEFAULT * 0x01010101u);
	for (unsigned i = 32; i < gic.nirqs; i += 16)
		wr32(gic.dist, GICD_ICFGR + i / 4, 0);
}

static void v2_init(void)
{
	wr32(gic.dist, GICD_CTLR, 0);
	dist_init_spis();
	/* Reading ITARGETSR0..7 returns this CPU's own target bit; a
	 * uniprocessor GIC may return 0, where targets are ignored anyway. */
	uint32_t self = rd32(gic.dist, GICD_ITARGETSR) & 0xff;
	if (!self)
		self = 1;
	for (unsigned i = 32; i < gic.nirqs; i += 4)
		wr32(gic.dist, GICD_ITARGETSR + i, self * 0x01010101u);
	/* Banked SGIs and PPIs of this CPU. */
	wr32(gic.dist, GICD_ICENABLER, 0xffff0000u);
	wr32(gic.dist, GICD_ICPENDR, ~0u);
	for (unsigned i = 0; i < 32; i += 4)
		wr32(gic.dist, GICD_IPRIORITYR + i, PRIO_DEFAULT * 0x01010101u);
	wr32(gic.dist, GICD_CTLR, 1);

	wr32(gic.cpu, GICC_PMR, PRIO_MASK);
	wr32(gic.cpu, GICC_BPR, 0);
	wr32(gic.cpu, GICC_CTLR, 1);
}

/* This CPU's affinity in GICR_TYPER[63:32] order: Aff3.Aff2.Aff1.Aff0. */
static uint32_t my_affinity(void)
{
	uint64_t mpidr = read_sysreg(mpidr_el1);
	return (uint32_t)(((mpidr >> 32) & 0xff) << 24 | (mpidr & 0xffffff));
}

static bool v3_find_redistributor(uint64_t base, uint64_t size)
{
	uint32_t aff = my_affinity();
	for (uint64_t off = 0; off + GICR_FRAME <= size;) {
		volatile uint8_t *rd = vm_map_mmio(base + off, GICR_FRAME);
		dsb(ishst);
		isb();
		uint64_t typer = rd64(rd, GICR_TYPER);
		if ((uint32_t)(typer >> 32) == aff) {
			gic.rdist = rd;
			return true;
		}
		if (typer & GICR_TYPER_LAST)
			break;
		off += (typer & GICR_TYPER_VLPIS) ? 2 * GICR_FRAME : GICR_FRAME;
	}
	return false;
}

static void v3_init(void)
{
	wr32(gic.dist, GICD_CTLR, 0);
	wait_clear(gic.dist, GICD_CTLR, GICD_CTLR_RWP, "distributor disable");
	wr32(gic.dist, GICD_CTLR, GICD_CTLR_V3_ARE);
	wait_clear(gic.dist, GICD_CTLR, GICD_CTLR_RWP, "affinity routing enable");
	dist_init_spis();
	uint64_t mpidr = read_sysreg(mpidr_el1);
	uint64_t route = (mpidr & 0xff00ffffffull); /* Aff3 at [39:32], Aff2..0; IRM = 0 */
	for (unsigned i = 32; i < gic.nirqs; i++) {
		if (!(i % 32))
			wr32(gic.dist, GICD_IGROUPR + i / 8, ~0u); /* non-secure group 1 */
		wr64(gic.dist, GICD_IROUTER + 8 * i, route);
	}
	wr32(gic.dist, GICD_CTLR, GICD_CTLR_V3_ARE | GICD_CTLR_V3_GRP1);
	wait_clear(gic.dist, GICD_CTLR, GICD_CTLR_RWP, "distributor enable");

	/* Wake this CPU's redistributor, then its SGIs and PPIs. */
	wr32(gic.rdist, GICR_WAKER, rd32(gic.rdist, GICR_WAKER) & ~GICR_WAKER_SLEEP);
	wait_clear(gic.rdist, GICR_WAKER, GICR_WAKER_ASLEEP, "redistributor wake-up");
	wr32(gic.rdist, GICR_IGROUPR0, ~0u);
	wr32(gic.rdist, GICR_ICENABLER0, ~0u);
	wr32(gic.rdist, GICR_ICPENDR0, ~0u);
	for (unsigned i = 0; i < 32; i += 4)
		wr32(gic.rdist, GICR_IPRIORITYR + i, PRIO_DEFAULT * 0x01010101u);
	wr32(gic.rdist, GICR_ICFGR1, 0);
	wait_clear(gic.rdist, GICR_CTLR, GICR_CTLR_RWP, "redistributor update");

	/* CPU interface through system registers: SRE, plus disable the legacy
	 * FIQ/IRQ bypass. EL2 (when we came from there) has allowed this. */
	write_sysreg(icc_sre_el1, read_sysreg(icc_sre_el1) | 0x7);
	isb();
	if (!(read_sysreg(icc_sre_el1) & 1))
		panic("gic: the GICv3 system register interface cannot be enabled");
	write_sysreg(icc_pmr_el1, PRIO_MASK);
	write_sysreg(icc_bpr1_el1, 0);
	write_sysreg(icc_ctlr_el1, 0); /* EOImode 0: EOIR both drops priority and deactivates */
	write_sysreg(icc_igrpen1_el1, 1);
	isb();
}

bool gic_init(void)
{
	static const char *const v3_compat[] = { "arm,gic-v3" };
	static const char *const v2_compat[] = { "arm,gic-400", "arm,cortex-a15-gic",
						 "arm,cortex-a9-gic", "arm,cortex-a7-gic" };
	const struct fdt *f = boot_fdt();
	if (!f)
		return false;
	int node = find_node(f, v3_compat, ARRAY_SIZE(v3_compat));
	if (node >= 0) {
		uint64_t rd_pa, rd_size;
		gic.dist = map_reg(f, node, 0, NULL, NULL);
		if (!gic.dist || !fdt_reg(f, node, 1, &rd_pa, &rd_size)) {
			pr_err("gic: GICv3 node without distributor and redistributor regions\n");
			return false;
		}
		dsb(ishst);
		isb();
		if (!v3_find_redistributor(rd_pa, rd_size)) {
			pr_err("gic: no redistributor for this CPU (MPIDR %#llx)\n",
			       (unsigned long long)read_sysreg(mpidr_el1));
			return false;
		}
		gic.version = 3;
	} else if ((node = find_node(f, v2_compat, ARRAY_SIZE(v2_compat))) >= 0) {
		gic.dist = map_reg(f, node, 0, NULL, NULL);
		gic.cpu = map_reg(f, node, 1, NULL, NULL);
		if (!gic.dist || !gic.cpu) {
			pr_err("gic: GICv2 node without distributor and CPU interface regions\n");
			return false;
		}
		dsb(ishst);
		isb();
		gic.version = 2;
	} else {
		pr_err("gic: no GICv2 or GICv3 in the device tree\n");
		return false;
	}
	gic.nirqs = MIN(32 * ((rd32(gic.dist, GICD_TYPER) & 0x1f) + 1), (unsigned)MAX_INTID);
	if (gic.version == 3)
		v3_init();
	else
		v2_init();
	return true;
}

const char *gic_version(void)
{
	return gic.version == 3 ? "GICv3" : gic.version == 2 ? "GICv2" : NULL;
}

void gic_set_handler(unsigned intid, irq_handler_t fn)
{
	if (intid < MAX_INTID)
		handlers[intid] = fn;
	else
		panic("gic: no INTID %u to attach a handler to", intid);
}

static void set_enable(unsigned intid, bool on)
{
	uint32_t bit = 1u << (intid % 32);
	if (gic.version == 3 && intid < 32)
		wr32(gic.rdist, on ? GICR_ISENABLER0 : GICR_ICENABLER0, bit);
	else
		wr32(gic.dist, (on ? GICD_ISENABLER : GICD_ICENABLER) + intid / 32 * 4, bit);
}

void gic_enable(unsigned intid)
{
	kassert(intid < gic.nirqs);
	set_enable(intid, true);
}

uint64_t gic_irq_count(unsigned intid)
{
	return intid < MAX_INTID ? counts[intid] : 0;
}

static uint32_t ack(void)
{
	if (gic.version == 3) {
		uint32_t iar = (uint32_t)read_sysreg(icc_iar1_el1);
		dsb(sy); /* the acknowledge is complete before the handler's accesses */
		return iar;
	}
	return rd32(gic.cpu, GICC_IAR);
}

static void eoi(uint32_t iar)
{
	if (gic.version == 3) {
		write_sysreg(icc_eoir1_el1, iar);
		isb();
	} else {
		wr32(gic.cpu, GICC_EOIR, iar);
	}
}

/* Handles every pending interrupt, until the GIC reports a spurious one. */
void gic_handle_irq(void)
{
	for (;;) {
		uint32_t iar = ack();
		unsigned intid = iar & (gic.version == 3 ? 0xffffffu : 0x3ffu);
		if (intid >= 1020 && intid <= 1023)
			return; /* spurious: nothing (more) pending */
		if (intid >= MAX_INTID) {
			pr_warn("gic: unexpected LPI %u\n", intid); /* none is configured */
			eoi(iar);
			continue;
		}
		counts[intid]++;
		if (handlers[intid]) {
			handlers[intid](intid);
		} else {
			/* Nobody wants it: mask it so that it cannot storm. */
			set_enable(intid, false);
			pr_warn("gic: unexpected interrupt %u, masked\n", intid);
		}
		eoi(iar);
	}
}

/* ---- device interrupt lines for irq objects (the arch_irq_line_* HAL) ----
 * A line is an SPI's INTID (32 and up, below what GICD_TYPER reports).
 * Masking is the distributor's enable bit; SPIs are level-sensitive
 * (dist_init_spis), so a device that still asserts its line interrupts
 * again as soon as the line is unmasked. */
static struct {
	arch_irq_fn fn;
	void *arg;
} lines[MAX_INTID];

static void line_interrupt(unsigned intid)
{
	lines[intid].fn(lines[intid].arg);
}

/* An SPI an irq object has attached. */
static bool attached(uint32_t line)
{
	return line >= 32 && line < gic.nirqs && line < MAX_INTID &&
		handlers[line] == line_interrupt;
}

/* The enable bit's change has reached the distributor (before an EOI). */
static void enable_sync(void)
{
	if (gic.version == 3)
		wait_clear(gic.dist, GICD_CTLR, GICD_CTLR_RWP, "SPI enable update");
	else
		(void)rd32(gic.dist, GICD_CTLR);
}

int arch_irq_line_attach(uint32_t line, arch_irq_fn fn, void *arg)
{
	if (line < 32 || line >= gic.nirqs || line >= MAX_INTID)
		return ERR_NOT_FOUND;
	if (handlers[line])
		return ERR_BUSY; /* the kernel's, or another irq object's */
	set_enable(line, false);
	enable_sync();
	lines[line].fn = fn;
	lines[line].arg = arg;
	handlers[line] = line_interrupt;
	return 0;
}

void arch_irq_line_detach(uint32_t line)
{
	if (attached(line)) {
		set_enable(line, false);
		enable_sync();
		handlers[line] = NULL;
		lines[line].fn = NULL;
		lines[line].arg = NULL;
	}
}

void arch_irq_line_mask(uint32_t line)
{
	if (attached(line)) {
		set_enable(line, false);
		enable_sync();
	}
}

void arch_irq_line_unmask(uint32_t line)
{
	if (attached(line))
		set_enable(line, true);
}
