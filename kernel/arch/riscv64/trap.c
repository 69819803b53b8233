// SPDX-License-Identifier: BSD-2-Clause
// Trap dispatch: interrupts to the timer and the PLIC; kernel exceptions
// either resume through the exception table (probes, user copies) or are
// fatal: the cause, the registers and a backtrace, then a failure
// power-off. Traps from U-mode go to the generic user-mode entry points
// (system calls, user page faults, user exceptions) and never panic.
#include "riscv.h"
#include <kernel/extable.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/thread.h>
#include <verdigris/ipc.h>

#define SCAUSE_INTERRUPT (1ul << 63)

struct trap_stats trap_stats;
/* The target of a running arch_probe_exec (trap.S), 0 when none. */
uintptr_t exec_probe_target;
extern char exec_probe_fixup[];

static const char *const exception_names[] = {
	[EXC_INSN_MISALIGNED] = "instruction address misaligned",
	[EXC_INSN_ACCESS] = "instruction access fault",
	[EXC_ILLEGAL_INSN] = "illegal instruction",
	[EXC_BREAKPOINT] = "breakpoint",
	[EXC_LOAD_MISALIGNED] = "load address misaligned",
	[EXC_LOAD_ACCESS] = "load access fault",
	[EXC_STORE_MISALIGNED] = "store/AMO address misaligned",
	[EXC_STORE_ACCESS] = "store/AMO access fault",
	[EXC_ECALL_U] = "environment call from U-mode",
	[EXC_ECALL_S] = "environment call from S-mode",
	[EXC_INSN_PAGE_FAULT] = "instruction page fault",
	[EXC_LOAD_PAGE_FAULT] = "load page fault",
	[EXC_STORE_PAGE_FAULT] = "store/AMO page fault",
};

/* ABI names of x0..x31, four characters each. */
static const char reg_names[] = "zerora  sp  gp  tp  t0  t1  t2  s0  s1  a0  a1  a2  a3  a4  a5  "
				"a6  a7  s2  s3  s4  s5  s6  s7  s8  s9  s10 s11 t3  t4  t5  t6  ";

static const char *cause_name(unsigned long scause)
{
	if (scause & SCAUSE_INTERRUPT) {
		switch (scause & ~SCAUSE_INTERRUPT) {
		case IRQ_S_SOFT: return "supervisor software interrupt";
		case IRQ_S_TIMER: return "supervisor timer interrupt";
		case IRQ_S_EXT: return "supervisor external interrupt";
		default: return "unknown interrupt";
		}
	}
	if (scause < ARRAY_SIZE(exception_names) && exception_names[scause])
		return exception_names[scause];
	return "unknown exception";
}

static void dump_frame(const struct arch_regs *tf)
{
	kprintf("scause %#018lx (%s)\n", (unsigned long)tf->scause, cause_name(tf->scause));
	kprintf("sepc   %#018lx  stval %#018lx  sstatus %#018lx\n", (unsigned long)tf->sepc,
		(unsigned long)tf->stval, (unsigned long)tf->sstatus);
	for (int i = 1; i < 32; i++)
		kprintf("%.4s %016lx%s", &reg_names[4 * i], (unsigned long)tf->x[i],
			i % 4 == 3 || i == 31 ? "\n" : "  ");
}

static _Noreturn void fatal(const struct arch_regs *tf, const char *what)
{
	static int depth;
	log_panic_takeover();
	if (++depth > 1) {
		/* Faulted while reporting a fault (in the console itself, say):
		 * print the bare minimum through the firmware and stop. */
		console_use_sbi();
		kprintf("\nnested fatal trap: %s at %#lx (scause %#lx, stval %#lx)\n",
			cause_name(tf->scause), (unsigned long)tf->sepc, (unsigned long)tf->scause,
			(unsigned long)tf->stval);
		arch_poweroff(1);
	}
	kprintf("\nFATAL: %s: %s\n", what, cause_name(tf->scause));
	dump_frame(tf);
	panic_at(tf->sepc, tf->x[8], "%s at %#lx (%s, stval %#lx)", what, (unsigned long)tf->sepc,
		 cause_name(tf->scause), (unsigned long)tf->stval);
}

