// SPDX-License-Identifier: BSD-2-Clause
// tmpfs's nodes: the directory tree, links and the page-granular file data.
// Pure C on malloc, no IPC, so that the host tests can drive it directly.
#include "tmpfs.h"
#include <stdlib.h>
#include <string.h>

#define ROOT_INO 1u

static struct tmpfs_node *node_new(struct tmpfs *fs, fs_kind_t kind, uint32_t mode, uint32_t uid,
				   uint32_t gid)
{
	uint64_t ino = 0;
	for (uint64_t i = ROOT_INO; i < fs->nnodes; i++)
		if (!fs->nodes[i]) {
			ino = i;
			break;
		}
	if (!ino) {
		uint64_t n = fs->nnodes ? fs->nnodes * 2 : 64;
		struct tmpfs_node **grown = realloc(fs->nodes, n * sizeof(*grown));
		if (!grown)
			return NULL;
		memset(grown + fs->nnodes, 0, (n - fs->nnodes) * sizeof(*grown));
		ino = fs->nnodes ? fs->nnodes : ROOT_INO;
		fs->nodes = grown;
		fs->nnodes = n;
	}
	struct tmpfs_node *node = calloc(1, sizeof(*node));
	if (!node)
		return NULL;
	node->ino = ino;
	node->kind = kind;
	node->mode = mode & 07777;
	node->uid = uid;
	node->gid = gid;
	node->atime = node->mtime = node->ctime = fs->now();
	fs->nodes[ino] = node;
	fs->live++;
	return node;
}

long tmpfs_init(struct tmpfs *fs, uint64_t bytes_max, int64_t (*now)(void))
{
	memset(fs, 0, sizeof(*fs));
	fs->now = now;
	fs->pages_max = bytes_max / TMPFS_PAGE;
	struct tmpfs_node *root = node_new(fs, FS_KIND_DIR, 01777, 0, 0);
	if (!root)
		return FS_FS_ERROR_NO_MEMORY;
	root->nlink = 2;
	root->u.d.parent = root->ino;
	return 0;
}

struct tmpfs_node *tmpfs_node(struct tmpfs *fs, uint64_t ino)
{
	return ino < fs->nnodes ? fs->nodes[ino] : NULL;
}

void tmpfs_attr(struct tmpfs *fs, const struct tmpfs_node *n, struct fs_attr *a)
{
	memset(a, 0, sizeof(*a));
	a->ino = n->ino;
	a->kind = n->kind;
	a->mode = n->mode;
	a->nlink = n->nlink;
	a->uid = n->uid;
	a->gid = n->gid;
	a->size = n->size;
	a->blocks = n->kind == FS_KIND_FILE ? n->u.f.used * (TMPFS_PAGE / 512) : 0;
	a->atime_ns = n->atime;
	a->mtime_ns = n->mtime;
	a->ctime_ns = n->ctime;
	a->rdev = n->rdev;
	a->dev = fs->dev;
}

static struct tmpfs_dirent *dir_find(struct tmpfs_node *dir, const char *name)
{
	for (uint32_t i = 0; i < dir->u.d.count; i++) {
		struct tmpfs_dirent *e = &dir->u.d.ents[i];
		if (e->name && strcmp(e->name, name) == 0)
			return e;
	}
	return NULL;
}

static long dir_of(struct tmpfs *fs, uint64_t ino, struct tmpfs_node **out)
{
	struct tmpfs_node *d = tmpfs_node(fs, ino);
	if (!d)
		return FS_FS_ERROR_NOT_FOUND;
	if (d->kind != FS_KIND_DIR)
		return FS_FS_ERROR_NOT_DIR;
	*out = d;
	return 0;
}

static long name_check(const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || strchr(name, '/'))
		return FS_FS_ERROR_INVALID;
	if (len > TMPFS_NAME_MAX)
		return FS_FS_ERROR_NAME_TOO_LONG;
	return 0;
}

