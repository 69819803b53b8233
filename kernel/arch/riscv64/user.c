// SPDX-License-Identifier: BSD-2-Clause
// User mode on RISC-V: the register frame and its system call convention,
// the kernel stack for entries from U-mode, address spaces and FP state.
// The entry and return paths are in trap.S, the copies in user.S, the FP
// registers in fpu.S.
#include "riscv.h"
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/percpu.h>
#include <kernel/string.h>
#include <kernel/thread.h>
#include <kernel/vm.h>

/* System calls: ecall with the number in a7 and arguments in a0-a5; the
 * primary result in a0, results 1-5 in a1-a5 (where arguments 1-5 came). */
#define REG_A0 10
#define REG_SP 2

void arch_regs_init_user(struct arch_regs *r, uintptr_t pc, uintptr_t sp, uint64_t arg0,
			 uint64_t arg1)
{
	memset(r, 0, sizeof(*r));
	r->sepc = pc;
	r->x[REG_SP] = sp;
	r->x[REG_A0] = arg0;
	r->x[REG_A0 + 1] = arg1;
	/* From the live sstatus, so that read-only and WARL fields (UXL) keep
	 * their values: return to U-mode (SPP = 0) with interrupts on (SPIE)
	 * and FS Off: the thread does not own the FP registers yet, and its
	 * first FP instruction loads arch_fpu_init_state's zeroes (lazy
	 * switching, below). trap.S forces SPP, SPIE and SUM again on every
	 * return. */
	unsigned long s = csr_read(sstatus);
	s &= ~(unsigned long)(SSTATUS_SPP | SSTATUS_SIE | SSTATUS_SUM | SSTATUS_FS | SSTATUS_VS);
	r->sstatus = s | SSTATUS_SPIE;
}

void arch_set_kernel_stack(uintptr_t top)
{
	/* Where the next entry from U-mode builds its frame (trap.S). */
	this_cpu()->kstack_top = top;
}

void arch_aspace_activate(paddr_t root)
{
	/*
	 * Every address space uses ASID 0 and the switch flushes the whole
	 * TLB (arch_mmu_switch_kernel: sfence.vma before and after the satp
	 * write). That is also what makes freeing a root's tables right after
	 * arch_aspace_activate(0) safe: no cached translation or walk through
	 * them survives the switch. Kernel leaves carry G, but the full
	 * sfence.vma drops global entries too. (Per-process ASIDs would spare
	 * the fences, but QEMU's TCG flushes its whole soft TLB on any satp
	 * change, so under emulation they would save nothing.) The fence
	 * before makes new tables' stores visible to the walker; the one after
	 * drops translations of the old tables.
	 */
	paddr_t r = root ? root : vm_kernel_root();
	__asm__ volatile("sfence.vma\n\tcsrw satp, %0\n\tsfence.vma"
			 :
			 : "r"(SATP_MODE_SV39 | r >> PAGE_SHIFT)
			 : "memory");
}

void arch_aspace_init_root(pte_t *root, const pte_t *kernel_root)
{
	/* The upper half (Sv39 root slots 256-511: physmap, MMIO window and
	 * kernel image) is the kernel's, shared by pointing at the same
	 * lower-level tables. All of those root entries exist once vm_init and
	 * the boot devices' MMIO mappings are done, before any user root. */
	memcpy(root + 256, kernel_root + 256, 256 * sizeof(pte_t));
}

void arch_fpu_init_state(void *state)
{
	/* f0-f31 zero; fcsr zero: round to nearest even, no exception flags. */
	memset(state, 0, ARCH_FPU_STATE_SIZE);
}

/*
 * Lazy FP switching (see sched.c). sstatus.FS in a thread's saved registers
 * decides what its user mode may do: Off for every thread but the CPU's FP
 * owner, so that its first FP instruction traps (illegal instruction,
 * trap.c) and takes the registers over; Clean or Dirty for the owner, as
 * the hardware left it. Dirty is what makes a save necessary when the
 * registers change hands; a thread that only reads them stays Clean.
 */
void arch_fpu_user_access(struct thread *t, bool on)
{
	struct arch_regs *r = t->uregs;
	unsigned long fs = r->sstatus & SSTATUS_FS;
	if (!on)
		r->sstatus &= ~(unsigned long)SSTATUS_FS;
	else if (fs == 0)
		r->sstatus |= SSTATUS_FS_CLEAN;
}

bool arch_fpu_dirty(const struct thread *t)
{
	return (t->uregs->sstatus & SSTATUS_FS) == SSTATUS_FS_DIRTY;
}
