// SPDX-License-Identifier: BSD-2-Clause
// Path resolution: one component at a time from the root, through the name
// cache or the filesystem holding the directory; ".." climbs out of a mount
// at its root, a directory with a filesystem mounted on it leads into that
// filesystem's root; symlinks are read and spliced in front of the rest of
// the path, at most VFS_SYMLINK_DEPTH of them. The canonical path of where
// the walk is stays up to date on the way (for getcwd).
#include "vfs.h"

static const struct vfs_loc *mounted_on(struct vfs *v, const struct vfs_loc *dir, int *m)
{
	for (int i = 0; i < (int)VFS_MOUNTS; i++)
		if (v->mounts[i].used && v->mounts[i].parent == dir->m &&
		    v->mounts[i].mountpoint == dir->ino && v->mounts[i].parent >= 0) {
			*m = i;
			return dir;
		}
	return NULL;
}

long vfs_lookup(struct vfs *v, const struct vfs_loc *dir, const char *name, struct vfs_loc *out,
		struct fs_attr *attr)
{
	struct vfs_mount *mnt = &v->mounts[dir->m];
	bool dotdot = strcmp(name, "..") == 0;
	if (dotdot && dir->ino == mnt->root) {
		if (mnt->parent < 0) { /* ".." of / is / */
			*out = *dir;
			return attr ? fs_node_getattr(mnt->fs, dir->ino, attr) : 0;
		}
		struct vfs_loc mp = { mnt->parent, mnt->mountpoint, FS_KIND_DIR };
		return vfs_lookup(v, &mp, "..", out, attr);
	}
	if (strcmp(name, ".") == 0) {
		*out = *dir;
		return attr ? fs_node_getattr(mnt->fs, dir->ino, attr) : 0;
	}
	bool have_attr = false;
	/* ".." is never cached: renaming a directory changes it. */
	if (dotdot || !vfs_dcache_get(v, dir->m, dir->ino, name, out)) {
		struct fs_attr a;
		long st = fs_node_lookup(mnt->fs, dir->ino, name, &a);
		if (st)
			return st;
		*out = (struct vfs_loc){ dir->m, a.ino, a.kind };
		if (!dotdot)
			vfs_dcache_put(v, dir->m, dir->ino, name, a.ino, a.kind);
		if (attr)
			*attr = a;
		have_attr = true;
	}
	int m;
	if (out->kind == FS_KIND_DIR && mounted_on(v, out, &m)) {
		*out = (struct vfs_loc){ m, v->mounts[m].root, FS_KIND_DIR };
		have_attr = false;
	}
	if (attr && !have_attr)
		return fs_node_getattr(v->mounts[out->m].fs, out->ino, attr);
	return 0;
}

/* canon += "/name", or one component less for "..". */
static long canon_step(char *canon, const char *name)
{
	size_t len = strlen(canon);
	if (strcmp(name, ".") == 0)
		return 0;
	if (strcmp(name, "..") == 0) {
		while (len > 1 && canon[len - 1] != '/')
			len--;
		canon[len > 1 ? len - 1 : 1] = 0;
		return 0;
	}
	size_t n = strlen(name), sep = len > 1;
	if (len + sep + n >= VFS_PATH_MAX)
		return FS_FS_ERROR_NAME_TOO_LONG;
	if (sep)
		canon[len++] = '/';
	memcpy(canon + len, name, n + 1);
	return 0;
}

static char work[2][VFS_PATH_MAX];

/* Search permission in the directory at loc, whose attributes are *dir
 * when *known (fetched here otherwise). Root searches everywhere without
 * asking the filesystem, so its walks cost nothing more. */
static long may_search(struct vfs *v, const struct vfs_loc *loc, struct fs_attr *dir, bool *known)
{
	if (vfs_root(v))
		return 0;
	if (!*known) {
		long st = fs_node_getattr(v->mounts[loc->m].fs, loc->ino, dir);
		if (st)
			return st;
		*known = true;
	}
	return vfs_may(v->cred, dir, VFS_MAY_EXEC);
}