long tmpfs_lookup(struct tmpfs *fs, uint64_t dir, const char *name, struct tmpfs_node **out)
{
	struct tmpfs_node *d;
	long st = dir_of(fs, dir, &d);
	if (st)
		return st;
	if (strcmp(name, ".") == 0) {
		*out = d;
		return 0;
	}
	if (strcmp(name, "..") == 0) {
		*out = tmpfs_node(fs, d->u.d.parent);
		return 0;
	}
	struct tmpfs_dirent *e = dir_find(d, name);
	if (!e)
		return FS_FS_ERROR_NOT_FOUND;
	*out = tmpfs_node(fs, e->ino);
	return 0;
}

/* Adds a name; tombstones (removed names) are reused. */
static long dir_add(struct tmpfs *fs, struct tmpfs_node *d, const char *name, uint64_t ino)
{
	char *copy = strdup(name);
	if (!copy)
		return FS_FS_ERROR_NO_MEMORY;
	struct tmpfs_dirent *slot = NULL;
	for (uint32_t i = 0; i < d->u.d.count && !slot; i++)
		if (!d->u.d.ents[i].name)
			slot = &d->u.d.ents[i];
	if (!slot) {
		if (d->u.d.count == d->u.d.cap) {
			uint32_t cap = d->u.d.cap ? d->u.d.cap * 2 : 8;
			struct tmpfs_dirent *grown = realloc(d->u.d.ents, cap * sizeof(*grown));
			if (!grown) {
				free(copy);
				return FS_FS_ERROR_NO_MEMORY;
			}
			d->u.d.ents = grown;
			d->u.d.cap = cap;
		}
		slot = &d->u.d.ents[d->u.d.count++];
	}
	slot->name = copy;
	slot->ino = ino;
	d->mtime = d->ctime = fs->now();
	return 0;
}

static void dir_remove(struct tmpfs *fs, struct tmpfs_node *d, struct tmpfs_dirent *e)
{
	free(e->name);
	e->name = NULL;
	e->ino = 0;
	while (d->u.d.count && !d->u.d.ents[d->u.d.count - 1].name)
		d->u.d.count--;
	d->mtime = d->ctime = fs->now();
}

static bool dir_empty(const struct tmpfs_node *d)
{
	for (uint32_t i = 0; i < d->u.d.count; i++)
		if (d->u.d.ents[i].name)
			return false;
	return true;
}

long tmpfs_create(struct tmpfs *fs, uint64_t dir, const char *name, fs_kind_t kind, uint32_t mode,
		  uint32_t uid, uint32_t gid, uint64_t rdev, const char *target,
		  struct tmpfs_node **out)
{
	struct tmpfs_node *d;
	long st = dir_of(fs, dir, &d);
	if (st || (st = name_check(name)))
		return st;
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || dir_find(d, name))
		return FS_FS_ERROR_EXISTS;
	if (d->nlink == 0)
		return FS_FS_ERROR_NOT_FOUND; /* a removed directory takes no new names */
	if (kind == FS_KIND_DIR && d->nlink >= TMPFS_LINK_MAX)
		return FS_FS_ERROR_TOO_MANY_LINKS;
	char *copy = NULL;
	if (kind == FS_KIND_SYMLINK && !(copy = strdup(target)))
		return FS_FS_ERROR_NO_MEMORY;
	struct tmpfs_node *n = node_new(fs, kind, mode, uid, gid);
	if (!n) {
		free(copy);
		return FS_FS_ERROR_NO_MEMORY;
	}
	n->rdev = rdev;
	if (kind == FS_KIND_SYMLINK) {
		n->u.target = copy;
		n->size = strlen(copy);
		n->mode = 0777;
	}
	if ((st = dir_add(fs, d, name, n->ino))) {
		tmpfs_release(fs, n);
		return st;
	}
	n->nlink = 1;
	if (kind == FS_KIND_DIR) {
		n->nlink = 2;
		n->u.d.parent = d->ino;
		d->nlink++;
	}
	*out = n;
	return 0;
}

