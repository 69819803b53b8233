// SPDX-License-Identifier: BSD-2-Clause
// A fake <arch/hal_arch.h> for the host tests: constants plus an x86-like
// page-table encoding, so that kernel/lib/pagetable.c (and headers such as
// pmm.h) compile and run on the host. The encoding follows x86_64 (present,
// writable, user, cache-disable, page-size, no-execute) with one of the
// software-available bits holding VM_READ, so that every VM_* combination
// survives a round trip and the tests can compare protections exactly.
//
// The encoders also police their callers: a leaf whose address is not
// aligned to its level, or a level that does not allow a leaf, bumps
// fake_arch_violations, which the page-table tests check after every step.
#ifndef FAKE_ARCH_HAL_ARCH_H
#define FAKE_ARCH_HAL_ARCH_H

#include <kernel/types.h>

#define ARCH_NAME "fake"
#define KERNEL_VBASE 0xffffffff80000000ull
#define KERNEL_PBASE 0x100000ull
#define PHYSMAP_BASE 0ull /* host pointers are their own "physical" addresses */
#define MMIO_BASE 0xffffffffc0000000ull
#define MMIO_SIZE 0x10000000ull
#define BOOT_PHYSMAP_LIMIT (1ull << 32)
#define PT_LEVELS 4
#define FRAME_PREV_OFF 0
#define FRAME_RET_OFF 8

#define FAKE_PTE_P (1ull << 0)
#define FAKE_PTE_RW (1ull << 1)
#define FAKE_PTE_US (1ull << 2)
#define FAKE_PTE_PCD (1ull << 4)
#define FAKE_PTE_PS (1ull << 7)
#define FAKE_PTE_READ (1ull << 9)
#define FAKE_PTE_NX (1ull << 63)
#define FAKE_PTE_ADDR 0x000ffffffffff000ull

extern unsigned long fake_arch_violations;

static inline bool arch_level_allows_leaf(int level)
{
	return level >= 0 && level <= 2; /* 4 KiB pages, 2 MiB and 1 GiB blocks */
}

static inline pte_t arch_pte_table(paddr_t next)
{
	if (next & ~FAKE_PTE_ADDR)
		fake_arch_violations++;
	return (next & FAKE_PTE_ADDR) | FAKE_PTE_P | FAKE_PTE_RW | FAKE_PTE_US;
}

static inline pte_t arch_pte_leaf(paddr_t pa, unsigned prot, int level)
{
	if (!arch_level_allows_leaf(level) || (pa & ((1ull << (PAGE_SHIFT + 9 * level)) - 1)) ||
	    (pa & ~FAKE_PTE_ADDR))
		fake_arch_violations++;
	pte_t e = (pa & FAKE_PTE_ADDR) | FAKE_PTE_P;
	if (level > 0)
		e |= FAKE_PTE_PS;
	if (prot & VM_READ)
		e |= FAKE_PTE_READ;
	if (prot & VM_WRITE)
		e |= FAKE_PTE_RW;
	if (prot & VM_USER)
		e |= FAKE_PTE_US;
	if (prot & VM_DEVICE)
		e |= FAKE_PTE_PCD;
	if (!(prot & VM_EXEC))
		e |= FAKE_PTE_NX;
	return e;
}

static inline bool arch_pte_valid(pte_t e)
{
	return e & FAKE_PTE_P;
}

static inline bool arch_pte_is_leaf(pte_t e, int level)
{
	return level == 0 || (e & FAKE_PTE_PS);
}

static inline paddr_t arch_pte_addr(pte_t e)
{
	return e & FAKE_PTE_ADDR;
}

static inline unsigned arch_pte_prot(pte_t e, int level)
{
	(void)level;
	unsigned prot = 0;
	if (e & FAKE_PTE_READ)
		prot |= VM_READ;
	if (e & FAKE_PTE_RW)
		prot |= VM_WRITE;
	if (e & FAKE_PTE_US)
		prot |= VM_USER;
	if (e & FAKE_PTE_PCD)
		prot |= VM_DEVICE;
	if (!(e & FAKE_PTE_NX))
		prot |= VM_EXEC;
	return prot;
}

#endif
