// SPDX-License-Identifier: BSD-2-Clause
// Time: the time CSR counts at the device tree's timebase-frequency; the
// periodic tick is a one-shot SBI timer re-armed from its own interrupt.
#include "riscv.h"
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <kernel/log.h>

/* QEMU virt's timebase, used only if the device tree omits it. */
#define DEFAULT_TIMEBASE 10000000u
/* Missed periods replayed per interrupt at most (after a long stall the
 * tick count catches up over several interrupts instead of at once). */
#define MAX_CATCH_UP 64

static uint64_t freq;
static uint64_t period;
static uint64_t deadline;

void timer_setup(const struct fdt *f)
{
	/* Usually on /cpus; a cpu node may carry its own. */
	uint32_t hz = fdt_prop_u32(f, fdt_path(f, "/cpus"), "timebase-frequency", 0);
	if (!hz)
		hz = fdt_prop_u32(f, boot_cpu_node(f), "timebase-frequency", 0);
	if (!hz) {
		pr_warn("riscv: no timebase-frequency in the device tree, assuming %u Hz\n",
			DEFAULT_TIMEBASE);
		hz = DEFAULT_TIMEBASE;
	}
	freq = hz;
}

uint64_t arch_counter(void)
{
	uint64_t t;
	__asm__ volatile("rdtime %0" : "=r"(t));
	return t;
}

uint64_t arch_counter_freq(void)
{
	return freq;
}

void arch_timer_start(uint32_t hz)
{
	if (!hz || !freq)
		return;
	period = freq / hz;
	if (!period)
		period = 1;
	deadline = arch_counter() + period;
	sbi_set_timer(deadline);
	csr_set(sie, SIE_STIE);
}

void timer_interrupt(void)
{
	if (!period) {
		/* Not started: push the deadline out of reach, which also
		 * clears the pending bit. */
		sbi_set_timer(UINT64_MAX);
		return;
	}
	/* Deadlines advance by whole periods from the first one, so the tick
	 * does not drift with interrupt latency; periods missed while
	 * interrupts were off are counted too, so ticks track time. */
	uint64_t now = arch_counter();
	int n = 0;
	do {
		timer_tick();
		deadline += period;
	} while (deadline <= now && ++n < MAX_CATCH_UP);
	sbi_set_timer(deadline);
}