void tmpfs_release(struct tmpfs *fs, struct tmpfs_node *n)
{
	if (n->nlink || n->opens)
		return;
	if (n->kind == FS_KIND_FILE)
		tmpfs_truncate(fs, n, 0);
	free(n->kind == FS_KIND_FILE ? (void *)n->u.f.pages : NULL);
	if (n->kind == FS_KIND_DIR)
		free(n->u.d.ents);
	if (n->kind == FS_KIND_SYMLINK)
		free(n->u.target);
	fs->nodes[n->ino] = NULL;
	fs->live--;
	free(n);
}

/* Drops one name of n (already removed from its directory). */
static void drop_link(struct tmpfs *fs, struct tmpfs_node *parent, struct tmpfs_node *n)
{
	n->ctime = fs->now();
	if (n->kind == FS_KIND_DIR) {
		n->nlink = 0;
		parent->nlink--;
	} else {
		n->nlink--;
	}
	tmpfs_release(fs, n);
}

long tmpfs_unlink(struct tmpfs *fs, uint64_t dir, const char *name, bool is_dir)
{
	struct tmpfs_node *d;
	long st = dir_of(fs, dir, &d);
	if (st || (st = name_check(name)))
		return st;
	if (strcmp(name, ".") == 0)
		return FS_FS_ERROR_INVALID;
	if (strcmp(name, "..") == 0)
		return FS_FS_ERROR_NOT_EMPTY;
	struct tmpfs_dirent *e = dir_find(d, name);
	if (!e)
		return FS_FS_ERROR_NOT_FOUND;
	struct tmpfs_node *n = tmpfs_node(fs, e->ino);
	if (is_dir && n->kind != FS_KIND_DIR)
		return FS_FS_ERROR_NOT_DIR;
	if (!is_dir && n->kind == FS_KIND_DIR)
		return FS_FS_ERROR_IS_DIR;
	if (is_dir && !dir_empty(n))
		return FS_FS_ERROR_NOT_EMPTY;
	dir_remove(fs, d, e);
	drop_link(fs, d, n);
	return 0;
}

/* Whether a is dir or one of its ancestors. */
static bool is_ancestor(struct tmpfs *fs, uint64_t a, uint64_t dir)
{
	for (;;) {
		if (dir == a)
			return true;
		struct tmpfs_node *d = tmpfs_node(fs, dir);
		if (!d || d->u.d.parent == dir)
			return false;
		dir = d->u.d.parent;
	}
}

long tmpfs_rename(struct tmpfs *fs, uint64_t from_dir, const char *from, uint64_t to_dir,
		  const char *to)
{
	struct tmpfs_node *fd, *td;
	long st;
	if ((st = dir_of(fs, from_dir, &fd)) || (st = dir_of(fs, to_dir, &td)) ||
	    (st = name_check(from)) || (st = name_check(to)))
		return st;
	if (!strcmp(from, ".") || !strcmp(from, "..") || !strcmp(to, ".") || !strcmp(to, ".."))
		return FS_FS_ERROR_INVALID;
	struct tmpfs_dirent *fe = dir_find(fd, from);
	if (!fe)
		return FS_FS_ERROR_NOT_FOUND;
	struct tmpfs_node *n = tmpfs_node(fs, fe->ino);
	struct tmpfs_dirent *te = dir_find(td, to);
	struct tmpfs_node *old = te ? tmpfs_node(fs, te->ino) : NULL;
	if (old == n)
		return 0; /* the same file: POSIX says do nothing */
	if (n->kind == FS_KIND_DIR && is_ancestor(fs, n->ino, td->ino))
		return FS_FS_ERROR_INVALID; /* a directory into itself */
	if (old) {
		if (n->kind == FS_KIND_DIR && old->kind != FS_KIND_DIR)
			return FS_FS_ERROR_NOT_DIR;
		if (n->kind != FS_KIND_DIR && old->kind == FS_KIND_DIR)
			return FS_FS_ERROR_IS_DIR;
		if (old->kind == FS_KIND_DIR && !dir_empty(old))
			return FS_FS_ERROR_NOT_EMPTY;
		/* The target's slot takes the moved node: no allocation, so
		 * nothing can fail half-way. */
		te->ino = n->ino;
		td->mtime = td->ctime = fs->now();
		drop_link(fs, td, old);
	} else if ((st = dir_add(fs, td, to, n->ino))) {
		return st;
	}
	fe = dir_find(fd, from);
	dir_remove(fs, fd, fe);
	if (n->kind == FS_KIND_DIR && fd != td) {
		fd->nlink--;
		td->nlink++;
		n->u.d.parent = td->ino;
	}
	n->ctime = fs->now();
	return 0;
}

