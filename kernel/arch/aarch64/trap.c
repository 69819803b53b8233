// SPDX-License-Identifier: BSD-2-Clause
// Exceptions taken to EL1: system calls and faults from EL0, fault recovery
// through the exception table, interrupt dispatch, and the report of
// anything fatal before the panic.
#include <arch/aarch64.h>
#include <kernel/extable.h>
#include <kernel/fmt.h>
#include <kernel/hal.h>
#include <kernel/panic.h>
#include <kernel/thread.h>
#include <verdigris/ipc.h>

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

static void dump_frame(const struct arch_regs *tf)
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

static _Noreturn void fatal(const struct arch_regs *tf, const char *what)
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

/* Translation, access flag and permission faults (any level): the ones a
 * page-table change can resolve. */
static bool fsc_is_mmu_fault(unsigned fsc)
{
	return fsc >= 0x04 && fsc <= 0x0f;
}

/* A data abort's access, for the generic fault handlers. Cache maintenance
 * reports WnR = 1 but needs only read access (as in Linux). */
static unsigned dabt_access(unsigned iss)
{
	return (iss & ISS_ABT_WNR) && !(iss & ISS_ABT_CM) ? VM_WRITE : VM_READ;
}

/*
 * A fault in kernel mode on a user address inside the user copies
 * (user.S): the page may just not be there yet (pages appear on first
 * touch), so the generic code resolves it as a user page fault would, but
 * without the kill; on success the copy instruction runs again. Anything
 * else is for the exception table (the copy returns -1).
 */
static bool resolve_usercopy_fault(const struct arch_regs *tf)
{
	unsigned iss = ESR_ISS(tf->esr);
	if (ESR_EC(tf->esr) != EC_DABT_CUR || !fsc_is_mmu_fault(iss & ISS_ABT_FSC) ||
	    (iss & ISS_ABT_FNV))
		return false;
	if ((uintptr_t)tf->elr < (uintptr_t)aarch64_usercopy_start ||
	    (uintptr_t)tf->elr >= (uintptr_t)aarch64_usercopy_end)
		return false;
	return user_fault_from_kernel((vaddr_t)tf->far, dabt_access(iss));
}

static void kernel_sync(struct arch_regs *tf)
{
	unsigned ec = ESR_EC(tf->esr);
	uintptr_t fixup = extable_lookup((uintptr_t)tf->elr);
	if (fixup && resolve_usercopy_fault(tf))
		return;
	/* Exec probes: the extable entry names the call site (see
	 * arch_probe_exec in start.S); the link register still points just
	 * past it because the target never ran. */
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

/* A synchronous exception from EL0: a system call, or a fault that either
 * the address space resolves or that kills the process. Never fatal to the
 * kernel. */
static void user_sync(struct arch_regs *tf)
{
	unsigned ec = ESR_EC(tf->esr), iss = ESR_ISS(tf->esr);
	bool abort = ec == EC_DABT_LOW || ec == EC_IABT_LOW;
	if (ec == EC_SVC64 && (iss & 0xffff) == 0) {
		syscall_dispatch(tf);
		return;
	}
	if (ec == EC_FP_ACCESS && fpu_user_trap())
		return; /* the registers are this thread's now: retry */
	if (abort && fsc_is_mmu_fault(iss & ISS_ABT_FSC) && !(iss & ISS_ABT_FNV)) {
		user_page_fault(tf, (vaddr_t)tf->far,
				ec == EC_IABT_LOW ? VM_EXEC : dabt_access(iss));
		return;
	}
	char what[80], fsc[48];
	uint32_t cause = VG_EXC_OTHER;
	uint64_t addr = tf->elr;
	if (abort || ec == EC_PC_ALIGN || ec == EC_SP_ALIGN) {
		cause = VG_EXC_ALIGNMENT;
		addr = ec == EC_SP_ALIGN ? tf->sp : tf->far;
	} else if (ec == EC_UNKNOWN) {
		cause = VG_EXC_ILLEGAL;
	} else if (ec == EC_BRK64) {
		cause = VG_EXC_BREAKPOINT;
	}
	if (abort) { /* alignment faults, external aborts and the like */
		describe_fsc(iss & ISS_ABT_FSC, fsc, sizeof(fsc));
		snprintf(what, sizeof(what), "%s (%s) at %#llx", ec_name(ec), fsc,
			 (unsigned long long)tf->far);
	} else if (ec == EC_PC_ALIGN || ec == EC_SP_ALIGN) {
		snprintf(what, sizeof(what), "%s at %#llx", ec_name(ec),
			 (unsigned long long)(ec == EC_PC_ALIGN ? tf->far : tf->sp));
	} else if (ec == EC_SVC64) {
		snprintf(what, sizeof(what), "SVC #%u (system calls are SVC #0)", iss & 0xffff);
	} else {
		snprintf(what, sizeof(what), "%s", ec_name(ec));
	}
	user_exception(tf, cause, addr, what, tf->esr);
}

void aarch64_trap_sync(struct arch_regs *tf, int from_user)
{
	if (!from_user) {
		kernel_sync(tf);
		return;
	}
	/* The frame is saved: interrupts may come in while the kernel works for
	 * the thread (a system call may block). They are masked again before
	 * user_return, so that nothing sets need_resched between its check and
	 * the eret. */
	arch_irq_enable();
	user_sync(tf);
	arch_irq_disable();
	user_return(tf);
}

void aarch64_trap_irq(struct arch_regs *tf, int from_user)
{
	gic_handle_irq();
	/* After every EOI: the GIC may hold back later interrupts. */
	if (from_user)
		user_return(tf); /* preempts as needed */
	else
		sched_preempt();
}

void aarch64_trap_user_serror(struct arch_regs *tf)
{
	/* An asynchronous external abort while EL0 ran: blamed on the process,
	 * not fatal to the kernel. */
	user_exception(tf, VG_EXC_ALIGNMENT, tf->far, "SError", tf->esr);
	user_return(tf);
}

void aarch64_trap_unexpected(struct arch_regs *tf, int kind)
{
	static const char *const from[4] = { "EL1 with SP_EL0", "EL1", "EL0 (AArch64)",
					     "EL0 (AArch32)" };
	static const char *const type[4] = { "synchronous exception", "IRQ", "FIQ", "SError" };
	char what[80];
	snprintf(what, sizeof(what), "unexpected %s from %s", type[kind & 3],
		 from[(kind >> 2) & 3]);
	fatal(tf, what);
}

_Noreturn void aarch64_bad_user_return(struct arch_regs *tf, uintptr_t kstack_top)
{
	char what[96];
	snprintf(what, sizeof(what),
		 "return to EL0 with the frame ending at %#lx, not at the kernel stack top %#lx",
		 (unsigned long)(tf + 1), (unsigned long)kstack_top);
	fatal(tf, what);
}
