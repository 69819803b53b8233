// SPDX-License-Identifier: BSD-2-Clause
// tmpfs's side of the filesystem protocol (idl/fs.idl): `node` for the VFS
// on the unbadged handle, `file` on the handles minted for open files, whose
// badge names the handle (srv/fscommon/opens.h).
#include "tmpfs.h"
#include "window.h"
#include <stdlib.h>
#include <string.h>
#include <vg/vg.h>

static struct fs_node_server node_server;
static struct fs_file_server file_server;

static long do_root(void *ctx, uint64_t badge, uint64_t dev, struct fs_attr *attr)
{
	(void)badge;
	struct tmpfs *fs = ctx;
	fs->dev = dev;
	tmpfs_attr(fs, tmpfs_node(fs, 1), attr);
	return 0;
}

static long do_lookup(void *ctx, uint64_t badge, uint64_t dir, const char *name, size_t len,
		      struct fs_attr *attr)
{
	(void)badge, (void)len;
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	long st = tmpfs_lookup(fs, dir, name, &n);
	if (!st)
		tmpfs_attr(fs, n, attr);
	return st;
}

static long do_create(void *ctx, uint64_t badge, uint64_t dir, const char *name, size_t len,
		      fs_kind_t kind, uint32_t mode, uint32_t uid, uint32_t gid, uint64_t rdev,
		      const char *target, size_t target_len, struct fs_attr *attr)
{
	(void)badge, (void)len;
	if (((struct tmpfs *)ctx)->read_only)
		return FS_FS_ERROR_READ_ONLY;
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	if (kind == FS_KIND_SYMLINK && target_len == 0)
		return FS_FS_ERROR_NOT_FOUND;
	long st = tmpfs_create(fs, dir, name, kind, mode, uid, gid, rdev, target, &n);
	if (!st)
		tmpfs_attr(fs, n, attr);
	return st;
}

static long do_open(void *ctx, uint64_t badge, uint64_t ino, uint32_t flags, vg_handle_t *file)
{
	(void)badge;
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n = tmpfs_node(fs, ino);
	if (!n)
		return FS_FS_ERROR_NOT_FOUND;
	if (n->kind == FS_KIND_DIR && (flags & FS_O_ACCMODE) != 0)
		return FS_FS_ERROR_IS_DIR;
	if (fs->read_only && ((flags & FS_O_ACCMODE) || (flags & FS_O_TRUNC)))
		return FS_FS_ERROR_READ_ONLY;
	long st = fs_opens_new(&fs->opens, ino, flags, file);
	if (st)
		return st;
	if ((flags & FS_O_TRUNC) && n->kind == FS_KIND_FILE && (flags & FS_O_ACCMODE))
		tmpfs_truncate(fs, n, 0);
	n->opens++;
	return 0;
}

static long do_getattr(void *ctx, uint64_t badge, uint64_t ino, struct fs_attr *attr)
{
	(void)badge;
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n = tmpfs_node(fs, ino);
	if (!n)
		return FS_FS_ERROR_NOT_FOUND;
	tmpfs_attr(fs, n, attr);
	return 0;
}

/* setattr's mask bits (idl/fs.idl). */
enum {
	SET_MODE = 1,
	SET_UID = 2,
	SET_GID = 4,
	SET_SIZE = 8,
	SET_ATIME = 16,
	SET_MTIME = 32,
	SET_ATIME_NOW = 64,
	SET_MTIME_NOW = 128
};

static long set_attr(struct tmpfs *fs, struct tmpfs_node *n, uint32_t mask,
		     const struct fs_attr *set)
{
	if (mask & SET_SIZE) {
		long st = tmpfs_truncate(fs, n, set->size);
		if (st)
			return st;
	}
	int64_t now = tmpfs_now(fs);
	if (mask & SET_MODE)
		n->mode = set->mode & 07777;
	if (mask & SET_UID)
		n->uid = set->uid;
	if (mask & SET_GID)
		n->gid = set->gid;
	if (mask & (SET_ATIME | SET_ATIME_NOW))
		n->atime = mask & SET_ATIME_NOW ? now : set->atime_ns;
	if (mask & (SET_MTIME | SET_MTIME_NOW))
		n->mtime = mask & SET_MTIME_NOW ? now : set->mtime_ns;
	n->ctime = now;
	return 0;
}

