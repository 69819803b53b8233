// SPDX-License-Identifier: BSD-2-Clause
// Exceptions and interrupts: recover probes through the exception table,
// report anything else in kernel mode with registers and a backtrace.
#include <arch/x86.h>
#include <kernel/extable.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/thread.h>
#include <verdigris/ipc.h>

static const char *const exception_names[32] = {
	"divide error",
	"debug",
	"NMI",
	"breakpoint",
	"overflow",
	"bound range",
	"invalid opcode",
	"device not available",
	"double fault",
	"coprocessor overrun",
	"invalid TSS",
	"segment not present",
	"stack fault",
	"general protection",
	"page fault",
	"reserved",
	"x87 FP error",
	"alignment check",
	"machine check",
	"SIMD FP error",
	"virtualization",
	"control protection",
	"reserved",
	"reserved",
	"reserved",
	"reserved",
	"reserved",
	"reserved",
	"hypervisor injection",
	"VMM communication",
	"security",
	"reserved",
};

#define PF_INSTRUCTION_FETCH (1u << 4)

static void (*isa_handlers[16])(void);

void x86_set_isa_handler(unsigned irq, void (*fn)(void))
{
	isa_handlers[irq] = fn;
}

bool x86_isa_handler_set(unsigned irq)
{
	return irq < 16 && isa_handlers[irq];
}

static bool recover(struct arch_regs *f)
{
	uintptr_t fix = extable_lookup(f->rip);
	if (fix && f->vector == 14 &&
	    user_fault_from_kernel(read_cr2(), f->error & 2 ? VM_WRITE : VM_READ))
		return true; /* retry the copy */
	if (fix) {
		f->rip = fix;
		return true;
	}
	/* A fetch fault at a probed call target: resume in the caller's fixup. */
	uint64_t ret;
	if (f->vector == 14 && (f->error & PF_INSTRUCTION_FETCH) &&
	    !arch_probe_read64((void *)f->rsp, &ret) && (fix = extable_lookup(ret))) {
		f->rsp += 8;
		f->rip = fix;
		return true;
	}
	return false;
}

static void dump(const struct arch_regs *f)
{
	log_panic_takeover();
	kprintf("\n%s (vector %llu, error %#llx) in kernel mode\n", exception_names[f->vector],
		(unsigned long long)f->vector, (unsigned long long)f->error);
	if (f->vector == 14)
		kprintf("  faulting address %#llx (%s, %s)\n", (unsigned long long)read_cr2(),
			f->error & 1 ? "protection" : "not present",
			f->error & PF_INSTRUCTION_FETCH ? "fetch"
				: f->error & 2		? "write"
							: "read");
	kprintf("  rip %016llx  rsp %016llx  rflags %016llx  cs %llx ss %llx\n",
		(unsigned long long)f->rip, (unsigned long long)f->rsp,
		(unsigned long long)f->rflags, (unsigned long long)f->cs,
		(unsigned long long)f->ss);
	kprintf("  rax %016llx  rbx %016llx  rcx %016llx  rdx %016llx\n",
		(unsigned long long)f->rax, (unsigned long long)f->rbx, (unsigned long long)f->rcx,
		(unsigned long long)f->rdx);
	kprintf("  rsi %016llx  rdi %016llx  rbp %016llx  r8  %016llx\n",
		(unsigned long long)f->rsi, (unsigned long long)f->rdi, (unsigned long long)f->rbp,
		(unsigned long long)f->r8);
	kprintf("  r9  %016llx  r10 %016llx  r11 %016llx  r12 %016llx\n", (unsigned long long)f->r9,
		(unsigned long long)f->r10, (unsigned long long)f->r11, (unsigned long long)f->r12);
	kprintf("  r13 %016llx  r14 %016llx  r15 %016llx\n", (unsigned long long)f->r13,
		(unsigned long long)f->r14, (unsigned long long)f->r15);
}

static void user_trap(struct arch_regs *f)
{
	if (f->vector == 14) {
		unsigned access = f->error & PF_INSTRUCTION_FETCH ? VM_EXEC
			: f->error & 2				  ? VM_WRITE
								  : VM_READ;
		user_page_fault(f, read_cr2(), access);
	} else {
		uint32_t cause = VG_EXC_OTHER;
		switch (f->vector) {
		case 0:
		case 16:
		case 19: cause = VG_EXC_ARITHMETIC; break;
		case 6: cause = VG_EXC_ILLEGAL; break;
		case 3: cause = VG_EXC_BREAKPOINT; break;
		case 17: cause = VG_EXC_ALIGNMENT; break;
		}
		user_exception(f, cause, f->rip, exception_names[f->vector], f->error);
	}
}

void x86_trap(struct arch_regs *f)
{
	bool from_user = f->cs & 3;
	if (f->vector < 32 && from_user) {
		user_trap(f);
		user_return(f);
		return;
	}
	if (f->vector < 32) {
		if (f->vector != 2 && f->vector != 8 && f->vector != 18 && recover(f))
			return;
		dump(f);
		panic_at(f->rip, f->rbp, "unhandled %s", exception_names[f->vector]);
	}
	switch (f->vector) {
	case VEC_TIMER:
		timer_tick();
		lapic_eoi();
		break;
	case VEC_SPURIOUS: break; /* spurious interrupts take no EOI */
	default:
		if (f->vector >= VEC_IRQ_BASE && f->vector < VEC_IRQ_BASE + 16 &&
		    isa_handlers[f->vector - VEC_IRQ_BASE]) {
			isa_handlers[f->vector - VEC_IRQ_BASE]();
			lapic_eoi();
			break;
		}
		if (f->vector >= VEC_IRQ_BASE && x86_irq_line_interrupt(f->vector - VEC_IRQ_BASE)) {
			lapic_eoi();
			break;
		}
		pr_warn("x86: unexpected interrupt vector %llu\n", (unsigned long long)f->vector);
		lapic_eoi();
		break;
	}
	if (from_user)
		user_return(f); /* preempts as needed */
	else
		sched_preempt(); /* after the EOI: the local APIC holds back the next tick until
				    then */
}
