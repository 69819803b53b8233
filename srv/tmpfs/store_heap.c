// SPDX-License-Identifier: BSD-2-Clause
// The heap half of tmpfs's file store (store.h): a file's bytes in one
// heap block, zero-filled as it grows. The server keeps small files this
// way (store.c); the host tests and the fuzzer keep every file this way.
#include "store.h"
#include <fs.h>
#include <stdlib.h>
#include <string.h>

uint64_t tmpfs_store_cap_for(const struct tmpfs_store *s, uint64_t bytes)
{
	uint64_t cap = s->cap ? s->cap : TMPFS_STORE_PAGE;
	while (cap < bytes)
		cap *= 2;
	return cap;
}

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

long tmpfs_heap_grow(struct tmpfs_store *s, uint64_t cap, uint64_t bytes, uint64_t from)
{
	unsigned char *grown = realloc(s->base, cap);
	if (!grown)
		return FS_FS_ERROR_NO_SPACE;
	zero_new(grown, s->cap, cap, bytes, from);
	s->base = grown;
	s->cap = cap;
	return 0;
}

void tmpfs_store_borrow(struct tmpfs_store *s, const void *data, uint64_t len)
{
	s->base = (unsigned char *)(uintptr_t)data;
	s->cap = len;
	s->borrowed = true;
}

long tmpfs_store_own(struct tmpfs_store *s)
{
	if (!s->borrowed)
		return 0;
	uint64_t cap = (s->cap + TMPFS_STORE_PAGE - 1) / TMPFS_STORE_PAGE * TMPFS_STORE_PAGE;
	unsigned char *own = malloc(cap);
	if (!own)
		return FS_FS_ERROR_NO_SPACE;
	memcpy(own, s->base, s->cap);
	memset(own + s->cap, 0, cap - s->cap);
	s->base = own;
	s->cap = cap;
	s->borrowed = false;
	return 0;
}

void tmpfs_heap_shrink(struct tmpfs_store *s, uint64_t keep)
{
	if (s->borrowed) { /* nothing of it is ours to give back */
		if (keep)
			return;
		*s = (struct tmpfs_store){ .vmo = s->vmo };
		return;
	}
	if (keep == 0) {
		free(s->base);
		s->base = NULL;
		s->cap = 0;
		return;
	}
	unsigned char *shrunk = realloc(s->base, keep);
	if (shrunk)
		s->base = shrunk;
	s->cap = keep;
}