static long do_setattr(void *ctx, uint64_t badge, uint64_t ino, uint32_t mask,
		       const struct fs_attr *set, struct fs_attr *attr)
{
	(void)badge;
	if (((struct tmpfs *)ctx)->read_only)
		return FS_FS_ERROR_READ_ONLY;
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n = tmpfs_node(fs, ino);
	if (!n)
		return FS_FS_ERROR_NOT_FOUND;
	long st = set_attr(fs, n, mask, set);
	if (!st)
		tmpfs_attr(fs, n, attr);
	return st;
}

static long do_unlink(void *ctx, uint64_t badge, uint64_t dir, const char *name, size_t len,
		      bool is_dir)
{
	(void)badge, (void)len;
	if (((struct tmpfs *)ctx)->read_only)
		return FS_FS_ERROR_READ_ONLY;
	return tmpfs_unlink(ctx, dir, name, is_dir);
}

static long do_rename(void *ctx, uint64_t badge, uint64_t from_dir, const char *from,
		      size_t from_len, uint64_t to_dir, const char *to, size_t to_len)
{
	(void)badge, (void)from_len, (void)to_len;
	if (((struct tmpfs *)ctx)->read_only)
		return FS_FS_ERROR_READ_ONLY;
	return tmpfs_rename(ctx, from_dir, from, to_dir, to);
}

static long do_link(void *ctx, uint64_t badge, uint64_t ino, uint64_t dir, const char *name,
		    size_t len)
{
	(void)badge, (void)len;
	if (((struct tmpfs *)ctx)->read_only)
		return FS_FS_ERROR_READ_ONLY;
	return tmpfs_link(ctx, ino, dir, name);
}

static long do_readlink(void *ctx, uint64_t badge, uint64_t ino, const char **target)
{
	(void)badge;
	struct tmpfs_node *n = tmpfs_node(ctx, ino);
	if (!n)
		return FS_FS_ERROR_NOT_FOUND;
	if (n->kind != FS_KIND_SYMLINK)
		return FS_FS_ERROR_INVALID;
	*target = n->u.target;
	return 0;
}

static long do_statfs(void *ctx, uint64_t badge, struct fs_statfs *st)
{
	(void)badge;
	struct tmpfs *fs = ctx;
	*st = (struct fs_statfs){ .bsize = TMPFS_PAGE,
				  .blocks = fs->pages_max,
				  .bfree = fs->pages_max - fs->pages_used,
				  .files = fs->nnodes,
				  .ffree = fs->nnodes - fs->live,
				  .namemax = TMPFS_NAME_MAX,
				  .flags = fs->read_only ? 1u : 0u };
	return 0;
}

static long do_opens(void *ctx, uint64_t badge, uint32_t *count)
{
	(void)badge;
	*count = fs_opens_count(&((struct tmpfs *)ctx)->opens);
	return 0;
}

/* Memory is the storage: nothing is ever unwritten. */
static long do_fs_sync(void *ctx, uint64_t badge)
{
	(void)ctx, (void)badge;
	return 0;
}

const struct fs_node_ops tmpfs_node_ops = {
	.opens = do_opens,
	.sync = do_fs_sync,
	.root = do_root,
	.lookup = do_lookup,
	.create = do_create,
	.open = do_open,
	.getattr = do_getattr,
	.setattr = do_setattr,
	.unlink = do_unlink,
	.rename = do_rename,
	.link = do_link,
	.readlink = do_readlink,
	.statfs = do_statfs,
};

/* The open file a badge names, or NULL for a stale or forged one. */
static struct fs_open *open_of(struct tmpfs *fs, uint64_t badge, struct tmpfs_node **node)
{
	struct fs_open *f = fs_opens_get(&fs->opens, badge);
	if (f)
		*node = tmpfs_node(fs, f->ino);
	return f;
}

/* The open regular file a badge names (the window, mapping and direct
 * calls): bad_file for none, not_supported for other kinds of node. */
static long regular_of(struct tmpfs *fs, uint64_t badge, struct fs_open **o,
		       struct tmpfs_node **node)
{
	*o = open_of(fs, badge, node);
	if (!*o)
		return FS_FS_ERROR_BAD_FILE;
	return (*node)->kind == FS_KIND_FILE ? 0 : FS_FS_ERROR_NOT_SUPPORTED;
}

static unsigned char io_buf[FS_FILE_READ_DATA_MAX];

/* The bytes of n a read of count at off reaches (file.span: the client
 * copies them). */
static long read_span(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, size_t count,
		      size_t *len)
{
	if (n->kind == FS_KIND_DIR)
		return FS_FS_ERROR_IS_DIR;
	*len = off >= n->size ? 0 : count < n->size - off ? count : (size_t)(n->size - off);
	n->atime = tmpfs_now(fs);
	return 0;
}

