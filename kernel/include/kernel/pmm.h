/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_PMM_H
#define KERNEL_PMM_H

#include <arch/hal_arch.h>
#include <kernel/types.h>

struct boot_info;

/* Builds the frame allocator from the boot memory map: RAM minus every
 * reserved region (kernel image, initrd, device tree, firmware). */
void pmm_init(struct boot_info *bi);
/* count contiguous pages aligned to align_pages, below limit (0: anywhere).
 * Returns 0 when memory is exhausted. */
paddr_t pmm_alloc(size_t count, size_t align_pages, paddr_t limit);
paddr_t pmm_alloc_page(void);
/* Panics on a double free or a foreign address: both are kernel bugs. */
void pmm_free(paddr_t pa, size_t count);
size_t pmm_free_pages(void);
bool pmm_is_free(paddr_t pa);

/* Every RAM page is reachable at PHYSMAP_BASE + its physical address. */
static inline void *phys_to_virt(paddr_t pa)
{
	return (void *)(uintptr_t)(pa + PHYSMAP_BASE);
}

#endif
