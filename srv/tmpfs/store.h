/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where a tmpfs file's bytes live (docs/ARCHITECTURE.md, section 17): one
 * contiguous, zero-filled range per file that tmpfs reads and writes
 * directly through `base`. In the server it is a VMO mapped into tmpfs
 * (store.c), so the same pages can be handed out for mmap and every
 * mapper and read() see one copy; pages are committed on first touch, so
 * a reserved range costs nothing until written. The host tests use a heap
 * version (tests/host/tmpfs_store_heap.c).
 */
#ifndef SRV_TMPFS_STORE_H
#define SRV_TMPFS_STORE_H

#include <stdint.h>
#include <verdigris/types.h>

struct tmpfs_store {
	unsigned char *base; /* cap bytes, or NULL when cap is 0 */
	uint64_t cap;
	vg_handle_t vmo; /* the server's: the pages behind base (0 on the host) */
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
/* The server only: the VMO holding the file (moving it there first) for
 * mmap; 0 or FS_FS_ERROR_NO_SPACE. */
long tmpfs_store_vmo(struct tmpfs_store *s, vg_handle_t *vmo);

#endif