/* Reads into to at offset (~0: the position, which advances); to NULL:
 * only says what a read would reach, for the client to copy. */
static long read_into(struct tmpfs *fs, uint64_t badge, uint64_t offset, void *to, size_t count,
		      size_t *len)
{
	struct tmpfs_node *n;
	struct fs_open *o = open_of(fs, badge, &n);
	if (!o || !fs_open_readable(o))
		return FS_FS_ERROR_BAD_FILE;
	bool at_pos = offset == UINT64_MAX;
	uint64_t at = at_pos ? o->pos : offset;
	long st = to ? tmpfs_read(fs, n, at, to, count, len) : read_span(fs, n, at, count, len);
	if (!st && at_pos)
		o->pos += *len;
	return st;
}

static long do_read(void *ctx, uint64_t badge, uint64_t offset, uint32_t count, const void **data,
		    size_t *len)
{
	*data = io_buf;
	return read_into(ctx, badge, offset, io_buf,
			 count < sizeof(io_buf) ? count : sizeof(io_buf), len);
}

/* Writes data at offset (~0: the position, which advances; at the end
 * with O_APPEND); data NULL: all of it but the copy, which the client
 * makes (file.span). */
static long write_from(struct tmpfs *fs, uint64_t badge, uint64_t offset, const void *data,
		       size_t len, uint32_t *count, uint64_t *pos)
{
	struct tmpfs_node *n;
	struct fs_open *o = open_of(fs, badge, &n);
	if (!o || !fs_open_writable(o))
		return FS_FS_ERROR_BAD_FILE;
	bool at_pos = offset == UINT64_MAX;
	/* O_APPEND: every write at the end, decided here where writers of
	 * every process meet, so concurrent appends never overlap. */
	uint64_t at = (o->flags & FS_O_APPEND) && at_pos ? n->size : at_pos ? o->pos : offset;
	size_t done;
	long st = data ? tmpfs_write(fs, n, at, data, len, &done)
		       : tmpfs_write_span(fs, n, at, len, &done);
	if (st)
		return st;
	if (at_pos)
		o->pos = at + done;
	*count = (uint32_t)done;
	*pos = at;
	return 0;
}

static long do_write(void *ctx, uint64_t badge, uint64_t offset, const void *data, size_t len,
		     uint32_t *count, uint64_t *pos)
{
	return write_from(ctx, badge, offset, data, len, count, pos);
}

static long do_window(void *ctx, uint64_t badge, vg_handle_t *mem, uint32_t *size)
{
	struct tmpfs_node *n;
	struct fs_open *o;
	long st = regular_of(ctx, badge, &o, &n);
	if (st)
		return st;
	*size = TMPFS_WINDOW;
	return tmpfs_window_new(badge, mem);
}

static long do_wread(void *ctx, uint64_t badge, uint64_t offset, uint32_t want, uint32_t *count)
{
	unsigned char *w = tmpfs_window_of(badge);
	size_t len;
	if (!w)
		return FS_FS_ERROR_INVALID;
	long st = read_into(ctx, badge, offset, w, want < TMPFS_WINDOW ? want : TMPFS_WINDOW, &len);
	*count = (uint32_t)len;
	return st;
}

static long do_wwrite(void *ctx, uint64_t badge, uint64_t offset, uint32_t len, uint32_t *count,
		      uint64_t *pos)
{
	unsigned char *w = tmpfs_window_of(badge);
	if (!w)
		return FS_FS_ERROR_INVALID;
	return write_from(ctx, badge, offset, w, len < TMPFS_WINDOW ? len : TMPFS_WINDOW, count,
			  pos);
}

static long do_map(void *ctx, uint64_t badge, uint64_t size, bool writable, vg_handle_t *mem)
{
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	struct fs_open *o;
	long st = regular_of(fs, badge, &o, &n);
	if (st)
		return st;
	if (!fs_open_readable(o) || (writable && !fs_open_writable(o)))
		return FS_FS_ERROR_DENIED;
	if (size == 0)
		return FS_FS_ERROR_INVALID;
	if (size > TMPFS_FILE_MAX) /* past the largest file: mmap's EOVERFLOW */
		return FS_FS_ERROR_TOO_BIG;
	/* The VMO holds the file's pages and no more, now and as the file
	 * changes (tmpfs_store_fit): the client maps it with VG_VM_PAST_END,
	 * and its accesses past the file's last page fault (SIGBUS) until the
	 * file grows; an empty file has no page. A writable mapping may write
	 * any page of the file it covers: they are counted now, so the limit
	 * holds. */
	uint64_t cover = size < n->size ? size : n->size;
	st = writable ? tmpfs_commit(fs, n, cover) : 0;
	vg_handle_t vmo;
	if (st || (st = tmpfs_store_reserve(&n->u.f.data, n->size, n->size)) ||
	    (st = tmpfs_store_vmo(&n->u.f.data, &vmo)) ||
	    (st = tmpfs_store_fit(&n->u.f.data, n->size)))
		return st;
	uint32_t rights =
		VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_TRANSFER | (writable ? VG_RIGHT_WRITE : 0);
	return vg_handle_duplicate(vmo, rights, mem) ? FS_FS_ERROR_NO_MEMORY : 0;
}

