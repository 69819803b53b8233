/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_FRAMES_H
#define KERNEL_FRAMES_H

#include <kernel/types.h>

/*
 * Bitmap frame allocator over one span of physical pages [base, base +
 * npages * PAGE_SIZE): bit set = in use or not RAM. Pure logic (the caller
 * supplies the bitmap memory), shared by the kernel's pmm and the host tests.
 * Allocation is first-fit from the lowest free page, so early page tables land
 * in low memory the boot mapping covers; runs of contiguous pages with an
 * alignment and an upper address limit serve DMA buffers later.
 */
struct frames {
	paddr_t base;
	size_t npages;
	uint64_t *bits;
	size_t nfree;
	size_t hint; /* no free page below this index */
};

/* Bytes of bitmap needed for npages. */
size_t frames_bitmap_bytes(size_t npages);
/* All pages start in use; free the RAM with frames_release_range. */
void frames_init(struct frames *f, paddr_t base, size_t npages, uint64_t *bitmap);
/* Mark [start, end) free / in use; pages outside the span are ignored.
 * Used at init only: no double-free checks. */
void frames_release_range(struct frames *f, paddr_t start, paddr_t end);
void frames_claim_range(struct frames *f, paddr_t start, paddr_t end);

/* Allocates count contiguous pages aligned to align_pages (a power of two)
 * that end at or below limit (0 = no limit). Returns 0 if none. */
paddr_t frames_alloc(struct frames *f, size_t count, size_t align_pages, paddr_t limit);
/* Returns 0, or ERR_INVALID_ARGS if any page is outside the span or already
 * free (a double free: nothing is changed then). */
int frames_free(struct frames *f, paddr_t pa, size_t count);
bool frames_is_free(const struct frames *f, paddr_t pa);

#endif
