// SPDX-License-Identifier: BSD-2-Clause
// User mode on x86_64: the register frame, system call set-up, address
// spaces and FP state.
#include <arch/x86.h>
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/percpu.h>
#include <kernel/pmm.h>
#include <kernel/string.h>
#include <kernel/vm.h>

#define MSR_EFER 0xc0000080
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_SFMASK 0xc0000084
#define MSR_GS_BASE 0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102
#define EFER_SCE 1
#define RFLAGS_IF 0x200

void syscall_entry(void); /* syscall.S */

void arch_set_this_cpu(struct percpu *c)
{
	/* In the kernel GS points at the per-CPU data (struct percpu, whose
	 * first two words syscall.S uses); swapgs trades it for the user's
	 * value on every crossing. */
	wrmsr(MSR_GS_BASE, (uint64_t)(uintptr_t)c);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

void syscall_init(void)
{
	percpu_init(0);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	/* SYSCALL loads CS 0x08 / SS 0x10; SYSRET's base 0x10 gives user SS 0x18
	 * and CS 0x20 (gdt.c orders them so). */
	wrmsr(MSR_STAR, (uint64_t)0x10 << 48 | (uint64_t)0x08 << 32);
	wrmsr(MSR_LSTAR, (uint64_t)(uintptr_t)syscall_entry);
	/* Interrupts, trap, direction and alignment-check flags off on entry. */
	wrmsr(MSR_SFMASK, 0x40700);
}

void x86_syscall(struct arch_regs *r);
void x86_syscall(struct arch_regs *r)
{
	syscall_dispatch(r);
	user_return(r);
}

void arch_regs_init_user(struct arch_regs *r, uintptr_t pc, uintptr_t sp, uint64_t arg0,
			 uint64_t arg1)
{
	memset(r, 0, sizeof(*r));
	r->rip = pc;
	r->rsp = sp;
	r->rdi = arg0;
	r->rsi = arg1;
	r->cs = USER_CS;
	r->ss = USER_SS;
	r->rflags = RFLAGS_IF;
}

void arch_regs_dump(const struct arch_regs *r)
{
	kprintf("  rip %016llx  rsp %016llx  rflags %016llx  error %llx\n",
		(unsigned long long)r->rip, (unsigned long long)r->rsp,
		(unsigned long long)r->rflags, (unsigned long long)r->error);
	kprintf("  rax %016llx  rbx %016llx  rcx %016llx  rdx %016llx\n",
		(unsigned long long)r->rax, (unsigned long long)r->rbx, (unsigned long long)r->rcx,
		(unsigned long long)r->rdx);
	kprintf("  rsi %016llx  rdi %016llx  rbp %016llx  r8  %016llx\n",
		(unsigned long long)r->rsi, (unsigned long long)r->rdi, (unsigned long long)r->rbp,
		(unsigned long long)r->r8);
	kprintf("  r9  %016llx  r10 %016llx  r11 %016llx  r12 %016llx\n", (unsigned long long)r->r9,
		(unsigned long long)r->r10, (unsigned long long)r->r11, (unsigned long long)r->r12);
	kprintf("  r13 %016llx  r14 %016llx  r15 %016llx\n", (unsigned long long)r->r13,
		(unsigned long long)r->r14, (unsigned long long)r->r15);
}

void arch_set_kernel_stack(uintptr_t top)
{
	tss_set_rsp0(top);
	this_cpu()->kstack_top = top;
}

void arch_aspace_activate(paddr_t root)
{
	arch_mmu_switch_kernel(root ? root : vm_kernel_root());
}

void arch_aspace_init_root(pte_t *root, const pte_t *kernel_root)
{
	/* The upper half (PML4 slots 256-511) is the kernel's, shared. */
	memcpy(root + 256, kernel_root + 256, 256 * sizeof(pte_t));
}

void arch_fpu_init_state(void *state)
{
	/* fninit's state: x87 control word 0x37f, all SSE exceptions masked. */
	memset(state, 0, ARCH_FPU_STATE_SIZE);
	*(uint16_t *)state = 0x37f;
	*(uint32_t *)((char *)state + 24) = 0x1f80; /* MXCSR */
}
