/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AArch64 constants and page-table encoders for the HAL (see kernel/hal.h).
 * Also included by the assembly and the linker script's users, so the
 * constants are plain numbers there and everything C is fenced off.
 *
 * Address space (4 KiB granule, 48-bit VA, four levels):
 *   TTBR0  0x0000000000000000..0x0000ffffffffffff  user space: each address
 *          space has its own root (user.c); during boot an identity map.
 *          Walks are off (TCR_EL1.EPD0) whenever no user address space is
 *          active, so a NULL dereference in the kernel faults.
 *   TTBR1  0xffff000000000000  physmap: RAM at PHYSMAP_BASE + phys
 *          0xffffffff00000000  MMIO window (1 GiB) for vm_map_mmio
 *          0xffffffff80000000  kernel image: phys P at P - 0x40000000 + this
 *          0xffffffffc0000000  boot tables only: phys [0, 1 GiB) as device
 *                              memory, the early console before vm_init
 */
#ifndef ARCH_HAL_ARCH_H
#define ARCH_HAL_ARCH_H

#ifdef __ASSEMBLY__
#define UL_(x) x
#else
#define UL_(x) x##ULL
#endif

#define ARCH_NAME "aarch64"

#define KERNEL_VBASE UL_(0xffffffff80000000)
#define KERNEL_PBASE UL_(0x40000000)
/* Where the Image asks to be loaded (text_offset from the 2 MiB-aligned RAM
 * base). The boot code checks that it really runs there. */
#define KERNEL_LOAD_PHYS UL_(0x40200000)
#define PHYSMAP_BASE UL_(0xffff000000000000)
#define MMIO_BASE UL_(0xffffffff00000000)
#define MMIO_SIZE UL_(0x40000000)
/* The boot tables map phys [BOOT_PHYSMAP_START, BOOT_PHYSMAP_LIMIT) in the
 * physmap with three 1 GiB blocks of normal memory. On virt that is the
 * start of the RAM region; below it is only flash and devices, which must
 * never get cacheable attributes. */
#define BOOT_PHYSMAP_START UL_(0x40000000)
#define BOOT_PHYSMAP_LIMIT UL_(0x100000000)
/* Device memory for the early console, in the boot tables only. */
#define EARLY_DEVICE_VA UL_(0xffffffffc0000000)
#define EARLY_DEVICE_SIZE UL_(0x40000000)

#define PT_LEVELS 4
/* AAPCS64 frame record: x29 points at {previous x29, x30}. */
#define FRAME_PREV_OFF 0
#define FRAME_RET_OFF 8

/* Stage 1 descriptor bits (ARM ARM D8.3). Hex, not shifts: the values must
 * be 64-bit in the assembler too. */
#define PTE_VALID UL_(0x1)
#define PTE_TABLE UL_(0x2) /* levels 3..1 (ARM 0..2): table, not block */
#define PTE_PAGE UL_(0x2) /* leaf level: must be set for a page */
#define PTE_ATTR(i) (UL_(0) + ((i) << 2)) /* AttrIndx into MAIR_EL1 */
#define PTE_AP_USER UL_(0x40) /* AP[1]: EL0 access */
#define PTE_AP_RO UL_(0x80) /* AP[2]: read-only */
#define PTE_SH_INNER UL_(0x300)
#define PTE_AF UL_(0x400)
#define PTE_NG UL_(0x800)
#define PTE_PXN UL_(0x0020000000000000) /* bit 53 */
#define PTE_UXN UL_(0x0040000000000000) /* bit 54 */
#define PTE_ADDR_MASK UL_(0x0000fffffffff000)

