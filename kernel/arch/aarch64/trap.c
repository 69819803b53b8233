// SPDX-License-Identifier: BSD-2-Clause
// Exceptions taken to EL1: fault recovery through the exception table,
// interrupt dispatch, and the report of anything fatal before the panic.
#include <arch/aarch64.h>
#include <kernel/extable.h>
#include <kernel/fmt.h>
#include <kernel/hal.h>
#include <kernel/panic.h>
#include <kernel/thread.h>

volatile uint64_t aarch64_recovered_faults;
volatile uint64_t aarch64_last_recovered_esr;

/* The register dump writes to the UART directly, without the console lock:
 * the fault may have hit while the lock was held. */
static void __attribute__((format(printf, 1, 2))) tprintf(const char *fmt, ...)
{
	char buf[200];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (int i = 0; i < n && i < (int)sizeof(buf) - 1; i++) {
		if (buf[i] == '\n')
			arch_console_putc('\r');
		arch_console_putc(buf[i]);
	}
}

static const char *ec_name(unsigned ec)
{
	switch (ec) {
	case 0x00: return "unknown reason (undefined instruction)";
	case 0x01: return "trapped WFI/WFE";
	case 0x07: return "FP/SIMD access trap";
	case 0x09: return "pointer authentication trap";
	case 0x0d: return "branch target exception";
	case 0x0e: return "illegal execution state";
	case 0x15: return "SVC";
	case 0x16: return "HVC";
	case 0x17: return "SMC";
	case 0x18: return "trapped MSR/MRS/system instruction";
	case 0x19: return "SVE access trap";
	case 0x1c: return "pointer authentication failure";
	case 0x20: return "instruction abort from EL0";
	case 0x21: return "instruction abort from EL1";
	case 0x22: return "PC alignment fault";
	case 0x24: return "data abort from EL0";
	case 0x25: return "data abort from EL1";
	case 0x26: return "SP alignment fault";
	case 0x2c: return "FP exception";
	case 0x2f: return "SError";
	case 0x30:
	case 0x31: return "breakpoint";
	case 0x32:
	case 0x33: return "software step";
	case 0x34:
	case 0x35: return "watchpoint";
	case 0x3c: return "BRK instruction";
	default: return "reserved/unknown class";
	}
}

/* The fault status code of an abort (ISS[5:0]), as text. */
static void describe_fsc(unsigned fsc, char *buf, size_t size)
{
	static const char *const kinds[4] = { "address size fault", "translation fault",
					      "access flag fault", "permission fault" };
	if (fsc < 16)
		snprintf(buf, size, "%s, level %u", kinds[fsc >> 2], fsc & 3);
	else if (fsc == 0x10)
		snprintf(buf, size, "synchronous external abort");
	else if (fsc == 0x21)
		snprintf(buf, size, "alignment fault");
	else if (fsc == 0x30)
		snprintf(buf, size, "TLB conflict abort");
	else
		snprintf(buf, size, "fault status %#x", fsc);
}

static void dump_frame(const struct trap_frame *tf)
{
	unsigned ec = (unsigned)(tf->esr >> 26) & 0x3f;
	unsigned iss = (unsigned)tf->esr & 0x1ffffff;
	tprintf("  ESR 0x%016llx: %s (EC %#x, ISS %#x)\n", (unsigned long long)tf->esr, ec_name(ec),
		ec, iss);
	if (ec == EC_DABT_CUR || ec == EC_DABT_LOW || ec == EC_IABT_CUR || ec == EC_IABT_LOW) {
		char what[64];
		describe_fsc(iss & 0x3f, what, sizeof(what));
		bool data = ec == EC_DABT_CUR || ec == EC_DABT_LOW;
		tprintf("  %s %s at FAR 0x%016llx%s\n",
			data ? ((iss & (1u << 6)) ? "write" : "read") : "fetch", what,
			(unsigned long long)tf->far, (iss & (1u << 10)) ? " (FAR not valid)" : "");
	} else if (ec == EC_PC_ALIGN || ec == 0x26 || ec == 0x34 || ec == 0x35) {
		tprintf("  FAR 0x%016llx\n", (unsigned long long)tf->far);
	}
	char masked[5], *m = masked;
	for (int bit = 3; bit >= 0; bit--)
		if (tf->spsr & (1u << (6 + bit)))
			*m++ = "FIAD"[bit];
	*m = 0;
	tprintf("  ELR 0x%016llx  SPSR 0x%08llx (EL%llu%s, masked: %s)\n",
		(unsigned long long)tf->elr, (unsigned long long)tf->spsr,
		(unsigned long long)((tf->spsr >> 2) & 3), (tf->spsr & 1) ? "h" : "t",
		masked[0] ? masked : "none");
	for (int i = 0; i < 31; i += 3) {
		for (int j = i; j < i + 3 && j < 31; j++)
			tprintf("  x%-2d 0x%016llx", j, (unsigned long long)tf->x[j]);
		tprintf("\n");
	}
	tprintf("  sp  0x%016llx\n", (unsigned long long)tf->sp);
}

static int fatal_depth;

static _Noreturn void fatal(const struct trap_frame *tf, const char *what)
{
	arch_irq_disable();
	if (fatal_depth++) {
		/* The report itself faulted: stop before it recurses. */
		tprintf("\naarch64: fault while reporting a fault (%s, ELR %#llx)\n", what,
			(unsigned long long)tf->elr);
		arch_poweroff(1);
	}
	tprintf("\naarch64: %s\n", what);
	dump_frame(tf);
	panic_at((uintptr_t)tf->elr, (uintptr_t)tf->x[29], "%s at %#llx", what,
		 (unsigned long long)tf->elr);
}

void aarch64_trap_sync(struct trap_frame *tf, int from_user)
{
	unsigned ec = (unsigned)(tf->esr >> 26) & 0x3f;
	if (!from_user) {
		uintptr_t fixup = extable_lookup((uintptr_t)tf->elr);
		/* Exec probes: the extable entry names the call site (see
		 * arch_probe_exec in start.S); the link register still points
		 * just past it because the target never ran. */
		if (!fixup && (ec == EC_IABT_CUR || ec == EC_PC_ALIGN))
			fixup = extable_lookup((uintptr_t)tf->x[30] - 4);
		if (fixup) {
			aarch64_recovered_faults++;
			aarch64_last_recovered_esr = tf->esr;
			tf->elr = fixup;
			return;
		}
		fatal(tf, "unhandled synchronous exception in kernel mode");
	}
	/* No user space yet: any exception from EL0 is unexpected. */
	fatal(tf, "unhandled synchronous exception from user mode");
}

void aarch64_trap_irq(struct trap_frame *tf)
{
	(void)tf;
	gic_handle_irq();
	sched_preempt(); /* after every EOI: the GIC may hold back later interrupts */
}

void aarch64_trap_unexpected(struct trap_frame *tf, int kind)
{
	static const char *const from[4] = { "EL1 with SP_EL0", "EL1", "EL0 (AArch64)",
					     "EL0 (AArch32)" };
	static const char *const type[4] = { "synchronous exception", "IRQ", "FIQ", "SError" };
	char what[80];
	snprintf(what, sizeof(what), "unexpected %s from %s", type[kind & 3],
		 from[(kind >> 2) & 3]);
	fatal(tf, what);
}
