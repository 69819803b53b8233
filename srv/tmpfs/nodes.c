// SPDX-License-Identifier: BSD-2-Clause
// tmpfs's nodes: the directory tree, links and the file data (in a store,
// store.h, with a bitmap of the pages written). Pure C on malloc and the
// store, no IPC, so that the host tests can drive it directly.
#include "tmpfs.h"
#include <stdlib.h>
#include <string.h>

static struct tmpfs_node *node_new(struct tmpfs *fs, fs_kind_t kind, uint32_t mode, uint32_t uid,
				   uint32_t gid)
{
	uint64_t ino = 0;
	for (uint64_t i = fs->free_from > TMPFS_ROOT_INO ? fs->free_from : TMPFS_ROOT_INO;
	     i < fs->nnodes; i++)
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
		ino = fs->nnodes ? fs->nnodes : TMPFS_ROOT_INO;
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
	node->atime = node->mtime = node->ctime = tmpfs_now(fs);
	fs->nodes[ino] = node;
	fs->free_from = ino + 1;
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
	d->mtime = d->ctime = tmpfs_now(fs);
	return 0;
}

static void dir_remove(struct tmpfs *fs, struct tmpfs_node *d, struct tmpfs_dirent *e)
{
	free(e->name);
	e->name = NULL;
	e->ino = 0;
	while (d->u.d.count && !d->u.d.ents[d->u.d.count - 1].name)
		d->u.d.count--;
	d->mtime = d->ctime = tmpfs_now(fs);
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
	/* A set-group-ID directory's entries are its group's, its
	 * subdirectories set-group-ID too (node.create, idl/fs.idl). */
	if (d->mode & 02000) {
		gid = d->gid;
		if (kind == FS_KIND_DIR)
			mode |= 02000;
	}
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
	if (n->kind == FS_KIND_FILE) {
		/* Not truncated: a client may still map the file's VMO (its
		 * mapping holds the VMO), and POSIX keeps those pages until
		 * munmap. Closing tmpfs's handle leaves them to the mappers;
		 * the size limit stops counting them now. */
		fs->pages_used -= n->u.f.used;
		tmpfs_store_free(&n->u.f.data);
		free(n->u.f.written);
	}
	if (n->kind == FS_KIND_DIR)
		free(n->u.d.ents);
	if (n->kind == FS_KIND_SYMLINK)
		free(n->u.target);
	fs->nodes[n->ino] = NULL;
	if (n->ino < fs->free_from)
		fs->free_from = n->ino;
	fs->live--;
	free(n);
}

/* Drops one name of n (already removed from its directory). */
static void drop_link(struct tmpfs *fs, struct tmpfs_node *parent, struct tmpfs_node *n)
{
	n->ctime = tmpfs_now(fs);
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
		td->mtime = td->ctime = tmpfs_now(fs);
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
	n->ctime = tmpfs_now(fs);
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
	n->ctime = tmpfs_now(fs);
	return 0;
}

static bool page_written(const struct tmpfs_node *n, uint64_t p)
{
	return p < n->u.f.nbits && (n->u.f.written[p / 64] >> (p % 64) & 1);
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
		/* Runs of written pages in one copy; a hole reads as zeros
		 * without touching (and so committing) the store's pages. */
		uint64_t at = off + *done, p = at / TMPFS_PAGE;
		bool written = page_written(n, p);
		uint64_t end = (p + 1) * TMPFS_PAGE;
		while (end < off + len && page_written(n, end / TMPFS_PAGE) == written)
			end += TMPFS_PAGE;
		size_t chunk = (size_t)((end < off + len ? end : off + len) - at);
		if (written)
			memcpy(out + *done, n->u.f.data.base + at, chunk);
		else
			memset(out + *done, 0, chunk);
		*done += chunk;
	}
	n->atime = tmpfs_now(fs);
	return 0;
}

/* The bitmap covers at least pages [0, need). */
static long grow_bits(struct tmpfs_node *n, uint64_t need)
{
	if (need <= n->u.f.nbits)
		return 0;
	uint64_t words = n->u.f.nbits / 64, cap = words ? words : 1;
	while (cap * 64 < need)
		cap *= 2;
	uint64_t *grown = realloc(n->u.f.written, cap * sizeof(*grown));
	if (!grown)
		return FS_FS_ERROR_NO_MEMORY;
	memset(grown + words, 0, (cap - words) * sizeof(*grown));
	n->u.f.written = grown;
	n->u.f.nbits = cap * 64;
	return 0;
}

/* Marks pages [first, last) written; stops at the limit. The pages marked. */
static uint64_t mark_written(struct tmpfs *fs, struct tmpfs_node *n, uint64_t first, uint64_t last)
{
	uint64_t p = first;
	for (; p < last; p++) {
		uint64_t bit = 1ull << (p % 64), *w = &n->u.f.written[p / 64];
		if (*w & bit)
			continue;
		if (fs->pages_used >= fs->pages_max)
			break;
		*w |= bit;
		fs->pages_used++;
		n->u.f.used++;
	}
	return p;
}

/* Room for [0, end) in the store and the bitmap; [from, end) is written
 * by the caller (or zeroed). */
