/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_HEAP_H
#define KERNEL_HEAP_H

#include <kernel/types.h>

/*
 * A size-class heap. Objects up to HEAP_MAX_SMALL bytes come from one-page
 * slabs of a single class (a header at the page start, then equal slots);
 * larger ones take whole pages with a header in front. Every allocation is
 * counted per class so that tests can prove counts return to baseline (leak
 * accounting). Pure logic over a page backend: the kernel supplies pmm pages,
 * the host tests supply malloc'd pages.
 */
#define HEAP_NCLASSES 8 /* 16, 32, ..., 2048 */
#define HEAP_MAX_SMALL 2048

struct heap_backend {
	void *(*alloc_pages)(size_t count); /* page-aligned, NULL when out of memory */
	void (*free_pages)(void *p, size_t count);
};

struct heap_stats {
	size_t live_objects[HEAP_NCLASSES];
	size_t live_large; /* large allocations outstanding */
	size_t live_bytes; /* bytes requested and not freed */
	size_t slab_pages; /* pages held by slabs (including empty cached ones) */
	size_t large_pages;
};

struct slab;
struct heap {
	struct heap_backend backend;
	struct slab *partial[HEAP_NCLASSES]; /* slabs with a free slot */
	struct slab *empty[HEAP_NCLASSES]; /* one empty slab cached per class */
	struct heap_stats stats;
};

void heap_init(struct heap *h, const struct heap_backend *backend);
void *heap_alloc(struct heap *h, size_t size); /* 16-byte aligned; NULL if exhausted */
/* Returns 0, or ERR_INVALID_ARGS for a pointer the heap did not hand out or a
 * double free (detected, nothing is changed). */
int heap_free(struct heap *h, void *p);
/* The usable size of an allocation (at least what was asked). */
size_t heap_usable_size(struct heap *h, const void *p);

/* The kernel's heap (core/kheap.c). kfree panics on a bad pointer. */
void kheap_init(void);
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(void *p);
struct heap_stats kheap_stats(void);

#endif
