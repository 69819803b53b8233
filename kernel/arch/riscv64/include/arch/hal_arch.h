/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V 64 (Sv39) constants and page-table encoders for the HAL (see kernel/hal.h). */
#ifndef ARCH_HAL_ARCH_H
#define ARCH_HAL_ARCH_H

/* boot.S includes this file for the layout constants: numbers carry their
 * C suffix only in C. */
#ifdef __ASSEMBLY__
#define ARCH_ULL(x) x
#else
#include <kernel/types.h>
#define ARCH_ULL(x) x##ull
#endif

#define ARCH_NAME "riscv64"

/*
 * Sv39 gives 39-bit virtual addresses: the upper half is
 * [0xffffffc000000000, 2^64), 256 GiB in 256 root slots of 1 GiB each.
 *   slot 256..507  physmap (all RAM at PHYSMAP_BASE + phys)
 *   slot 508       MMIO window
 *   slot 510       kernel image: RAM starts at 0x80000000 on QEMU virt and
 *                  OpenSBI jumps to 0x80200000, so phys P is at
 *                  P - 0x80000000 + 0xffffffff80000000 (-mcmodel=medany reaches
 *                  it: the image is within 2 GiB of every pc in it).
 */
#define KERNEL_VBASE ARCH_ULL(0xffffffff80000000)
#define KERNEL_PBASE ARCH_ULL(0x80000000)
#define PHYSMAP_BASE ARCH_ULL(0xffffffc000000000)
/* boot.S maps physical [0, 4 GiB) there with four gigapages. */
#define BOOT_PHYSMAP_LIMIT ARCH_ULL(0x100000000)
#define MMIO_BASE ARCH_ULL(0xffffffff00000000)
#define MMIO_SIZE ARCH_ULL(0x40000000)

#define PT_LEVELS 3
/* The frame pointer (s0) is the caller's sp: ra is saved just below it, the
 * previous s0 below that. */
#define FRAME_PREV_OFF (-16)
#define FRAME_RET_OFF (-8)

/* Sv39 page-table entry bits (privileged spec, "Sv39 page-table entry"). */
#define PTE_V (ARCH_ULL(1) << 0)
#define PTE_R (ARCH_ULL(1) << 1)
#define PTE_W (ARCH_ULL(1) << 2)
#define PTE_X (ARCH_ULL(1) << 3)
#define PTE_U (ARCH_ULL(1) << 4)
#define PTE_G (ARCH_ULL(1) << 5)
#define PTE_A (ARCH_ULL(1) << 6)
#define PTE_D (ARCH_ULL(1) << 7)
/* The two RSW bits are the kernel's own; hardware ignores them. */
#define PTE_SW_NONE (ARCH_ULL(1) << 8) /* a leaf with no access at all (V is clear) */
#define PTE_SW_DEVICE (ARCH_ULL(1) << 9) /* remembers VM_DEVICE so that prot round-trips */
#define PTE_PPN_SHIFT 10
#define PTE_PPN_MASK ARCH_ULL(0x003ffffffffffc00) /* bits 10..53 */

#ifndef __ASSEMBLY__
static inline pte_t arch_pte_ppn(paddr_t pa)
{
	return ((pa >> PAGE_SHIFT) << PTE_PPN_SHIFT) & PTE_PPN_MASK;
}

static inline pte_t arch_pte_table(paddr_t next)
{
	/* V alone: R=W=X=0 makes it a pointer to the next level. */
	return arch_pte_ppn(next) | PTE_V;
}

static inline pte_t arch_pte_leaf(paddr_t pa, unsigned prot, int level)
{
	(void)level; /* leaves look alike at every level; alignment is the caller's */
	pte_t e = arch_pte_ppn(pa);
	/* A and D preset: the kernel does not track them, and an implementation
	 * may fault instead of setting them (Svade), which we never want. */
	e |= PTE_A | PTE_D;
	if (prot & (VM_READ | VM_WRITE))
		e |= PTE_R; /* W without R is reserved: write implies read */
	if (prot & VM_WRITE)
		e |= PTE_W;
	if (prot & VM_EXEC)
		e |= PTE_X;
	if (prot & VM_USER)
		e |= PTE_U;
	else
		e |= PTE_G; /* kernel mappings are the same in every address space */
	/* Without Svpbmt, memory types come from the platform's PMAs (QEMU virt
	 * makes device ranges uncached); the bit only records the request.
	 * Write-combining has no encoding either: it is recorded as device
	 * (and reads back as VM_DEVICE). */
	if (prot & (VM_DEVICE | VM_WC))
		e |= PTE_SW_DEVICE;
	/* R=W=X=0 with V set would be a table pointer, so a no-access leaf is
	 * kept invalid to the hardware and marked for software. */
	if (e & (PTE_R | PTE_X))
		e |= PTE_V;
	else
		e |= PTE_SW_NONE;
	return e;
}

static inline bool arch_pte_valid(pte_t e)
{
	return (e & (PTE_V | PTE_SW_NONE)) != 0;
}

static inline bool arch_pte_is_leaf(pte_t e, int level)
{
	(void)level;
	return (e & (PTE_R | PTE_W | PTE_X | PTE_SW_NONE)) != 0;
}

static inline paddr_t arch_pte_addr(pte_t e)
{
	return ((e & PTE_PPN_MASK) >> PTE_PPN_SHIFT) << PAGE_SHIFT;
}