/* MAIR_EL1 slots; the boot code programs MAIR_EL1 = MAIR_VALUE. */
#define MAIR_IDX_NORMAL 0 /* 0xff: normal, inner/outer write-back RW-allocate */
#define MAIR_IDX_DEVICE 1 /* 0x04: Device-nGnRE */
#define MAIR_IDX_NC 2 /* 0x44: normal non-cacheable (VM_WC: DMA, frame buffers) */
#define MAIR_IDX_STRONG 3 /* 0x00: Device-nGnRnE */
#define MAIR_VALUE UL_(0x004404ff)

/* User space: the TTBR0 half (48-bit VAs), minus the first 64 KiB (NULL
 * and small offsets from it stay unmapped) and the last page. */
#define USER_BASE UL_(0x10000)
#define USER_TOP UL_(0x0000fffffffff000)
#define ARCH_ELF_MACHINE 183 /* EM_AARCH64 */
/* FP/SIMD state per thread (user.S): q0-q31, then FPCR and FPSR. */
#define ARCH_FPU_STATE_SIZE (32 * 16 + 16)

#ifndef __ASSEMBLY__
#include <kernel/types.h>

static inline pte_t arch_pte_table(paddr_t next)
{
	return (next & PTE_ADDR_MASK) | PTE_TABLE | PTE_VALID;
}

/* Kernel mappings are privileged-only and global; user mappings are
 * non-global (ASID-tagged) and never executable by the kernel (PXN). An
 * executable mapping needs VM_EXEC: writable data is never executable unless
 * asked. Device memory is never executable at all. */
static inline pte_t arch_pte_leaf(paddr_t pa, unsigned prot, int level)
{
	pte_t e = (pa & PTE_ADDR_MASK) | PTE_VALID | PTE_AF;
	e |= level == 0 ? PTE_PAGE : 0;
	if (prot & VM_DEVICE)
		e |= PTE_ATTR(MAIR_IDX_DEVICE) | PTE_PXN | PTE_UXN;
	else if (prot & VM_WC) /* normal non-cacheable: writes may merge */
		e |= PTE_ATTR(MAIR_IDX_NC) | PTE_SH_INNER;
	else
		e |= PTE_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER;
	if (!(prot & VM_WRITE))
		e |= PTE_AP_RO;
	if (prot & VM_USER) {
		e |= PTE_AP_USER | PTE_NG | PTE_PXN;
		if (!(prot & VM_EXEC))
			e |= PTE_UXN;
	} else {
		e |= PTE_UXN;
		if (!(prot & VM_EXEC))
			e |= PTE_PXN;
	}
	return e;
}

static inline bool arch_pte_valid(pte_t e)
{
	return e & PTE_VALID;
}

/* Generic level 0 is ARM's level 3 (descriptor type 3 is a page there);
 * generic levels 1 and 2 hold blocks as type 1; level 3 only tables. */
static inline bool arch_pte_is_leaf(pte_t e, int level)
{
	if (level == 0)
		return (e & 3) == 3;
	if (level == 1 || level == 2)
		return (e & 3) == 1;
	return false;
}

static inline paddr_t arch_pte_addr(pte_t e)
{
	return e & PTE_ADDR_MASK;
}

static inline unsigned arch_pte_prot(pte_t e, int level)
{
	(void)level;
	unsigned prot = VM_READ;
	if (!(e & PTE_AP_RO))
		prot |= VM_WRITE;
	if (((e >> 2) & 7) == MAIR_IDX_DEVICE)
		prot |= VM_DEVICE;
	else if (((e >> 2) & 7) == MAIR_IDX_NC)
		prot |= VM_WC;
	if (e & PTE_AP_USER) {
		prot |= VM_USER;
		if (!(e & PTE_UXN))
			prot |= VM_EXEC;
	} else if (!(e & PTE_PXN)) {
		prot |= VM_EXEC;
	}
	return prot;
}

static inline bool arch_level_allows_leaf(int level)
{
	return level == 1 || level == 2; /* 2 MiB and 1 GiB blocks */
}
/* A thread's saved kernel context: everything else is on its stack. */
struct arch_thread {
	uint64_t sp;
};