long tmpfs_link(struct tmpfs *fs, uint64_t ino, uint64_t dir, const char *name)
{
	struct tmpfs_node *d, *n = tmpfs_node(fs, ino);
	long st = dir_of(fs, dir, &d);
	if (st || (st = name_check(name)))
		return st;
	if (!n || n->nlink == 0)
		return FS_FS_ERROR_NOT_FOUND;
	if (n->kind == FS_KIND_DIR)
		return FS_FS_ERROR_NOT_PERMITTED;
	if (n->nlink >= TMPFS_LINK_MAX)
		return FS_FS_ERROR_TOO_MANY_LINKS;
	if (!strcmp(name, ".") || !strcmp(name, "..") || dir_find(d, name))
		return FS_FS_ERROR_EXISTS;
	if ((st = dir_add(fs, d, name, ino)))
		return st;
	n->nlink++;
	n->ctime = fs->now();
	return 0;
}

long tmpfs_read(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, void *buf, size_t len,
		size_t *done)
{
	if (n->kind == FS_KIND_DIR)
		return FS_FS_ERROR_IS_DIR;
	*done = 0;
	if (off >= n->size)
		return 0;
	if (len > n->size - off)
		len = (size_t)(n->size - off);
	unsigned char *out = buf;
	while (*done < len) {
		uint64_t p = (off + *done) / TMPFS_PAGE, in = (off + *done) % TMPFS_PAGE;
		size_t chunk = TMPFS_PAGE - in;
		if (chunk > len - *done)
			chunk = len - *done;
		unsigned char *page = p < n->u.f.npages ? n->u.f.pages[p] : NULL;
		if (page)
			memcpy(out + *done, page + in, chunk);
		else
			memset(out + *done, 0, chunk); /* a hole */
		*done += chunk;
	}
	n->atime = fs->now();
	return 0;
}

static long grow_slots(struct tmpfs_node *n, uint64_t need)
{
	if (need <= n->u.f.npages)
		return 0;
	uint64_t cap = n->u.f.npages ? n->u.f.npages : 4;
	while (cap < need)
		cap *= 2;
	unsigned char **grown = realloc(n->u.f.pages, cap * sizeof(*grown));
	if (!grown)
		return FS_FS_ERROR_NO_MEMORY;
	memset(grown + n->u.f.npages, 0, (cap - n->u.f.npages) * sizeof(*grown));
	n->u.f.pages = grown;
	n->u.f.npages = cap;
	return 0;
}

long tmpfs_write(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, const void *buf, size_t len,
		 size_t *done)
{
	*done = 0;
	if (n->kind != FS_KIND_FILE)
		return n->kind == FS_KIND_DIR ? FS_FS_ERROR_IS_DIR : FS_FS_ERROR_INVALID;
	if (len == 0)
		return 0;
	if (off >= TMPFS_FILE_MAX || len > TMPFS_FILE_MAX - off)
		return FS_FS_ERROR_TOO_BIG;
	long st = grow_slots(n, (off + len + TMPFS_PAGE - 1) / TMPFS_PAGE);
	if (st)
		return st;
	const unsigned char *in = buf;
	while (*done < len) {
		uint64_t p = (off + *done) / TMPFS_PAGE, at = (off + *done) % TMPFS_PAGE;
		size_t chunk = TMPFS_PAGE - at;
		if (chunk > len - *done)
			chunk = len - *done;
		if (!n->u.f.pages[p]) {
			if (fs->pages_used >= fs->pages_max) {
				st = FS_FS_ERROR_NO_SPACE;
				break;
			}
			/* A whole page written needs no zeroing. */
			n->u.f.pages[p] =
				chunk == TMPFS_PAGE ? malloc(TMPFS_PAGE) : calloc(1, TMPFS_PAGE);
			if (!n->u.f.pages[p]) {
				st = FS_FS_ERROR_NO_SPACE;
				break;
			}
			fs->pages_used++;
			n->u.f.used++;
		}
		memcpy(n->u.f.pages[p] + at, in + *done, chunk);
		*done += chunk;
	}
	if (*done) {
		if (off + *done > n->size)
			n->size = off + *done;
		n->mtime = n->ctime = fs->now();
		return 0; /* a short write: the caller sees the count */
	}
	return st;
}

