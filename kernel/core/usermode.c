// SPDX-License-Identifier: BSD-2-Clause
// Entries from user mode other than system calls.
#include <kernel/fmt.h>
#include <kernel/interrupt.h>
#include <kernel/percpu.h>
#include <kernel/process.h>
#include <verdigris/errors.h>

void user_page_fault(struct arch_regs *r, vaddr_t addr, unsigned access)
{
	struct process *p = current_process();
	int err = aspace_fault(&p->as, addr, access);
	if (!err)
		return;
	char why[96];
	snprintf(why, sizeof(why), "%s fault at %#lx (%s)",
		 access == VM_WRITE	     ? "write"
			 : access == VM_EXEC ? "execute"
					     : "read",
		 (unsigned long)addr,
		 err == ERR_ACCESS_DENIED	   ? "protection"
			 : err == ERR_NO_MEMORY	   ? "out of memory"
			 : err == ERR_OUT_OF_RANGE ? "past the end of the mapped object"
						   : "not mapped");
	process_fault(r,
		      err == ERR_OUT_OF_RANGE	   ? VG_EXC_PAST_END
			      : access == VM_WRITE ? VG_EXC_WRITE_FAULT
			      : access == VM_EXEC  ? VG_EXC_EXEC_FAULT
						   : VG_EXC_READ_FAULT,
		      addr, why);
}

void user_exception(struct arch_regs *r, uint32_t cause, uint64_t addr, const char *what,
		    uint64_t detail)
{
	char why[96];
	snprintf(why, sizeof(why), "%s (%#llx)", what, (unsigned long long)detail);
	process_fault(r, cause, addr, why);
}

void user_return(struct arch_regs *r)
{
	/* Killing sets need_resched (process_kill, sched_tick), so the check
	 * costs the system call path nothing. */
	if (this_cpu()->need_resched) {
		struct process *p = current_process();
		if (p->killed) {
			arch_irq_enable();
			process_exit_thread(p->kill_code);
		}
		sched_preempt();
		/* A stop, or interruptions to deliver (the switch to this
		 * thread set need_resched for them). */
		interrupt_user_work(r);
	}
}

bool user_fault_from_kernel(vaddr_t addr, unsigned access)
{
	/* A user copy touched a page the process mapped but never used: bring
	 * it in as if the process had touched it, and retry the copy. */
	struct thread *t = thread_current();
	return t && t->proc && addr >= USER_BASE && addr < USER_TOP &&
		aspace_fault(&t->proc->as, addr, access) == 0;
}