void arch_regs_dump(const struct arch_regs *r)
{
	dump_frame(r);
}

static void interrupt(struct arch_regs *tf)
{
	switch (tf->scause & ~SCAUSE_INTERRUPT) {
	case IRQ_S_TIMER: timer_interrupt(); break;
	case IRQ_S_EXT: plic_handle(); break;
	case IRQ_S_SOFT: csr_clear(sip, SIE_SSIE); break;
	default: fatal(tf, "unexpected interrupt");
	}
}

void riscv_trap(struct arch_regs *tf)
{
	unsigned long cause = tf->scause;
	if (cause & SCAUSE_INTERRUPT) {
		interrupt(tf);
		sched_preempt(); /* after the interrupt is acknowledged and completed */
		return;
	}
	/* trap.S sends traps from U-mode elsewhere: this one came from S-mode. */
	uintptr_t fixup = extable_lookup(tf->sepc);
	/* A user copy (user.S) on a page the process has mapped but not yet
	 * touched: bring the page in and retry the instruction. SUM comes
	 * back with the saved sstatus. */
	if (fixup && (cause == EXC_LOAD_PAGE_FAULT || cause == EXC_STORE_PAGE_FAULT) &&
	    user_fault_from_kernel(tf->stval, cause == EXC_STORE_PAGE_FAULT ? VM_WRITE : VM_READ))
		return;
	if (!fixup && (cause == EXC_INSN_PAGE_FAULT || cause == EXC_INSN_ACCESS) &&
	    exec_probe_target && tf->sepc == exec_probe_target)
		fixup = (uintptr_t)exec_probe_fixup;
	if (fixup) {
		trap_stats.exceptions_fixed++;
		trap_stats.last_cause = cause;
		trap_stats.last_tval = tf->stval;
		tf->sepc = fixup;
		return;
	}
	fatal(tf, "kernel fault");
}

/* Every trap from U-mode, with the frame at the top of the kernel stack;
 * trap.S returns to U-mode with it afterwards. */
void riscv_user_trap(struct arch_regs *r)
{
	unsigned long cause = r->scause;
	if (cause & SCAUSE_INTERRUPT) {
		interrupt(r);
		user_return(r); /* preempts as needed */
		return;
	}
	/* The frame holds scause and stval: the handlers may be interrupted. */
	arch_irq_enable();
	switch (cause) {
	case EXC_ECALL_U: /* trap.S handles these itself; kept for completeness */
		r->sepc += 4; /* past the ecall (never compressed) */
		syscall_dispatch(r);
		break;
	case EXC_INSN_PAGE_FAULT:
	case EXC_INSN_ACCESS: user_page_fault(r, r->stval, VM_EXEC); break;
	case EXC_LOAD_PAGE_FAULT:
	case EXC_LOAD_ACCESS: user_page_fault(r, r->stval, VM_READ); break;
	case EXC_STORE_PAGE_FAULT:
	case EXC_STORE_ACCESS: user_page_fault(r, r->stval, VM_WRITE); break;
	case EXC_ILLEGAL_INSN:
		/* With sstatus.FS Off every FP instruction is illegal: the lazy
		 * FP switch (user.c) turns this thread's on and retries. */
		if (fpu_user_trap())
			break;
		user_exception(r, VG_EXC_ILLEGAL, r->sepc, cause_name(cause), cause);
		break;
	case EXC_INSN_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		user_exception(r, VG_EXC_ALIGNMENT, r->stval, cause_name(cause), cause);
		break;
	case EXC_BREAKPOINT:
		user_exception(r, VG_EXC_BREAKPOINT, r->sepc, cause_name(cause), cause);
		break;
	default: user_exception(r, VG_EXC_OTHER, r->sepc, cause_name(cause), cause); break;
	}
	user_return(r);
}