static long do_pages(void *ctx, uint64_t badge, vg_handle_t *mem)
{
	struct tmpfs_node *n;
	struct fs_open *o;
	vg_handle_t vmo;
	long st = regular_of(ctx, badge, &o, &n);
	if (st || (st = tmpfs_store_vmo(&n->u.f.data, &vmo)))
		return st;
	/* No map right: a client's view of the pages ends with each copy, so
	 * truncation never leaves it a mapping past the end. */
	uint32_t rights = VG_RIGHT_TRANSFER | (fs_open_readable(o) ? VG_RIGHT_READ : 0) |
		(fs_open_writable(o) ? VG_RIGHT_WRITE : 0);
	return vg_handle_duplicate(vmo, rights, mem) ? FS_FS_ERROR_NO_MEMORY : 0;
}

/* Spans are capped so that a count fits the reply's size_t everywhere. */
#define SPAN_MAX (1ull << 30)

static long do_span(void *ctx, uint64_t badge, uint64_t offset, uint64_t len, bool writing,
		    uint64_t *at, uint64_t *count)
{
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	struct fs_open *o;
	long st = regular_of(fs, badge, &o, &n);
	if (st)
		return st;
	/* Only a file in its own VMO: a heap block is not in the client's
	 * pages (pages() moves it). */
	if (!n->u.f.data.vmo)
		return FS_FS_ERROR_NOT_SUPPORTED;
	size_t want = len < SPAN_MAX ? (size_t)len : (size_t)SPAN_MAX, got = 0;
	uint32_t wrote = 0;
	uint64_t pos = o->pos; /* where a read at the position starts */
	st = writing ? write_from(fs, badge, offset, NULL, want, &wrote, at)
		     : read_into(fs, badge, offset, NULL, want, &got);
	if (!writing && !st)
		*at = offset == UINT64_MAX ? pos : offset;
	*count = writing ? wrote : got;
	return st;
}

static long do_seek(void *ctx, uint64_t badge, int64_t offset, uint32_t whence, uint64_t *pos)
{
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	struct fs_open *o = open_of(fs, badge, &n);
	if (!o)
		return FS_FS_ERROR_BAD_FILE;
	int64_t base = whence == 0 ? 0 : whence == 1 ? (int64_t)o->pos : (int64_t)n->size;
	if (whence > 2 || (offset > 0 && base > INT64_MAX - offset) || base + offset < 0)
		return FS_FS_ERROR_INVALID;
	o->pos = (uint64_t)(base + offset);
	*pos = o->pos;
	return 0;
}

static long do_fstat(void *ctx, uint64_t badge, struct fs_attr *attr)
{
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	if (!open_of(fs, badge, &n))
		return FS_FS_ERROR_BAD_FILE;
	tmpfs_attr(fs, n, attr);
	return 0;
}

static long do_ftruncate(void *ctx, uint64_t badge, uint64_t size)
{
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	struct fs_open *o = open_of(fs, badge, &n);
	if (!o || !fs_open_writable(o))
		return o ? FS_FS_ERROR_INVALID : FS_FS_ERROR_BAD_FILE;
	return tmpfs_truncate(fs, n, size);
}

static long do_sync(void *ctx, uint64_t badge)
{
	struct tmpfs_node *n;
	return open_of(ctx, badge, &n) ? 0 : FS_FS_ERROR_BAD_FILE;
}

static long do_readdir(void *ctx, uint64_t badge, uint64_t cookie, const void **entries,
		       size_t *len, bool *end)
{
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	if (!open_of(fs, badge, &n))
		return FS_FS_ERROR_BAD_FILE;
	if (n->kind != FS_KIND_DIR)
		return FS_FS_ERROR_NOT_DIR;
	*len = tmpfs_readdir(fs, n, &cookie, io_buf, sizeof(io_buf), end);
	*entries = io_buf;
	return 0;
}

