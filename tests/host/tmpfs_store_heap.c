// SPDX-License-Identifier: BSD-2-Clause
// tmpfs's file store (srv/tmpfs/store.h) on the host: one heap block per
// file, zero-filled as it grows, for the host tests and the fuzzer.
#include "../../srv/tmpfs/store.h"
#include <fs.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 4096u

/* Zeroes the new part [old, cap) of a heap block but [from, bytes). */
static void zero_new(unsigned char *p, uint64_t old, uint64_t cap, uint64_t bytes, uint64_t from)
{
	if (from < old)
		from = old;
	if (from > bytes)
		from = bytes;
	memset(p + old, 0, from - old);
	memset(p + bytes, 0, cap - bytes);
}

long tmpfs_store_reserve(struct tmpfs_store *s, uint64_t bytes, uint64_t from)
{
	if (bytes <= s->cap)
		return 0;
	uint64_t cap = s->cap ? s->cap : PAGE;
	while (cap < bytes)
		cap *= 2;
	unsigned char *grown = realloc(s->base, cap);
	if (!grown)
		return FS_FS_ERROR_NO_SPACE;
	zero_new(grown, s->cap, cap, bytes, from);
	s->base = grown;
	s->cap = cap;
	return 0;
}

void tmpfs_store_shrink(struct tmpfs_store *s, uint64_t keep)
{
	keep = (keep + PAGE - 1) / PAGE * PAGE;
	if (keep >= s->cap)
		return;
	if (keep == 0) {
		tmpfs_store_free(s);
		return;
	}
	unsigned char *shrunk = realloc(s->base, keep);
	if (shrunk)
		s->base = shrunk;
	s->cap = keep;
}

void tmpfs_store_free(struct tmpfs_store *s)
{
	free(s->base);
	s->base = NULL;
	s->cap = 0;
}
