// SPDX-License-Identifier: BSD-2-Clause
// The ARM generic timer: the EL1 virtual timer (CNTV_*) as the periodic tick.
// The virtual timer is the one EL1 owns under any hypervisor; when we came
// from EL2 ourselves, CNTVOFF_EL2 is 0, so virtual and physical time agree.
#include <arch/aarch64.h>
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <kernel/log.h>

#define CNTV_CTL_ENABLE (1u << 0)
#define CNTV_CTL_IMASK (1u << 1)
#define CNTKCTL_EL0VCTEN (1u << 1)

/* Per the "arm,armv8-timer" binding, "interrupts" lists the secure physical,
 * non-secure physical, virtual and hypervisor timers, in that order, as
 * GIC three-cell specifiers <type number flags>; type 1 is a PPI. */
#define TIMER_IRQ_VIRT 2
#define PPI_BASE 16
#define VIRT_TIMER_PPI_DEFAULT 27

static unsigned timer_intid = VIRT_TIMER_PPI_DEFAULT;
static uint64_t period;
static uint64_t deadline;

unsigned aarch64_timer_intid(void)
{
	return timer_intid;
}

static void timer_irq(unsigned intid)
{
	(void)intid;
	/* Periodic by deadline, not by "now + period", so the tick does not
	 * drift by the interrupt latency; after a long stall (a debugger, a
	 * slow host) skip the missed ticks instead of storming. */
	uint64_t now = arch_counter();
	deadline += period;
	if (deadline <= now)
		deadline = now + period;
	write_sysreg(cntv_cval_el0, deadline);
	isb(); /* the line drops before the EOI */
	timer_tick();
}

void aarch64_timer_init(void)
{
	write_sysreg(cntv_ctl_el0, CNTV_CTL_IMASK);
	/* User space may read the virtual counter (a clock without a syscall). */
	write_sysreg(cntkctl_el1, CNTKCTL_EL0VCTEN);
	const struct fdt *f = boot_fdt();
	int node = f ? fdt_find_compatible(f, -1, "arm,armv8-timer") : -1;
	uint32_t len = 0;
	const uint8_t *irqs = node >= 0 ? fdt_prop(f, node, "interrupts", &len) : NULL;
	if (irqs && len >= 12 * (TIMER_IRQ_VIRT + 1)) {
		const uint8_t *spec = irqs + 12 * TIMER_IRQ_VIRT;
		if (fdt_be32(spec) == 1)
			timer_intid = PPI_BASE + fdt_be32(spec + 4);
		else
			pr_warn("timer: virtual timer is not a PPI in the device tree\n");
	} else {
		pr_warn("timer: no arm,armv8-timer interrupts in the device tree, using INTID %u\n",
			timer_intid);
	}
	gic_set_handler(timer_intid, timer_irq);
}

void arch_timer_start(uint32_t hz)
{
	uint64_t freq = arch_counter_freq();
	period = hz ? freq / hz : 0;
	if (!period)
		period = 1;
	deadline = arch_counter() + period;
	write_sysreg(cntv_cval_el0, deadline);
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
	gic_enable(timer_intid);
}