long tmpfs_truncate(struct tmpfs *fs, struct tmpfs_node *n, uint64_t size)
{
	if (n->kind != FS_KIND_FILE)
		return n->kind == FS_KIND_DIR ? FS_FS_ERROR_IS_DIR : FS_FS_ERROR_INVALID;
	if (size > TMPFS_FILE_MAX)
		return FS_FS_ERROR_TOO_BIG;
	if (size < n->size) {
		uint64_t keep = (size + TMPFS_PAGE - 1) / TMPFS_PAGE;
		for (uint64_t p = keep; p < n->u.f.npages; p++)
			if (n->u.f.pages[p]) {
				free(n->u.f.pages[p]);
				n->u.f.pages[p] = NULL;
				fs->pages_used--;
				n->u.f.used--;
			}
		/* The tail of the last page kept reads as zeros if it grows again. */
		if (size % TMPFS_PAGE && keep - 1 < n->u.f.npages && n->u.f.pages[keep - 1])
			memset(n->u.f.pages[keep - 1] + size % TMPFS_PAGE, 0,
			       TMPFS_PAGE - size % TMPFS_PAGE);
	}
	n->size = size;
	n->mtime = n->ctime = fs->now();
	return 0;
}

/* One record: ino, next cookie, kind, name length, name, zero padding. */
static size_t put_entry(unsigned char *buf, size_t room, uint64_t ino, uint64_t next,
			fs_kind_t kind, const char *name)
{
	size_t nl = strlen(name), size = (18 + nl + 7) & ~(size_t)7;
	if (size > room)
		return 0;
	memset(buf, 0, size);
	memcpy(buf, &ino, 8);
	memcpy(buf + 8, &next, 8);
	buf[16] = kind;
	buf[17] = (unsigned char)nl;
	memcpy(buf + 18, name, nl);
	return size;
}

size_t tmpfs_readdir(struct tmpfs *fs, struct tmpfs_node *dir, uint64_t *cookie, void *buf,
		     size_t len, bool *end)
{
	unsigned char *out = buf;
	size_t used = 0;
	uint64_t c = *cookie;
	*end = false;
	for (;; c++) {
		uint64_t ino;
		fs_kind_t kind = FS_KIND_DIR;
		const char *name;
		if (c == 0) {
			ino = dir->ino, name = ".";
		} else if (c == 1) {
			ino = dir->u.d.parent, name = "..";
		} else if (c - 2 < dir->u.d.count) {
			struct tmpfs_dirent *e = &dir->u.d.ents[c - 2];
			if (!e->name)
				continue;
			ino = e->ino, name = e->name, kind = tmpfs_node(fs, ino)->kind;
		} else {
			*end = true;
			break;
		}
		size_t n = put_entry(out + used, len - used, ino, c + 1, kind, name);
		if (!n)
			break;
		used += n;
	}
	*cookie = c;
	dir->atime = fs->now();
	return used;
}

void tmpfs_destroy(struct tmpfs *fs)
{
	for (uint64_t i = 1; i < fs->nnodes; i++) {
		struct tmpfs_node *n = fs->nodes[i];
		if (!n)
			continue;
		if (n->kind == FS_KIND_DIR) {
			for (uint32_t e = 0; e < n->u.d.count; e++)
				free(n->u.d.ents[e].name);
			n->u.d.count = 0;
		}
		n->nlink = n->opens = 0;
		tmpfs_release(fs, n);
	}
	free(fs->nodes);
	fs->nodes = NULL;
	fs->nnodes = 0;
}
