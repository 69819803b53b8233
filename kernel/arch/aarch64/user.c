// SPDX-License-Identifier: BSD-2-Clause
// User mode on AArch64: the register frame, the kernel stack for entries
// from EL0, user address spaces (TTBR0) and the initial FP state. The entry
// and exit paths are in vectors.S, FP save/restore and the user copies in
// user.S, the EL0 exception dispatch in trap.c.
#include <arch/aarch64.h>
#include <kernel/fmt.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/percpu.h>
#include <kernel/string.h>
#include <kernel/thread.h>

/* SPSR for a fresh user thread: EL0t (M = 0b0000, AArch64), N/Z/C/V clear,
 * D, A, I and F all unmasked. */
#define SPSR_EL0T 0x0

/*
 * Every user address space runs under this one ASID, and each switch of
 * TTBR0 (to another user root or to none) invalidates the ASID's entries:
 * simple and correct, at the price of refilling the user TLB entries after
 * a switch between processes. Kernel mappings are global (nG clear), so the
 * kernel's TLB entries survive. Per-process ASIDs would need somewhere to
 * keep the ASID (and a generation for reuse) per address space.
 */
#define USER_ASID 1ull
#define TTBR_ASID_SHIFT 48

void arch_regs_init_user(struct arch_regs *r, uintptr_t pc, uintptr_t sp, uint64_t arg0,
			 uint64_t arg1)
{
	memset(r, 0, sizeof(*r));
	r->elr = pc;
	r->sp = sp;
	r->x[0] = arg0;
	r->x[1] = arg1;
	r->spsr = SPSR_EL0T;
}

void arch_regs_dump(const struct arch_regs *r)
{
	kprintf("  pc  %016llx  sp  %016llx  spsr %08llx  tpidr %016llx\n",
		(unsigned long long)r->elr, (unsigned long long)r->sp, (unsigned long long)r->spsr,
		(unsigned long long)r->tpidr);
	kprintf("  esr %016llx  far %016llx\n", (unsigned long long)r->esr,
		(unsigned long long)r->far);
	for (int i = 0; i < 31; i += 4) {
		char line[120];
		size_t len = 0;
		for (int j = i; j < i + 4 && j < 31; j++)
			len += snprintf(line + len, sizeof(line) - len, "  x%-2d %016llx", j,
					(unsigned long long)r->x[j]);
		kprintf("%s\n", line);
	}
}

void arch_set_kernel_stack(uintptr_t top)
{
	/* Nothing to load: SP_EL1 stands at the top of the user thread's kernel
	 * stack whenever the CPU is at EL0 (see vectors.S). The value is kept
	 * so that every return to EL0 can check that. */
	this_cpu()->kstack_top = top;
}

void arch_aspace_activate(paddr_t root)
{
	uint64_t tcr = read_sysreg(tcr_el1);
	if (root) {
		dsb(ishst); /* the tables are in memory before the walker can see them */
		write_sysreg(ttbr0_el1, root | USER_ASID << TTBR_ASID_SHIFT);
		tcr &= ~(uint64_t)TCR_EPD0;
	} else {
		/* No more walks through TTBR0; the root stays in TTBR0_EL1 but is
		 * never used, so the caller may free the tables. */
		tcr |= TCR_EPD0;
	}
	write_sysreg(tcr_el1, tcr);
	isb();
	/* Walks of the old tables (and speculative ones of the new, under the
	 * old root) may have cached entries and table walks under USER_ASID:
	 * they go now. EPD0 only stops walks on a TLB miss, not TLB hits, so this
	 * is needed for root == 0 as well. A local invalidation is enough:
	 * every CPU drops its own USER_ASID entries when it switches; unmaps
	 * broadcast theirs (arch_tlb_flush_*). */
	__asm__ volatile("tlbi aside1, %0" : : "r"(USER_ASID << TTBR_ASID_SHIFT) : "memory");
	dsb(nsh);
	isb();
}

void arch_aspace_init_root(pte_t *root, const pte_t *kernel_root)
{
	/* The kernel half is TTBR1's, shared by every address space: a user
	 * root starts empty (pt_alloc_table zeroed it) and holds user
	 * mappings only. */
	(void)root;
	(void)kernel_root;
}

void arch_fpu_init_state(void *state)
{
	/* All registers zero; FPCR 0: round to nearest, no trapped exceptions,
	 * no flush-to-zero, IEEE NaNs. */
	memset(state, 0, ARCH_FPU_STATE_SIZE);
}

/*
 * Lazy FP switching (see sched.c): CPACR_EL1.FPEN lets EL0 use FP/SIMD only
 * while the running thread owns the registers; for any other thread the
 * first FP/SIMD instruction at EL0 traps (EC_FP_ACCESS, trap.c). EL1 is
 * never trapped: arch_fpu_save/restore need it. The CPACR value granted is
 * kept in percpu->arch_fpu so that a switch between two threads with the
 * same access writes nothing. The write needs no ISB: the eret to EL0 that
 * follows is context-synchronizing.
 */
void arch_fpu_user_access(struct thread *t, bool on)
{
	(void)t;
	struct percpu *c = this_cpu();
	unsigned long want = on ? CPACR_FPEN : CPACR_FPEN_EL1;
	if (c->arch_fpu != want) {
		write_sysreg(cpacr_el1, want);
		c->arch_fpu = want;
	}
}

bool arch_fpu_dirty(const struct thread *t)
{
	/* No hardware dirty bit: an owner may always have written them. */
	(void)t;
	return true;
}