static long reserve(struct tmpfs_node *n, uint64_t end, uint64_t from)
{
	long st = grow_bits(n, (end + TMPFS_PAGE - 1) / TMPFS_PAGE);
	return st ? st : tmpfs_store_reserve(&n->u.f.data, end, from);
}

long tmpfs_write_span(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, size_t len,
		      size_t *done)
{
	*done = 0;
	if (n->kind != FS_KIND_FILE)
		return n->kind == FS_KIND_DIR ? FS_FS_ERROR_IS_DIR : FS_FS_ERROR_INVALID;
	if (len == 0)
		return 0;
	if (off >= TMPFS_FILE_MAX || len > TMPFS_FILE_MAX - off)
		return FS_FS_ERROR_TOO_BIG;
	long st = reserve(n, off + len, off);
	if (st)
		return st;
	/* Up to the first page past the limit: the write is short there. */
	uint64_t first = off / TMPFS_PAGE, last = (off + len + TMPFS_PAGE - 1) / TMPFS_PAGE;
	uint64_t stop = mark_written(fs, n, first, last);
	if (stop == first)
		return FS_FS_ERROR_NO_SPACE;
	*done = stop == last ? len : (size_t)(stop * TMPFS_PAGE - off);
	if (off + *done > n->size)
		n->size = off + *done;
	n->mtime = n->ctime = tmpfs_now(fs);
	return 0;
}

long tmpfs_write(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, const void *buf, size_t len,
		 size_t *done)
{
	long st = tmpfs_write_span(fs, n, off, len, done);
	if (st || len == 0)
		return st;
	memcpy(n->u.f.data.base + off, buf, *done);
	/* What reserve left for this write and it did not reach stays zero. */
	memset(n->u.f.data.base + off + *done, 0, len - *done);
	return 0;
}

long tmpfs_commit(struct tmpfs *fs, struct tmpfs_node *n, uint64_t bytes)
{
	if (bytes > TMPFS_FILE_MAX)
		return FS_FS_ERROR_TOO_BIG;
	long st = reserve(n, bytes, bytes);
	if (st)
		return st;
	uint64_t last = (bytes + TMPFS_PAGE - 1) / TMPFS_PAGE;
	return mark_written(fs, n, 0, last) == last ? 0 : FS_FS_ERROR_NO_SPACE;
}

long tmpfs_adopt(struct tmpfs *fs, struct tmpfs_node *n, const void *data, size_t len)
{
	if (n->kind != FS_KIND_FILE || n->size || n->u.f.data.cap)
		return FS_FS_ERROR_INVALID;
	if (len > TMPFS_FILE_MAX)
		return FS_FS_ERROR_TOO_BIG;
	uint64_t last = (len + TMPFS_PAGE - 1) / TMPFS_PAGE;
	long st = grow_bits(n, last);
	if (st)
		return st;
	if (mark_written(fs, n, 0, last) != last) {
		tmpfs_truncate(fs, n, 0); /* the pages marked go back */
		return FS_FS_ERROR_NO_SPACE;
	}
	tmpfs_store_borrow(&n->u.f.data, data, len);
	n->size = len;
	n->mtime = n->ctime = tmpfs_now(fs);
	return 0;
}

long tmpfs_truncate(struct tmpfs *fs, struct tmpfs_node *n, uint64_t size)
{
	if (n->kind != FS_KIND_FILE)
		return n->kind == FS_KIND_DIR ? FS_FS_ERROR_IS_DIR : FS_FS_ERROR_INVALID;
	if (size > TMPFS_FILE_MAX)
		return FS_FS_ERROR_TOO_BIG;
	/* The tail of a borrowed file's last page is zeroed below: ours first. */
	long st = size && size < n->size ? tmpfs_store_own(&n->u.f.data) : 0;
	if (st)
		return st;
	if (size < n->size) {
		uint64_t keep = (size + TMPFS_PAGE - 1) / TMPFS_PAGE;
		/* A word of the bitmap at a time: a whole word's pages go in
		 * one step (a small file's release looked at 64 bits one by
		 * one). */
		for (uint64_t w = keep / 64; w < n->u.f.nbits / 64; w++) {
			uint64_t gone = n->u.f.written[w];
			if (w == keep / 64)
				gone &= ~0ull << (keep % 64);
			if (!gone)
				continue;
			uint64_t count = (uint64_t)__builtin_popcountll(gone);
			n->u.f.written[w] &= ~gone;
			fs->pages_used -= count;
			n->u.f.used -= count;
		}
		/* The tail of the last page kept reads as zeros if it grows
		 * again; the pages past it go back to the system. */
		if (size % TMPFS_PAGE && page_written(n, keep - 1))
			memset(n->u.f.data.base + size, 0, TMPFS_PAGE - size % TMPFS_PAGE);
		tmpfs_store_shrink(&n->u.f.data, size);
	} else if (size > n->size && n->u.f.data.vmo) {
		/* Mappings of the file's VMO reach its new pages rather than
		 * fault past its end (SIGBUS); they are demand-zero, so this
		 * costs nothing until they are written. */
		st = tmpfs_store_reserve(&n->u.f.data, size, n->size);
		if (st)
			return st;
	}
	n->size = size;
	n->mtime = n->ctime = tmpfs_now(fs);
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
	dir->atime = tmpfs_now(fs);
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
	fs->nnodes = fs->free_from = 0;
}