long vfs_resolve(struct vfs *v, const char *path, unsigned how, struct vfs_walk *w)
{
	size_t plen = strlen(path);
	if (plen == 0)
		return FS_FS_ERROR_NOT_FOUND;
	if (plen >= VFS_PATH_MAX)
		return FS_FS_ERROR_NAME_TOO_LONG;
	w->slash = path[plen - 1] == '/';
	int cur = 0;
	memcpy(work[cur], path, plen + 1);
	const char *rest = work[cur];
	struct vfs_loc loc = { 0, v->mounts[0].root, FS_KIND_DIR };
	w->canon[0] = '/', w->canon[1] = 0;
	w->last[0] = 0;
	bool have_attr = false, dir_known = false, root = vfs_root(v);
	unsigned depth = 0;
	for (;;) {
		while (*rest == '/')
			rest++;
		if (!*rest)
			break;
		const char *end = rest;
		while (*end && *end != '/')
			end++;
		size_t n = (size_t)(end - rest);
		if (n > VFS_NAME_MAX)
			return FS_FS_ERROR_NAME_TOO_LONG;
		char name[VFS_NAME_MAX + 1];
		memcpy(name, rest, n);
		name[n] = 0;
		const char *next = end;
		while (*next == '/')
			next++;
		bool last = !*next;
		if (loc.kind != FS_KIND_DIR)
			return FS_FS_ERROR_NOT_DIR;
		long st = may_search(v, &loc, &w->dir, &dir_known);
		if (st)
			return st;
		if (last && (how & VFS_PARENT)) {
			memcpy(w->last, name, n + 1);
			break;
		}
		struct vfs_loc found;
		struct fs_attr a;
		bool want_attr = last || !root;
		if ((st = vfs_lookup(v, &loc, name, &found, want_attr ? &a : NULL)))
			return st;
		have_attr = last;
		if (last)
			w->attr = a;
		if (found.kind == FS_KIND_SYMLINK && (!last || (how & VFS_FOLLOW) || w->slash)) {
			if (++depth > VFS_SYMLINK_DEPTH)
				return FS_FS_ERROR_LOOP;
			char *target = work[!cur];
			if ((st = fs_node_readlink(v->mounts[found.m].fs, found.ino, target)))
				return st;
			size_t tl = strlen(target), rl = strlen(end);
			if (tl == 0)
				return FS_FS_ERROR_NOT_FOUND;
			if (tl + rl >= VFS_PATH_MAX)
				return FS_FS_ERROR_NAME_TOO_LONG;
			memcpy(target + tl, end, rl + 1); /* the rest keeps its slashes */
			cur = !cur;
			rest = work[cur];
			if (target[0] == '/') {
				loc = (struct vfs_loc){ 0, v->mounts[0].root, FS_KIND_DIR };
				w->canon[0] = '/', w->canon[1] = 0;
				dir_known = false;
			}
			have_attr = false;
			continue;
		}
		if ((st = canon_step(w->canon, name)))
			return st;
		loc = found;
		rest = next;
		if (want_attr)
			w->dir = a; /* the next component's directory */
		dir_known = want_attr;
	}
	w->at = loc;
	if (how & VFS_PARENT) {
		/* "/" or a path of slashes: the parent is the root itself. */
		bool ok = root || dir_known;
		return ok ? 0 : fs_node_getattr(v->mounts[loc.m].fs, loc.ino, &w->dir);
	}
	if (!have_attr) {
		long st = fs_node_getattr(v->mounts[loc.m].fs, loc.ino, &w->attr);
		if (st)
			return st;
	}
	if (w->slash && loc.kind != FS_KIND_DIR)
		return FS_FS_ERROR_NOT_DIR;
	return 0;
}