static long do_clone(void *ctx, uint64_t badge, vg_handle_t *file)
{
	struct tmpfs *fs = ctx;
	return fs_opens_clone(&fs->opens, badge, file);
}

static long do_close(void *ctx, uint64_t badge)
{
	struct tmpfs *fs = ctx;
	struct fs_open *last;
	long st = fs_opens_close(&fs->opens, badge, &last);
	if (!st)
		tmpfs_window_end(badge);
	if (last) {
		fs_lock_drop_owner(&fs->locks, last);
		struct tmpfs_node *n = tmpfs_node(fs, last->ino);
		n->opens--;
		tmpfs_release(fs, n);
		free(last);
	}
	return st;
}

static long do_setflags(void *ctx, uint64_t badge, uint32_t flags)
{
	struct tmpfs_node *n;
	struct fs_open *o = open_of(ctx, badge, &n);
	if (!o)
		return FS_FS_ERROR_BAD_FILE;
	o->flags = (o->flags & ~FS_O_APPEND) | (flags & FS_O_APPEND);
	return 0;
}

static long do_lock(void *ctx, uint64_t badge, uint8_t kind, uint64_t start, uint64_t len)
{
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	struct fs_open *o = open_of(fs, badge, &n);
	return o ? fs_lock_set(&fs->locks, o->ino, o, kind, start, len) : FS_FS_ERROR_BAD_FILE;
}

static long do_lockwait(void *ctx, uint64_t badge, uint8_t kind, uint64_t start, uint64_t len,
			vg_handle_t note)
{
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	struct fs_open *o = open_of(fs, badge, &n);
	if (!o) {
		vg_handle_close(note);
		return FS_FS_ERROR_BAD_FILE;
	}
	return fs_lock_wait(&fs->locks, o->ino, o, kind, start, len, note);
}

static long do_testlock(void *ctx, uint64_t badge, uint8_t kind, uint64_t start, uint64_t len,
			uint8_t *held, uint64_t *at, uint64_t *count)
{
	struct tmpfs *fs = ctx;
	struct tmpfs_node *n;
	struct fs_open *o = open_of(fs, badge, &n);
	if (!o)
		return FS_FS_ERROR_BAD_FILE;
	*held = fs_lock_test(&fs->locks, o->ino, o, kind, start, len, at, count);
	return 0;
}

const struct fs_file_ops tmpfs_file_ops = {
	.lock = do_lock,
	.lockwait = do_lockwait,
	.testlock = do_testlock,
	.read = do_read,
	.write = do_write,
	.seek = do_seek,
	.stat = do_fstat,
	.truncate = do_ftruncate,
	.sync = do_sync,
	.readdir = do_readdir,
	.clone = do_clone,
	.close = do_close,
	.setflags = do_setflags,
	.window = do_window,
	.wread = do_wread,
	.wwrite = do_wwrite,
	.map = do_map,
	.pages = do_pages,
	.span = do_span,
};

/* node only on the VFS's unbadged handle; file only on open files'. */
static int dispatch(void *server, uint64_t badge, uint64_t tag, struct vg_ipc_buffer *buf,
		    uint64_t *reply_tag)
{
	(void)server;
	((struct tmpfs *)file_server.ctx)->stamp = 0; /* a new request, a new time */
	if (tag & VG_IPC_TAG_BADGE_CLOSED) /* a client's last handle went */
		return fs_opens_badge_closed(&file_server, badge, reply_tag);
	uint32_t iface = VG_IPC_TAG_LABEL(tag) >> 16;
	if (iface == FS_NODE_ID && badge == 0)
		return fs_node_dispatch(&node_server, badge, tag, buf, reply_tag);
	if (iface == FS_FILE_ID && badge != 0)
		return fs_file_dispatch(&file_server, badge, tag, buf, reply_tag);
	*reply_tag =
		ipc_reject(tag, buf, iface == FS_NODE_ID ? ERR_ACCESS_DENIED : ERR_NOT_SUPPORTED);
	return 0;
}

long tmpfs_serve(struct tmpfs *fs, vg_handle_t ep)
{
	fs->opens.ep = ep;
	long st = vg_endpoint_watch(ep);
	if (st)
		return st;
	node_server = (struct fs_node_server){ &tmpfs_node_ops, fs };
	file_server = (struct fs_file_server){ &tmpfs_file_ops, fs };
	fs->per_request = true;
	return ipc_serve(ep, dispatch, NULL);
}
