// SPDX-License-Identifier: BSD-2-Clause
// Filling a tmpfs from a cpio newc archive (the boot archive): every record
// checked by the kernel's validating parser (kernel/lib/cpio.c), then put
// in the tree: directories a path goes through are made as needed, a later
// record of the same name replaces an earlier one (as extracting would),
// hard-linked files share one node (newc stores their data once, with the
// last link), its data read in place in the archive, which must outlive
// the tree (tmpfs_adopt). Any record that cannot be placed refuses the whole archive
// with a reason. Pure code on the tree (nodes.c); fuzzed on the host.
#include "tmpfs.h"
#include <kernel/cpio.h>
#include <stdlib.h>
#include <string.h>

struct hardlink {
	uint32_t ino, major, minor;
	uint64_t node;
};

static fs_kind_t kind_of(uint32_t mode)
{
	switch (CPIO_TYPE(mode)) {
	case CPIO_S_IFREG: return FS_KIND_FILE;
	case CPIO_S_IFDIR: return FS_KIND_DIR;
	case CPIO_S_IFLNK: return FS_KIND_SYMLINK;
	case CPIO_S_IFCHR: return FS_KIND_CHARDEV;
	case CPIO_S_IFBLK: return FS_KIND_BLOCKDEV;
	case CPIO_S_IFIFO: return FS_KIND_FIFO;
	default: return FS_KIND_SOCKET;
	}
}

/* The directory that holds the last component of name (made as needed);
 * *last points at that component in name. */
static long parent_of(struct tmpfs *fs, char *name, char **last, uint64_t *dir)
{
	uint64_t at = 1;
	char *p = name;
	for (;;) {
		while (*p == '/')
			p++;
		char *end = strchr(p, '/');
		while (end && end[1] == '/')
			end++;
		if (!end || !end[1]) { /* the last component */
			if (end)
				*end = 0;
			*last = p;
			*dir = at;
			return 0;
		}
		*end = 0;
		struct tmpfs_node *n;
		long st = 0;
		if (strcmp(p, ".") != 0) {
			st = tmpfs_lookup(fs, at, p, &n);
			if (st == FS_FS_ERROR_NOT_FOUND)
				st = tmpfs_create(fs, at, p, FS_KIND_DIR, 0755, 0, 0, 0, NULL, &n);
			if (!st && n->kind != FS_KIND_DIR)
				st = FS_FS_ERROR_NOT_DIR;
			if (st)
				return st;
			at = n->ino;
		}
		p = end + 1;
	}
}

static long place(struct tmpfs *fs, const struct cpio_entry *e, struct hardlink **links,
		  size_t *nlinks, const char **why)
{
	char name[4096], target[4096];
	if (e->name_len >= sizeof(name)) {
		*why = "a name is too long";
		return FS_FS_ERROR_NAME_TOO_LONG;
	}
	memcpy(name, e->name, e->name_len + 1);
	char *last;
	uint64_t dir;
	long st = parent_of(fs, name, &last, &dir);
	if (st) {
		*why = "a path goes through something that is not a directory";
		return st;
	}
	fs_kind_t kind = kind_of(e->mode);
	struct tmpfs_node *n, *old = NULL;
	if (!*last || !strcmp(last, ".")) { /* the root itself */
		n = tmpfs_node(fs, dir);
		if (kind != FS_KIND_DIR) {
			*why = "the root is not a directory";
			return FS_FS_ERROR_NOT_DIR;
		}
		goto attributes;
	}
	if (tmpfs_lookup(fs, dir, last, &old) == 0) {
		if (old->kind == FS_KIND_DIR && kind == FS_KIND_DIR) {
			n = old;
			goto attributes;
		}
		if ((st = tmpfs_unlink(fs, dir, last, old->kind == FS_KIND_DIR))) {
			*why = "a directory with names in it is replaced";
			return st;
		}
	}
	/* A hard link of a file already placed. */
	if (kind == FS_KIND_FILE && e->nlink > 1) {
		for (size_t i = 0; i < *nlinks; i++) {
			struct hardlink *h = &(*links)[i];
			if (h->ino != e->ino || h->major != e->devmajor ||
			    h->minor != e->devminor || !tmpfs_node(fs, h->node))
				continue;
			if ((st = tmpfs_link(fs, h->node, dir, last))) {
				*why = "a hard link cannot be made";
				return st;
			}
			n = tmpfs_node(fs, h->node);
			goto data;
		}
	}
	if (kind == FS_KIND_SYMLINK) {
		if (e->size == 0 || e->size >= sizeof(target)) {
			*why = "a symlink's target is empty or too long";
			return FS_FS_ERROR_INVALID;
		}
		memcpy(target, e->data, e->size);
		target[e->size] = 0;
	}
	if (kind == FS_KIND_SOCKET) {
		*why = "a socket cannot be stored";
		return FS_FS_ERROR_INVALID;
	}
	uint64_t rdev = (uint64_t)e->rdevmajor << 32 | e->rdevminor;
	if ((st = tmpfs_create(fs, dir, last, kind, e->mode, e->uid, e->gid, rdev, target, &n))) {
		*why = "a name cannot be made";
		return st;
	}
	if (kind == FS_KIND_FILE && e->nlink > 1) {
		struct hardlink *grown = realloc(*links, (*nlinks + 1) * sizeof(*grown));
		if (!grown) {
			*why = "out of memory";
			return FS_FS_ERROR_NO_MEMORY;
		}
		*links = grown;
		grown[(*nlinks)++] = (struct hardlink){ e->ino, e->devmajor, e->devminor, n->ino };
	}
data:
	if (kind == FS_KIND_FILE && e->size) {
		/* Read where it is in the archive, which the caller keeps:
		 * the boot archive is not held twice. */
		if ((st = tmpfs_truncate(fs, n, 0)) ||
		    (st = tmpfs_adopt(fs, n, e->data, e->size))) {
			*why = "no room for a file's data";
			return st;
		}
	}
attributes:
	if (kind != FS_KIND_SYMLINK)
		n->mode = e->mode & 07777;
	n->uid = e->uid;
	n->gid = e->gid;
	n->mtime = n->ctime = (int64_t)e->mtime * 1000000000;
	return 0;
}

long tmpfs_load_cpio(struct tmpfs *fs, const void *archive, size_t len, const char **why)
{
	if (cpio_validate(archive, len, why) < 0)
		return FS_FS_ERROR_INVALID;
	struct hardlink *links = NULL;
	size_t nlinks = 0, off = 0;
	struct cpio_entry e;
	long st = 0;
	int r;
	while (!st && (r = cpio_next(archive, len, &off, &e, why)) == 1)
		st = place(fs, &e, &links, &nlinks, why);
	free(links);
	return st;
}
