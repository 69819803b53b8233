/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where a tmpfs file's bytes live (docs/ARCHITECTURE.md, section 17): one
 * contiguous, zero-filled range per file that tmpfs reads and writes
 * directly through `base`. In the server it is a VMO mapped into tmpfs
 * (store.c), so the same pages can be handed out for mmap and every
 * mapper and read() see one copy; pages are committed on first touch, so
 * a reserved range costs nothing until written. Small files stay in a heap
 * block (store_heap.c), which is also all the host tests use
 * (tests/host/tmpfs_store_heap.c).
 */
#ifndef SRV_TMPFS_STORE_H
#define SRV_TMPFS_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include <verdigris/types.h>

struct tmpfs_store {
	unsigned char *base; /* cap bytes, or NULL when cap is 0 */
	uint64_t cap;
	vg_handle_t vmo; /* the server's: the pages behind base (0 on the host) */
	/* The VMO's size: cap, until clients map it (tmpfs_store_fit); then
	 * the file's pages and no more, so that their accesses to whole
	 * pages past its end fault (SIGBUS), while tmpfs's own mapping of it
	 * still grows by doubling (cap, mapped VG_VM_PAST_END). */
	uint64_t vsize;
	bool fitted;
	/* base is memory the store does not own and never writes (a file of
	 * the boot archive, which stays mapped and never changes), cap its
	 * length: read in place, copied on the first change (or mmap). */
	bool borrowed;
};

/* Makes cap at least bytes (growing by doubling, whole pages), keeping the
 * contents; new bytes read as zeros, except those in [from, bytes), which
 * the caller writes right away (a new heap block is not zeroed twice).
 * 0 or FS_FS_ERROR_NO_SPACE. */
long tmpfs_store_reserve(struct tmpfs_store *s, uint64_t bytes, uint64_t from);
/* Lets go of the memory past keep (rounded up to a page): those bytes read
 * as zeros if they are reserved again, and mappings of them end. */
void tmpfs_store_shrink(struct tmpfs_store *s, uint64_t keep);
void tmpfs_store_free(struct tmpfs_store *s);
#define TMPFS_STORE_PAGE 4096u

/* The store reads as data[0, len) without a copy (store_heap.c); data
 * must outlive it and never change. It was empty. */
void tmpfs_store_borrow(struct tmpfs_store *s, const void *data, uint64_t len);
/* A borrowed store's bytes copied into a heap block of its own (whole
 * pages, zero-filled past them), before a change: 0 or
 * FS_FS_ERROR_NO_SPACE. Nothing to do for another store. */
long tmpfs_store_own(struct tmpfs_store *s);

/* The heap block (store_heap.c). The capacity that holds bytes: the
 * current one (or a page) doubled as often as needed. */
uint64_t tmpfs_store_cap_for(const struct tmpfs_store *s, uint64_t bytes);
/* Reallocates the block to cap bytes; the new part reads as zeros but
 * [from, bytes). 0 or FS_FS_ERROR_NO_SPACE. */
long tmpfs_heap_grow(struct tmpfs_store *s, uint64_t cap, uint64_t bytes, uint64_t from);
/* Down to keep bytes (a whole number of pages, below cap; 0 frees it). */
void tmpfs_heap_shrink(struct tmpfs_store *s, uint64_t keep);

/* The server only: the VMO holding the file (moving it there first) for
 * mmap; 0 or FS_FS_ERROR_NO_SPACE. */
long tmpfs_store_vmo(struct tmpfs_store *s, vg_handle_t *vmo);
/* The server only, after tmpfs_store_vmo and a reserve of bytes: from now
 * on the VMO holds [0, bytes) in whole pages and no more, following each
 * reserve and shrink (one vmo_set_size per growth to a new page, where an
 * unmapped file's VMO grows by doubling). 0 or FS_FS_ERROR_NO_SPACE. */
long tmpfs_store_fit(struct tmpfs_store *s, uint64_t bytes);

#endif