/* The registers saved on every exception entry (vectors.S; the offsets are
 * TF_* in arch/aarch64.h), lowest address first. An entry from EL0 puts
 * this frame at the very top of the thread's kernel stack: SP_EL1 is that
 * top whenever the CPU runs at EL0 (see vectors.S). */
struct arch_regs {
	uint64_t x[31]; /* x0-x30 */
	uint64_t sp; /* SP_EL0 (from EL0), else the interrupted SP_EL1 */
	uint64_t elr; /* ELR_EL1: where eret resumes */
	uint64_t spsr; /* SPSR_EL1: the interrupted PSTATE */
	uint64_t esr; /* ESR_EL1 (synchronous exceptions only) */
	uint64_t far; /* FAR_EL1 (aborts only) */
	uint64_t tpidr; /* TPIDR_EL0, the user's thread pointer (EL0 entries only) */
	uint64_t pad; /* keeps the frame a multiple of 16 bytes */
};

/* The system call registers, inline (see hal.h): `svc #0` with the number
 * in x8, arguments in x0-x5; the primary result in x0, results 1-5 in x1-x5
 * (where arguments 1-5 came). */
#define ARCH_INLINE_REGS 1
/* The user thread pointer lives in the user frame: nothing to do at a
 * switch (hal.h, arch_tls_switch). */
#define ARCH_TLS_IN_FRAME 1
/* The user stack and frame pointers (hal.h, interruptions). */
static inline uint64_t arch_regs_sp(const struct arch_regs *r)
{
	return r->sp;
}

/* Result register 0, as a system call leaves it. */
static inline uint64_t arch_regs_result(const struct arch_regs *r)
{
	return r->x[0];
}

/* Bytes below the user stack pointer that code may use without moving
 * it (the ABI's red zone): an interruption frame goes below them. */
#define ARCH_USER_RED_ZONE 0

static inline uint64_t arch_regs_fp(const struct arch_regs *r)
{
	return r->x[29];
}

static inline uint64_t arch_regs_pc(const struct arch_regs *r)
{
	return r->elr;
}
static inline uint64_t arch_regs_syscall_nr(const struct arch_regs *r)
{
	return r->x[8];
}

static inline uint64_t arch_regs_arg(const struct arch_regs *r, int i)
{
	return (unsigned)i < 6 ? r->x[i] : 0;
}

static inline void arch_regs_set_result(struct arch_regs *r, int i, uint64_t v)
{
	if ((unsigned)i < 6)
		r->x[i] = v;
}

/* CPU control (see hal.h): IRQs through PSTATE.I (DAIF). */
static inline void arch_irq_enable(void)
{
	__asm__ volatile("msr daifclr, #2" : : : "memory");
}

static inline void arch_irq_disable(void)
{
	__asm__ volatile("msr daifset, #2" : : : "memory");
}

static inline irqflags_t arch_irq_save(void)
{
	irqflags_t flags;
	__asm__ volatile("mrs %0, daif\n\tmsr daifset, #2" : "=r"(flags) : : "memory");
	return flags;
}

static inline void arch_irq_restore(irqflags_t flags)
{
	__asm__ volatile("msr daif, %0" : : "r"(flags) : "memory");
}

/* The per-CPU data is at TPIDR_EL1, which EL0 can neither read nor write. */
struct percpu;
static inline struct percpu *arch_this_cpu(void)
{
	struct percpu *c;
	__asm__ volatile("mrs %0, tpidr_el1" : "=r"(c));
	return c;
}

/* FP state is switched lazily: CPACR_EL1.FPEN traps EL0's FP/SIMD use for
 * every thread but the CPU's FP owner. */
#define ARCH_FPU_LAZY 1
/* Entries from user mode find their stack top in struct percpu alone. */
#define ARCH_KSTACK_IN_PERCPU 1
#endif /* !__ASSEMBLY__ */

#endif
