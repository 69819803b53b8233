// SPDX-License-Identifier: BSD-2-Clause
// tmpfs's file store in the server (store.h). A small file lives in a heap
// block: a VMO would cost a mapping and a page fault per page, which is
// most of a small file's life (create, write 4 KiB, unlink). A file that
// grows past SMALL_MAX, or is mapped, moves into a VMO of its own, mapped
// into tmpfs at a size that doubles (vmo_set_size grows it in place, so the
// clients' mappings of it stay the file's); truncation gives pages back.
#include "store.h"
#include <fs.h>
#include <stdlib.h>
#include <string.h>
#include <vg/vg.h>

#define PAGE TMPFS_STORE_PAGE
#define SMALL_MAX (64u << 10)
/* Past the end: a fitted VMO may end before tmpfs's mapping of it does. */
#define RW (VG_VM_READ | VG_VM_WRITE | VG_VM_PAST_END)
#define ROUND(bytes) (((bytes) + PAGE - 1) / PAGE * PAGE)

static long set_size(struct tmpfs_store *s, uint64_t size)
{
	if (vg_vmo_set_size(s->vmo, size))
		return FS_FS_ERROR_NO_SPACE;
	s->vsize = size;
	return 0;
}

/* Maps the VMO at cap bytes: the new part right after the old mapping when
 * that room is free (the pages mapped so far stay mapped: no fault again
 * on each), else the whole of it elsewhere. */
static long remap(struct tmpfs_store *s, uint64_t cap)
{
	uintptr_t at = (uintptr_t)s->base + s->cap;
	if (s->base && !vg_vm_map(vg_self(), s->vmo, s->cap, cap - s->cap, RW | VG_VM_FIXED, &at)) {
		s->cap = cap;
		return 0;
	}
	at = 0;
	if (vg_vm_map(vg_self(), s->vmo, 0, cap, RW, &at))
		return FS_FS_ERROR_NO_SPACE;
	if (s->base)
		vg_vm_unmap(vg_self(), (uintptr_t)s->base, s->cap);
	s->base = (unsigned char *)at;
	s->cap = cap;
	return 0;
}

/* From the heap into a new VMO of cap bytes. */
static long move_to_vmo(struct tmpfs_store *s, uint64_t cap)
{
	uintptr_t at = 0;
	if (vg_vmo_create(cap, 0, &s->vmo))
		return FS_FS_ERROR_NO_SPACE;
	if (vg_vm_map(vg_self(), s->vmo, 0, cap, RW, &at)) {
		vg_handle_close(s->vmo);
		s->vmo = VG_HANDLE_INVALID;
		return FS_FS_ERROR_NO_SPACE;
	}
	/* Only the written part: the copy commits what it touches. */
	if (s->cap)
		memcpy((void *)at, s->base, s->cap);
	if (!s->borrowed)
		free(s->base);
	s->borrowed = false;
	s->base = (unsigned char *)at;
	s->cap = s->vsize = cap;
	return 0;
}

long tmpfs_store_reserve(struct tmpfs_store *s, uint64_t bytes, uint64_t from)
{
	long st = tmpfs_store_own(s);
	if (!st && s->fitted && bytes > s->vsize)
		st = set_size(s, ROUND(bytes));
	if (st || bytes <= s->cap)
		return st;
	uint64_t cap = tmpfs_store_cap_for(s, bytes);
	if (s->vmo) {
		st = s->fitted ? 0 : set_size(s, cap);
		return st ? st : remap(s, cap);
	}
	if (cap > SMALL_MAX)
		return move_to_vmo(s, cap);
	return tmpfs_heap_grow(s, cap, bytes, from);
}

long tmpfs_store_vmo(struct tmpfs_store *s, vg_handle_t *vmo)
{
	uint64_t cap = ROUND(s->cap); /* a borrowed one's is its length */
	long st = s->vmo ? 0 : move_to_vmo(s, cap ? cap : PAGE);
	*vmo = s->vmo;
	return st;
}

long tmpfs_store_fit(struct tmpfs_store *s, uint64_t bytes)
{
	s->fitted = true;
	return ROUND(bytes) < s->vsize ? set_size(s, ROUND(bytes)) : 0;
}

void tmpfs_store_shrink(struct tmpfs_store *s, uint64_t keep)
{
	keep = ROUND(keep);
	if (keep >= s->cap)
		return;
	if (s->vmo) {
		/* The VMO stays (mappings of it are the file's), smaller; the
		 * tail of tmpfs's mapping goes first, so nothing here reaches
		 * past its end. */
		vg_vm_unmap(vg_self(), (uintptr_t)s->base + keep, s->cap - keep);
		if (keep == 0)
			s->base = NULL;
		s->cap = keep;
		if (keep < s->vsize)
			set_size(s, keep); /* a shrink: only a failed allocation fails it */
		return;
	}
	tmpfs_heap_shrink(s, keep);
}

void tmpfs_store_free(struct tmpfs_store *s)
{
	if (s->vmo) {
		if (s->base)
			vg_vm_unmap(vg_self(), (uintptr_t)s->base, s->cap);
		vg_handle_close(s->vmo);
		s->vmo = VG_HANDLE_INVALID;
	} else {
		tmpfs_heap_shrink(s, 0);
	}
	*s = (struct tmpfs_store){ 0 };
}
