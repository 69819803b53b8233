/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_VMO_H
#define KERNEL_VMO_H

#include <kernel/object.h>

/*
 * A virtual memory object: a sized run of pages. Anonymous VMOs commit a
 * zeroed page the first time one is touched (demand-zero); their pages
 * belong to the VMO and are freed with it, whatever maps them.
 */
#define VMO_MAX_SIZE (1ull << 36) /* 64 GiB, until resource limits come */

struct vmo {
	struct kobject obj;
	uint64_t size; /* bytes, a multiple of PAGE_SIZE */
	size_t npages;
	paddr_t *pages; /* 0: not committed yet */
	size_t committed;
};

/* A new anonymous VMO of size bytes (rounded up to pages); NULL when size
 * is 0, too large, or memory is short. */
struct vmo *vmo_create(uint64_t size);
/* The physical page behind page index, committing a zeroed one if needed.
 * Returns 0 when out of range or out of memory. */
paddr_t vmo_commit_page(struct vmo *v, size_t index);
/* Copies between the VMO and kernel memory, committing pages as needed. */
int vmo_write(struct vmo *v, uint64_t offset, const void *src, size_t len);
int vmo_read(struct vmo *v, uint64_t offset, void *dst, size_t len);

static inline struct vmo *to_vmo(struct kobject *o)
{
	return (struct vmo *)o;
}

#endif
