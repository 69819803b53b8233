// SPDX-License-Identifier: BSD-2-Clause
// tmpfs's file store (srv/tmpfs/store.h) on the host: one heap block per
// file, zero-filled as it grows, for the host tests and the fuzzer.
#include "../../srv/tmpfs/store.h"
#include <fs.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 4096u

long tmpfs_store_reserve(struct tmpfs_store *s, uint64_t bytes)
{
	if (bytes <= s->cap)
		return 0;
	uint64_t cap = s->cap ? s->cap : PAGE;
	while (cap < bytes)
		cap *= 2;
	unsigned char *grown = realloc(s->base, cap);
	if (!grown)
		return FS_FS_ERROR_NO_SPACE;
	memset(grown + s->cap, 0, cap - s->cap);
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