static inline unsigned arch_pte_prot(pte_t e, int level)
{
	(void)level;
	unsigned prot = 0;
	if (e & PTE_R)
		prot |= VM_READ;
	if (e & PTE_W)
		prot |= VM_WRITE;
	if (e & PTE_X)
		prot |= VM_EXEC;
	if (e & PTE_U)
		prot |= VM_USER;
	if (e & PTE_SW_DEVICE)
		prot |= VM_DEVICE;
	return prot;
}

static inline bool arch_level_allows_leaf(int level)
{
	/* Megapages (2 MiB) and gigapages (1 GiB) are part of Sv39 itself. */
	return level == 1 || level == 2;
}

#endif /* !__ASSEMBLY__ */

/*
 * User space: the lower half of Sv39, root slots 0-255, [0, 2^38), minus
 *   - the first 64 KiB, never mapped, so that NULL and small offsets from
 *     it fault (programs are linked at 4 MiB anyway, lib/vg/user.ld);
 *   - the last page below 2^38, so that the end of every user range
 *     (va + len <= USER_TOP) is itself a lower-half address: the first
 *     address past the lower half is not canonical, and a user stack at
 *     USER_TOP keeps an unmapped page above it. Same rule as on x86_64.
 */
#define USER_BASE ARCH_ULL(0x10000)
#define USER_TOP ARCH_ULL(0x3ffffff000)
#define ARCH_ELF_MACHINE 243 /* EM_RISCV */
/* f0-f31 (64 bits each, the D extension) then fcsr, padded to 16 bytes. */
#define ARCH_FPU_STATE_SIZE 272

#ifndef __ASSEMBLY__
/*
 * Registers saved by trap.S on every trap, lowest address first: x0..x31
 * (the x0 slot is unused; x2 holds the sp before the trap), the trap CSRs,
 * then two words laid out like a call frame (previous s0, return address)
 * so that a backtrace taken in a handler unwinds through the trapped pc.
 * Traps from the kernel push it on the current stack; traps from user
 * mode build it at the top of the thread's kernel stack (sscratch holds
 * that top while the hart is in U-mode; see trap.S). The offsets are
 * trap.S's TF_* in riscv.h. 304 bytes: the stack stays 16-byte aligned.
 */
struct arch_regs {
	uint64_t x[32];
	uint64_t sepc, sstatus, scause, stval;
	uint64_t unwind_fp, unwind_ra;
};

/* The system call registers, inline (see hal.h): number in a7, arguments
 * and results in a0-a5. */
#define ARCH_INLINE_REGS 1
/* The user thread pointer lives in the user frame: nothing to do at a
 * switch (hal.h, arch_tls_switch). */
#define ARCH_TLS_IN_FRAME 1
/* The user stack and frame pointers (hal.h, interruptions). */
static inline uint64_t arch_regs_sp(const struct arch_regs *r)
{
	return r->x[2];
}

/* Result register 0, as a system call leaves it. */
static inline uint64_t arch_regs_result(const struct arch_regs *r)
{
	return r->x[10];
}

/* Bytes below the user stack pointer that code may use without moving
 * it (the ABI's red zone): an interruption frame goes below them. */
#define ARCH_USER_RED_ZONE 0

static inline uint64_t arch_regs_fp(const struct arch_regs *r)
{
	return r->x[8];
}

static inline uint64_t arch_regs_pc(const struct arch_regs *r)
{
	return r->sepc;
}
static inline uint64_t arch_regs_syscall_nr(const struct arch_regs *r)
{
	return r->x[17];
}

static inline uint64_t arch_regs_arg(const struct arch_regs *r, int i)
{
	return (unsigned)i < 6 ? r->x[10 + i] : 0;
}

static inline void arch_regs_set_result(struct arch_regs *r, int i, uint64_t v)
{
	if ((unsigned)i < 6)
		r->x[10 + i] = v;
}

/* A thread's saved kernel context: everything else is on its stack. */
struct arch_thread {
	uint64_t sp;
};

/* CPU control (see hal.h): interrupts through sstatus.SIE (bit 1). */
#define ARCH_SSTATUS_SIE 0x2ul
static inline void arch_irq_enable(void)
{
	__asm__ volatile("csrs sstatus, %0" : : "r"(ARCH_SSTATUS_SIE) : "memory");
}

static inline void arch_irq_disable(void)
{
	__asm__ volatile("csrc sstatus, %0" : : "r"(ARCH_SSTATUS_SIE) : "memory");
}

static inline irqflags_t arch_irq_save(void)
{
	unsigned long old;
	__asm__ volatile("csrrci %0, sstatus, %1" : "=r"(old) : "i"(ARCH_SSTATUS_SIE) : "memory");
	return old & ARCH_SSTATUS_SIE;
}

static inline void arch_irq_restore(irqflags_t flags)
{
	if (flags & ARCH_SSTATUS_SIE)
		arch_irq_enable();
}

/* The per-CPU data is at tp in the kernel: the compiler never allocates tp
 * (no TLS in the kernel), and trap.S swaps it with the user's through
 * sscratch on every crossing. */
struct percpu;
static inline struct percpu *arch_this_cpu(void)
{
	struct percpu *c;
	__asm__ volatile("mv %0, tp" : "=r"(c));
	return c;
}

/* FP state is switched lazily, with sstatus.FS in each thread's saved
 * registers telling whether its user mode may use the registers. */
#define ARCH_FPU_LAZY 1
/* Entries from user mode find their stack top in struct percpu alone. */
#define ARCH_KSTACK_IN_PERCPU 1
#define ARCH_FPU_ACCESS_PER_THREAD 1 /* in the saved sstatus: nothing to do per switch */
#endif /* !__ASSEMBLY__ */

#endif
