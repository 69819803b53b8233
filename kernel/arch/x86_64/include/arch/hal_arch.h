/* SPDX-License-Identifier: BSD-2-Clause */
/* x86_64 constants and page-table encoders for the HAL (see kernel/hal.h). */
#ifndef ARCH_HAL_ARCH_H
#define ARCH_HAL_ARCH_H

#include <kernel/types.h>

#define ARCH_NAME "x86_64"

/* Kernel image: physical 1 MiB up, linked in the top 2 GiB (-mcmodel=kernel). */
#define KERNEL_VBASE 0xffffffff80000000ull
#define KERNEL_PBASE 0x0ull
/* All RAM at the start of the upper half (PML4 slot 256). */
#define PHYSMAP_BASE 0xffff800000000000ull
/* boot.S maps the first 4 GiB there with 2 MiB pages. */
#define BOOT_PHYSMAP_LIMIT 0x100000000ull
/* Device registers, mapped uncached on request (PML4 slot 510). */
#define MMIO_BASE 0xffffff0000000000ull
#define MMIO_SIZE 0x40000000ull

#define PT_LEVELS 4
#define FRAME_PREV_OFF 0
#define FRAME_RET_OFF 8

#define PTE_P (1ull << 0)
#define PTE_W (1ull << 1)
#define PTE_U (1ull << 2)
#define PTE_PWT (1ull << 3)
#define PTE_PCD (1ull << 4)
#define PTE_PS (1ull << 7) /* a block (2 MiB / 1 GiB) at levels 1 and 2 */
#define PTE_G (1ull << 8)
#define PTE_NX (1ull << 63)
#define PTE_ADDR_MASK 0x000ffffffffff000ull

static inline pte_t arch_pte_table(paddr_t next)
{
	/* Upper levels allow everything; leaves decide. */
	return (next & PTE_ADDR_MASK) | PTE_P | PTE_W | PTE_U;
}

static inline pte_t arch_pte_leaf(paddr_t pa, unsigned prot, int level)
{
	pte_t e = (pa & PTE_ADDR_MASK) | PTE_P;
	if (prot & VM_WRITE)
		e |= PTE_W;
	if (!(prot & VM_EXEC))
		e |= PTE_NX;
	if (prot & VM_USER)
		e |= PTE_U;
	else
		e |= PTE_G; /* kernel mappings are the same in every address space */
	/* PAT index from PCD and PWT (pat_init): 3 is UC, 1 is WC. Only
	 * 4 KiB leaves get WC: a block's PAT bit sits elsewhere, and nothing
	 * maps large WC blocks. */
	if (prot & VM_DEVICE)
		e |= PTE_PCD | PTE_PWT;
	else if (prot & VM_WC)
		e |= PTE_PWT;
	if (level > 0)
		e |= PTE_PS;
	return e;
}

static inline bool arch_pte_valid(pte_t e)
{
	return e & PTE_P;
}

static inline bool arch_pte_is_leaf(pte_t e, int level)
{
	return level == 0 || (e & PTE_PS);
}

static inline paddr_t arch_pte_addr(pte_t e)
{
	return e & PTE_ADDR_MASK;
}

static inline unsigned arch_pte_prot(pte_t e, int level)
{
	(void)level;
	unsigned prot = VM_READ;
	if (e & PTE_W)
		prot |= VM_WRITE;
	if (!(e & PTE_NX))
		prot |= VM_EXEC;
	if (e & PTE_U)
		prot |= VM_USER;
	if (e & PTE_PCD)
		prot |= VM_DEVICE;
	else if (e & PTE_PWT)
		prot |= VM_WC;
	return prot;
}

static inline bool arch_level_allows_leaf(int level)
{
	/* 2 MiB pages always; 1 GiB pages need CPUID pdpe1gb, which QEMU's
	 * default CPU lacks, so the kernel does not use them. */
	return level == 1;
}

/* User space: the lower half, minus the first 64 KiB (NULL stays unmapped)
 * and the last page below the canonical hole. */
#define USER_BASE 0x10000ull
#define USER_TOP 0x00007ffffffff000ull
#define ARCH_ELF_MACHINE 62 /* EM_X86_64 */
#define ARCH_FPU_STATE_SIZE 512 /* the fxsave area */

/* I/O ports (ioport_enable): one bit per port in the TSS bitmap. */
#define ARCH_HAS_IOPORTS 1
#define IO_BITMAP_BYTES (65536 / 8)

/* Registers saved on every kernel entry (isr.S, syscall.S), lowest address
 * first; from user mode they sit at the top of the thread's kernel stack. */
struct arch_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss; /* the hardware interrupt frame */
};

/* The system call registers, inline (see hal.h): number in rax, arguments in
 * rdi rsi rdx r10 r8 r9, result 0 in rax and results 1-5 where arguments 1-5
 * came in. */
#define ARCH_INLINE_REGS 1
/* The user stack and frame pointers (hal.h, interruptions). */
static inline uint64_t arch_regs_sp(const struct arch_regs *r)
{
	return r->rsp;
}

/* Result register 0, as a system call leaves it. */
static inline uint64_t arch_regs_result(const struct arch_regs *r)
{
	return r->rax;
}

/* Bytes below the user stack pointer that code may use without moving
 * it (the ABI's red zone): an interruption frame goes below them. */
#define ARCH_USER_RED_ZONE 128

static inline uint64_t arch_regs_fp(const struct arch_regs *r)
{
	return r->rbp;
}

static inline uint64_t arch_regs_pc(const struct arch_regs *r)
{
	return r->rip;
}
static inline uint64_t arch_regs_syscall_nr(const struct arch_regs *r)
{
	return r->rax;
}

static inline uint64_t *arch_regs_slot(struct arch_regs *r, int i)
{
	switch (i) {
	case 0: return &r->rdi;
	case 1: return &r->rsi;
	case 2: return &r->rdx;
	case 3: return &r->r10;
	case 4: return &r->r8;
	default: return &r->r9;
	}
}

static inline uint64_t arch_regs_arg(const struct arch_regs *r, int i)
{
	return *arch_regs_slot((struct arch_regs *)(uintptr_t)r, i);
}

static inline void arch_regs_set_result(struct arch_regs *r, int i, uint64_t v)
{
	*(i == 0 ? &r->rax : arch_regs_slot(r, i)) = v;
}

/* A thread's saved kernel context: everything else is on its stack. */
struct arch_thread {
	uint64_t sp;
};

/* CPU control (see hal.h): RFLAGS.IF. */
static inline void arch_irq_enable(void)
{
	__asm__ volatile("sti" : : : "memory");
}

static inline void arch_irq_disable(void)
{
	__asm__ volatile("cli" : : : "memory");
}

static inline irqflags_t arch_irq_save(void)
{
	irqflags_t flags;
	__asm__ volatile("pushfq\n\tpop %0\n\tcli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void arch_irq_restore(irqflags_t flags)
{
	if (flags & 0x200) /* IF */
		arch_irq_enable();
}

/* The per-CPU data is at GS in the kernel (swapgs on every crossing from
 * and to ring 3); its self pointer (struct percpu, offset 16) turns that
 * into an address. */
struct percpu;
static inline struct percpu *arch_this_cpu(void)
{
	struct percpu *c;
	__asm__ volatile("mov %%gs:16, %0" : "=r"(c));
	return c;
}

/* FP state stays eager here: fxsave64/fxrstor64 are one instruction each,
 * and a CR0.TS trap would cost more than it saves unless the FP state is
 * large (XSAVE with AVX-512). */
#endif
