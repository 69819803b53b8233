// SPDX-License-Identifier: BSD-2-Clause
// Where program images come from: files of the boot archive, by their
// path without the leading slash ("/bin/sh" is "bin/sh"), or a file's
// pages staged by the caller (VG_HTAG_IMAGE: a file elsewhere in the file
// system, which the caller opened), mapped here for the spawn. A boot archive file never changes,
// so the pages vg_spawn prepared from it are kept for the next spawn of
// the same program (struct vg_spawn_cache), a few programs at a time.
#include "procsrv.h"
#include <vg/vg.h>

#define CACHED_PROGRAMS 16

static struct vg_spawn_cache cache[CACHED_PROGRAMS];
static size_t next_victim;

struct vg_spawn_cache *proc_image_cache(const void *image)
{
	for (size_t i = 0; i < CACHED_PROGRAMS; i++)
		if (cache[i].image == image)
			return &cache[i];
	/* The oldest entry goes: vg_spawn replaces its pages. */
	struct vg_spawn_cache *c = &cache[next_victim];
	next_victim = (next_victim + 1) % CACHED_PROGRAMS;
	return c;
}

long proc_image_find(const char *path, const void **image, size_t *len)
{
	while (*path == '/')
		path++;
	long st = vg_initrd_find(path, image, len);
	/* A directory (or an empty file) is no program: the caller's file
	 * system says what it is (EACCES, ENOEXEC). */
	return st ? st : *len ? 0 : ERR_NOT_FOUND;
}

long proc_image_map(vg_handle_t file, uint32_t len, const void **image, size_t *size)
{
	/* The caller's VMO may change or shrink while we read it: a copy-on-
	 * write snapshot of our own cannot. One that cannot be snapshot is
	 * not anonymous memory (physical pages: the boot archive's, which
	 * never change size) and is read as it is. */
	uint64_t span = ((uint64_t)len + 4095) & ~(uint64_t)4095;
	vg_handle_t snap;
	if (!len) {
		vg_handle_close(file);
		return ERR_BAD_FORMAT;
	}
	if (!vg_vmo_create_child(file, 0, span, 0, &snap)) {
		vg_handle_close(file);
		file = snap;
	}
	uintptr_t at = 0;
	long st = vg_vm_map(vg_self(), file, 0, span, VG_VM_READ, &at);
	vg_handle_close(file);
	if (st)
		return st == ERR_INVALID_ARGS ? ERR_BAD_FORMAT : st;
	*image = (const void *)at;
	*size = len;
	return 0;
}

void proc_image_unmap(const void *image, size_t size)
{
	vg_vm_unmap(vg_self(), (uintptr_t)image, (size + 4095) & ~(size_t)4095);
}
