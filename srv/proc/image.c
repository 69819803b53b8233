// SPDX-License-Identifier: BSD-2-Clause
// Where program images come from: files of the boot archive, by their
// path without the leading slash ("/bin/sh" is "bin/sh"), or a file's
// pages staged by the caller (spawn.c). A boot archive file never changes,
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
	return vg_initrd_find(path, image, len);
}
