// SPDX-License-Identifier: BSD-2-Clause
// The platform-level interrupt controller (RISC-V PLIC spec v1.0.0): every
// device interrupt reaches this hart as "supervisor external" through one
// PLIC context, claimed and completed here.
#include "riscv.h"
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <kernel/heap.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/vm.h>
#include <verdigris/errors.h>

#define PLIC_MAX_SOURCES 1023
#define PLIC_PRIORITY(irq) (4u * (irq))
#define PLIC_ENABLE(ctx, word) (0x2000u + 0x80u * (ctx) + 4u * (word))
#define PLIC_THRESHOLD(ctx) (0x200000u + 0x1000u * (ctx))
#define PLIC_CLAIM(ctx) (0x200004u + 0x1000u * (ctx))

struct irq_slot {
	irq_handler_t fn;
	void *arg;
};

static volatile uint8_t *plic;
static uint64_t plic_size;
static uint32_t ndev;
static uint32_t context;
static struct irq_slot *slots; /* [ndev + 1], source 0 does not exist */
static unsigned long spurious;

static inline uint32_t plic_read(uint32_t off)
{
	return *(volatile uint32_t *)(plic + off);
}

static inline void plic_write(uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)(plic + off) = v;
}

static int node_by_phandle(const struct fdt *f, uint32_t ph)
{
	for (int n = fdt_next_node(f, -1); n >= 0; n = fdt_next_node(f, n))
		if (fdt_prop_u32(f, n, "phandle", 0) == ph ||
		    fdt_prop_u32(f, n, "linux,phandle", 0) == ph)
			return n;
	return -1;
}

/*
 * The PLIC's interrupts-extended lists its contexts in order, each as
 * <phandle of a hart's interrupt controller, interrupt number there>; the
 * context we want is the one wired to this hart's controller as the
 * supervisor external interrupt (9). Returns -1 if the tree does not say.
 */
static int find_context(const struct fdt *f, int plic_node)
{
	int cpu = boot_cpu_node(f);
	uint32_t intc = 0;
	for (int c = fdt_first_child(f, cpu); c >= 0; c = fdt_next_sibling(f, c))
		if (fdt_is_compatible(f, c, "riscv,cpu-intc"))
			intc = fdt_prop_u32(f, c, "phandle", 0);
	if (!intc)
		return -1;
	uint32_t len;
	const uint8_t *p = fdt_prop(f, plic_node, "interrupts-extended", &len);
	if (!p)
		return -1;
	uint32_t off = 0;
	for (int idx = 0; off + 8 <= len; idx++) {
		uint32_t ph = fdt_be32(p + off);
		int ctl = node_by_phandle(f, ph);
		uint32_t cells = ctl >= 0 ? fdt_prop_u32(f, ctl, "#interrupt-cells", 1) : 1;
		if (cells < 1 || cells > 4 || off + 4 + 4 * cells > len)
			return -1;
		uint32_t irq = fdt_be32(p + off + 4);
		if (ph == intc && irq == IRQ_S_EXT)
			return idx;
		off += 4 + 4 * cells;
	}
	return -1;
}

