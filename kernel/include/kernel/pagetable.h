/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_PAGETABLE_H
#define KERNEL_PAGETABLE_H

#include <kernel/types.h>

/*
 * Generic radix page tables: PT_LEVELS levels of 512 eight-byte entries,
 * 4 KiB pages, the leaf level is 0. The walk is the same on x86_64 (4
 * levels), AArch64 (4 levels, 4 KiB granule, 48-bit VA) and RISC-V Sv39 (3
 * levels); only the entry encoding differs, and that comes from the arch's
 * static inline encoders. Pure logic: the environment provides
 * pt_alloc_table(), pt_free_table() and pt_table_virt(), so the host tests run the same code
 * over a fake encoding.
 */
#define PT_ENTRIES 512
#define PT_LEVEL_SHIFT(level) (PAGE_SHIFT + 9 * (level))
#define PT_LEVEL_SIZE(level) ((uint64_t)1 << PT_LEVEL_SHIFT(level))

/* Supplied by the environment: a zeroed table page (0 if none), and the
 * virtual address through which a table page is read and written. */
paddr_t pt_alloc_table(void);
void pt_free_table(paddr_t pa);
pte_t *pt_table_virt(paddr_t pa);

/* Maps [va, va+size) to [pa, pa+size) with VM_* prot, using block leaves
 * where alignment and the arch allow. All three must be page aligned.
 * Returns 0, ERR_EXISTS if any page is mapped already (nothing is changed
 * then), ERR_NO_MEMORY (what was mapped so far stays), ERR_INVALID_ARGS. */
int pt_map(paddr_t root, vaddr_t va, paddr_t pa, uint64_t size, unsigned prot);
/* Maps page i of [va, va + n pages) to pages[i] with prot, 4 KiB leaves,
 * skipping the pages that are 0 and those already mapped (left as they
 * are); one walk per last-level table rather than per page. 0, or
 * ERR_NO_MEMORY (what was mapped so far stays). */
int pt_map_pages(paddr_t root, vaddr_t va, const paddr_t *pages, size_t n, unsigned prot);
/* Unmaps every page in the range, splitting blocks that straddle its ends.
 * Pages already unmapped are skipped. Returns 0 or ERR_NO_MEMORY (a split
 * needed a table). The caller flushes the TLB. */
int pt_unmap(paddr_t root, vaddr_t va, uint64_t size);
/* Changes the protection of every mapped page in the range (splitting as
 * needed); unmapped pages are skipped. */
int pt_protect(paddr_t root, vaddr_t va, uint64_t size, unsigned prot);
/* Frees every table below the root entries that cover [0, limit) and
 * clears those entries; leaf pages are not freed (their owners do that).
 * For tearing down a user address space. */
void pt_free_tables(paddr_t root, vaddr_t limit);
/* Takes the tables below root that cover [va, va+size) and hold no entry
 * out of the tree (after pt_unmap: the address space they served is
 * unmapped): the list of them, 0 for none, for pt_free_pruned once the
 * TLB forgot them. Without this, a process that keeps mapping fresh
 * addresses (the C library's page source never reuses one) keeps a table
 * for every 2 MiB it ever used. */
paddr_t pt_prune(paddr_t root, vaddr_t va, uint64_t size);
void pt_free_pruned(paddr_t freed);
/* The tables in use for [0, limit): the root and every table below the
 * root entries that cover it. */
size_t pt_count_tables(paddr_t root, vaddr_t limit);
/* Translates va: returns 0 with *pa and *prot set, or ERR_NOT_FOUND. */
int pt_query(paddr_t root, vaddr_t va, paddr_t *pa, unsigned *prot);

#endif
