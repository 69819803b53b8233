// SPDX-License-Identifier: BSD-2-Clause
// The name cache: (mount, directory inode, name) -> (inode, kind), direct
// mapped. Keys are inodes, not paths, so renaming a directory leaves the
// entries below it valid; the VFS drops the entries of names it removes or
// replaces, and every entry of a mount when a directory goes (its inode
// number may come back as another directory). Every change to names passes
// through the VFS, which is what keeps the cache true.
#include "vfs.h"

static uint32_t slot_of(int m, uint64_t dir, const char *name)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)m ^ dir * 0x9e3779b97f4a7c15ull;
	for (const char *c = name; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ull;
	return (uint32_t)(h ^ h >> 29) & (VFS_DCACHE - 1);
}

bool vfs_dcache_get(struct vfs *v, int m, uint64_t dir, const char *name, struct vfs_loc *out)
{
	struct vfs_dentry *d = &v->dcache[slot_of(m, dir, name)];
	if (d->dir != dir || d->m != m || strcmp(d->name, name) != 0) {
		v->misses++;
		return false;
	}
	v->hits++;
	*out = (struct vfs_loc){ m, d->ino, d->kind };
	return true;
}

void vfs_dcache_put(struct vfs *v, int m, uint64_t dir, const char *name, uint64_t ino,
		    fs_kind_t kind)
{
	size_t len = strlen(name);
	if (len > VFS_DCACHE_NAME || dir == 0)
		return;
	struct vfs_dentry *d = &v->dcache[slot_of(m, dir, name)];
	d->dir = dir;
	d->m = (uint16_t)m;
	d->ino = ino;
	d->kind = kind;
	memcpy(d->name, name, len + 1);
}

void vfs_dcache_drop(struct vfs *v, int m, uint64_t dir, const char *name)
{
	struct vfs_dentry *d = &v->dcache[slot_of(m, dir, name)];
	if (d->dir == dir && d->m == m && strcmp(d->name, name) == 0)
		d->dir = 0;
}

void vfs_dcache_drop_mount(struct vfs *v, int m)
{
	for (uint32_t i = 0; i < VFS_DCACHE; i++)
		if (v->dcache[i].m == m)
			v->dcache[i].dir = 0;
}
