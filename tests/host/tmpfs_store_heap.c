// SPDX-License-Identifier: BSD-2-Clause
// tmpfs's file store (srv/tmpfs/store.h) on the host, for the host tests
// and the fuzzer: every file in a heap block (srv/tmpfs/store_heap.c).
#include "../../srv/tmpfs/store.h"

long tmpfs_store_reserve(struct tmpfs_store *s, uint64_t bytes, uint64_t from)
{
	long st = tmpfs_store_own(s);
	if (st || bytes <= s->cap)
		return st;
	return tmpfs_heap_grow(s, tmpfs_store_cap_for(s, bytes), bytes, from);
}

void tmpfs_store_shrink(struct tmpfs_store *s, uint64_t keep)
{
	keep = (keep + TMPFS_STORE_PAGE - 1) / TMPFS_STORE_PAGE * TMPFS_STORE_PAGE;
	if (keep < s->cap)
		tmpfs_heap_shrink(s, keep);
}

void tmpfs_store_free(struct tmpfs_store *s)
{
	tmpfs_heap_shrink(s, 0);
}