void plic_init(const struct fdt *f, unsigned long hartid)
{
	int n = fdt_find_compatible(f, -1, "riscv,plic0");
	if (n < 0)
		n = fdt_find_compatible(f, -1, "sifive,plic-1.0.0");
	paddr_t pa;
	if (n < 0 || !fdt_reg(f, n, 0, &pa, &plic_size) || plic_size < 0x200008) {
		pr_warn("riscv: no usable PLIC in the device tree; no device interrupts\n");
		return;
	}
	ndev = fdt_prop_u32(f, n, "riscv,ndev", 0);
	if (!ndev || ndev > PLIC_MAX_SOURCES) {
		pr_warn("riscv: PLIC riscv,ndev = %u is out of range; no device interrupts\n",
			ndev);
		return;
	}
	int ctx = find_context(f, n);
	if (ctx < 0) {
		/* QEMU virt and most SoCs: M-mode and S-mode context per hart. */
		ctx = (int)(2 * hartid + 1);
		pr_warn("riscv: PLIC context for hart %lu not in the device tree, guessing %d\n",
			hartid, ctx);
	}
	context = (uint32_t)ctx;
	if (PLIC_CLAIM(context) + 4 > plic_size) {
		pr_warn("riscv: PLIC context %u lies outside its registers\n", context);
		return;
	}
	slots = kzalloc((ndev + 1) * sizeof(*slots));
	if (!slots)
		panic("riscv: no memory for the PLIC's handler table");
	plic = vm_map_mmio(pa, plic_size);

	/* Everything masked until a driver attaches: priority 0 never
	 * interrupts, and nothing is enabled for our context. */
	for (uint32_t irq = 1; irq <= ndev; irq++)
		plic_write(PLIC_PRIORITY(irq), 0);
	for (uint32_t w = 0; w <= ndev / 32; w++)
		plic_write(PLIC_ENABLE(context, w), 0);
	plic_write(PLIC_THRESHOLD(context), 0);
	csr_set(sie, SIE_SEIE);
	pr_info("riscv: PLIC at %#llx, %u sources, hart %lu uses context %u\n",
		(unsigned long long)pa, ndev, hartid, context);
}

bool plic_present(void)
{
	return plic != NULL;
}

bool plic_attach(uint32_t irq, irq_handler_t handler, void *arg)
{
	if (!plic || irq == 0 || irq > ndev)
		return false;
	irqflags_t f = arch_irq_save();
	slots[irq] = (struct irq_slot){ handler, arg };
	plic_write(PLIC_PRIORITY(irq), 1);
	uint32_t off = PLIC_ENABLE(context, irq / 32);
	plic_write(off, plic_read(off) | 1u << (irq % 32));
	arch_irq_restore(f);
	return true;
}

void plic_handle(void)
{
	if (!plic)
		return;
	for (;;) {
		uint32_t irq = plic_read(PLIC_CLAIM(context));
		if (!irq)
			break;
		if (irq <= ndev && slots[irq].fn) {
			slots[irq].fn(slots[irq].arg);
		} else {
			/* Nobody asked for it: mask it so it cannot storm. */
			spurious++;
			if (irq <= ndev)
				plic_write(PLIC_PRIORITY(irq), 0);
		}
		plic_write(PLIC_CLAIM(context), irq);
	}
}

/* ---- device interrupt lines for irq objects (the arch_irq_line_* HAL) ----
 * A line is a PLIC source, 1 to riscv,ndev. It stays enabled for our
 * context while attached; masking sets its priority to 0 (never
 * interrupts), which, unlike clearing the enable bit, keeps the completion
 * of a claimed interrupt valid (the spec ignores completions of sources not
 * enabled for the context). */
int arch_irq_line_attach(uint32_t line, arch_irq_fn fn, void *arg)
{
	if (!plic || line == 0 || line > ndev)
		return ERR_NOT_FOUND;
	if (slots[line].fn)
		return ERR_BUSY; /* the kernel's (the UART), or another irq object's */
	plic_write(PLIC_PRIORITY(line), 0);
	slots[line] = (struct irq_slot){ fn, arg };
	uint32_t off = PLIC_ENABLE(context, line / 32);
	plic_write(off, plic_read(off) | 1u << (line % 32));
	return 0;
}

void arch_irq_line_detach(uint32_t line)
{
	if (!plic || line == 0 || line > ndev || !slots[line].fn)
		return;
	plic_write(PLIC_PRIORITY(line), 0);
	uint32_t off = PLIC_ENABLE(context, line / 32);
	plic_write(off, plic_read(off) & ~(1u << (line % 32)));
	slots[line] = (struct irq_slot){ NULL, NULL };
}

void arch_irq_line_mask(uint32_t line)
{
	if (plic && line && line <= ndev && slots[line].fn)
		plic_write(PLIC_PRIORITY(line), 0);
}

void arch_irq_line_unmask(uint32_t line)
{
	if (plic && line && line <= ndev && slots[line].fn)
		plic_write(PLIC_PRIORITY(line), 1);
}
