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
/* Bytes of usable RAM (the boot loader's regions), free or not. */
uint64_t pmm_ram_bytes(void);
bool pmm_is_free(paddr_t pa);
/* Copy-on-write sharing of an allocated page: share adds a holder; release
 * drops one and frees the page when it was the last (returns true then).
 * A page that was allocated and never shared has exactly one holder, so
 * pmm_page_release frees it like pmm_free(pa, 1). */
void pmm_page_share(paddr_t pa);
bool pmm_page_release(paddr_t pa);
/* More than one holder: writing it needs a private copy first. */
bool pmm_page_shared(paddr_t pa);
/* Whether [start, end) touches RAM that the allocator manages. */
bool pmm_overlaps_ram(paddr_t start, paddr_t end);

/* Every RAM page is reachable at PHYSMAP_BASE + its physical address. */
static inline void *phys_to_virt(paddr_t pa)
{
	return (void *)(uintptr_t)(pa + PHYSMAP_BASE);
}

#endif
