// SPDX-License-Identifier: BSD-2-Clause
// The VFS's side of `vfs` (idl/fs.idl): each operation resolves its paths
// and calls the filesystem holding the names through `node`. Opening a file
// returns the filesystem's handle for it, which the client then uses
// directly.
#include "vfs.h"
#include <vg/vg.h>

/* open flags: libc's <fcntl.h> values, which the protocol carries. */
#define O_ACCMODE_ 3
#define O_WRONLY_ 1
#define O_RDWR_ 2
#define O_TRUNC_ 01000
#define O_CREAT_ 0100
#define O_EXCL_ 0200
#define O_DIRECTORY_ 0200000
#define O_NOFOLLOW_ 0400000

static struct vfs_walk walk, walk2;
static char text[VFS_PATH_MAX];

/* Inputs point into the request, which the VFS's own calls to filesystems
 * overwrite (one IPC buffer per thread): what is used after a call is
 * copied first. */
static char in1[VFS_PATH_MAX], in2[VFS_PATH_MAX];

static const char *keep(char *to, const char *s, size_t len)
{
	memcpy(to, s, len + 1);
	return to;
}

static vg_handle_t fs_of(struct vfs *v, const struct vfs_loc *l)
{
	return v->mounts[l->m].fs;
}

static struct vfs_device *device_of(struct vfs *v, uint32_t major)
{
	for (unsigned i = 0; i < VFS_DEVICES; i++)
		if (v->devices[i].used && v->devices[i].major == major)
			return &v->devices[i];
	return NULL;
}

static bool dot_or_empty(const char *name)
{
	return !name[0] || !strcmp(name, ".") || !strcmp(name, "..");
}

/* want (VFS_MAY_*) in the parent directory a VFS_PARENT walk stopped in. */
static long parent_may(struct vfs *v, const struct vfs_walk *w, unsigned want)
{
	return vfs_root(v) ? 0 : vfs_may(v->cred, &w->dir, want);
}

/* What opening an existing node with flags asks of its permission bits. */
static unsigned open_wants(uint32_t flags)
{
	unsigned acc = flags & O_ACCMODE_;
	unsigned want = acc == O_WRONLY_ ? VFS_MAY_WRITE
		: acc == O_RDWR_	 ? VFS_MAY_READ | VFS_MAY_WRITE
					 : VFS_MAY_READ;
	return flags & O_TRUNC_ ? want | VFS_MAY_WRITE : want;
}

static long do_open(void *ctx, uint64_t badge, const char *path, size_t len, uint32_t flags,
		    uint32_t mode, vg_handle_t *file, struct fs_attr *attr)
{
	(void)badge;
	struct vfs *v = ctx;
	struct vfs_walk *w = &walk;
	struct vfs_loc loc;
	path = keep(in1, path, len);
	long st;
	bool created = false;
	if ((flags & O_CREAT_) && !(st = vfs_resolve(v, path, VFS_PARENT, w)) &&
	    !dot_or_empty(w->last)) {
		/* A name the cache does not know is most often a new one: made
		 * at once, it needs no lookup first. A name that exists (also a
		 * mount point), a read-only filesystem, or a directory the
		 * caller may not write, takes the long way. */
		struct vfs_loc known;
		long may_create = parent_may(v, w, VFS_MAY_WRITE | VFS_MAY_EXEC);
		st = FS_FS_ERROR_EXISTS;
		if (!may_create && !w->slash &&
		    !vfs_dcache_get(v, w->at.m, w->at.ino, w->last, &known))
			st = fs_node_create(fs_of(v, &w->at), w->at.ino, w->last, FS_KIND_FILE,
					    mode, v->cred->euid, v->cred->egid, 0, "", attr);
		created = st == 0;
		if (st == 0) {
			loc = (struct vfs_loc){ w->at.m, attr->ino, attr->kind };
			vfs_dcache_put(v, loc.m, w->at.ino, w->last, loc.ino, loc.kind);
		} else if (st != FS_FS_ERROR_EXISTS && st != FS_FS_ERROR_READ_ONLY) {
			return st;
		} else if ((st = vfs_lookup(v, &w->at, w->last, &loc, attr)) ==
			   FS_FS_ERROR_NOT_FOUND) {
			if (w->slash)
				return FS_FS_ERROR_IS_DIR;
			if (may_create)
				return may_create;
			if ((st = fs_node_create(fs_of(v, &w->at), w->at.ino, w->last, FS_KIND_FILE,
						 mode, v->cred->euid, v->cred->egid, 0, "", attr)))
				return st;
			created = true;
			loc = (struct vfs_loc){ w->at.m, attr->ino, attr->kind };
			vfs_dcache_put(v, loc.m, w->at.ino, w->last, loc.ino, loc.kind);
		} else if (st) {
			return st;
		} else if (flags & O_EXCL_) {
			return FS_FS_ERROR_EXISTS;
		} else if (loc.kind == FS_KIND_SYMLINK) {
			if (flags & O_NOFOLLOW_)
				return FS_FS_ERROR_LOOP;
			if ((st = vfs_resolve(v, path, VFS_FOLLOW, w)))
				return st;
			loc = w->at;
			*attr = w->attr;
		}
	} else if (flags & O_CREAT_ && st) {
		return st;
	} else {
		if ((flags & O_CREAT_) && (flags & O_EXCL_))
			return FS_FS_ERROR_EXISTS;
		if ((st = vfs_resolve(v, path, flags & O_NOFOLLOW_ ? 0 : VFS_FOLLOW, w)))
			return st;
		loc = w->at;
		*attr = w->attr;
		if (loc.kind == FS_KIND_SYMLINK)
			return FS_FS_ERROR_LOOP;
	}
	if ((flags & O_DIRECTORY_) && loc.kind != FS_KIND_DIR)
		return FS_FS_ERROR_NOT_DIR;
	if (loc.kind == FS_KIND_DIR && ((flags & O_ACCMODE_) || (flags & O_CREAT_)))
		return FS_FS_ERROR_IS_DIR;
	/* A file this call made is the caller's whatever its mode says. */
	if (!created && (st = vfs_may(v->cred, attr, open_wants(flags))))
		return st;
	if (loc.kind == FS_KIND_CHARDEV || loc.kind == FS_KIND_BLOCKDEV) {
		/* A device node, on whatever filesystem: its driver opens it. */
		struct vfs_device *d = device_of(v, (uint32_t)(attr->rdev >> 32));
		return d ? fs_node_open(d->server, attr->rdev, flags, file) : FS_FS_ERROR_NO_DEVICE;
	}
	if (loc.kind == FS_KIND_FIFO || loc.kind == FS_KIND_SOCKET)
		return FS_FS_ERROR_NOT_SUPPORTED;
	/* Writes go to the filesystem, not through us: a set-id program
	 * opened for writing loses its bits now, before anything changes it
	 * (perm.h). */
	struct fs_attr kept = *attr; /* a whole attr: the protocol checks every field */
	kept.mode = vfs_mode_after_write(v->cred, attr);
	if (!created && (open_wants(flags) & VFS_MAY_WRITE) && kept.mode != attr->mode &&
	    (st = fs_node_setattr(fs_of(v, &loc), loc.ino, VFS_SET_MODE, &kept, attr)))
		return st;
	return fs_node_open(fs_of(v, &loc), loc.ino, flags, file);
}

static long do_stat(void *ctx, uint64_t badge, const char *path, size_t len, bool follow,
		    struct fs_attr *attr)
{
	(void)badge, (void)len;
	long st = vfs_resolve(ctx, path, follow ? VFS_FOLLOW : 0, &walk);
	if (!st)
		*attr = walk.attr;
	return st;
}

static long make(struct vfs *v, const char *path, fs_kind_t kind, uint32_t mode, uint64_t rdev,
		 const char *target)
{
	struct vfs_walk *w = &walk;
	long st = vfs_resolve(v, path, VFS_PARENT, w);
	if (st)
		return st;
	if (dot_or_empty(w->last))
		return FS_FS_ERROR_EXISTS;
	if (w->slash && kind != FS_KIND_DIR) {
		struct vfs_loc loc;
		st = vfs_lookup(v, &w->at, w->last, &loc, NULL);
		return st ? FS_FS_ERROR_NOT_FOUND : FS_FS_ERROR_EXISTS;
	}
	if ((st = parent_may(v, w, VFS_MAY_WRITE | VFS_MAY_EXEC)))
		return st;
	struct fs_attr a;
	if ((st = fs_node_create(fs_of(v, &w->at), w->at.ino, w->last, kind, mode, v->cred->euid,
				 v->cred->egid, rdev, target, &a)))
		return st;
	vfs_dcache_put(v, w->at.m, w->at.ino, w->last, a.ino, a.kind);
	return 0;
}

static long do_mkdir(void *ctx, uint64_t badge, const char *path, size_t len, uint32_t mode)
{
	(void)badge, (void)len;
	return make(ctx, path, FS_KIND_DIR, mode, 0, "");
}

static long do_symlink(void *ctx, uint64_t badge, const char *target, size_t target_len,
		       const char *path, size_t len)
{
	(void)badge, (void)len;
	if (target_len == 0)
		return FS_FS_ERROR_NOT_FOUND;
	return make(ctx, path, FS_KIND_SYMLINK, 0777, 0, keep(in2, target, target_len));
}

/* The parent walk of path, and what its last name holds now (*loc), which
 * must be in the same filesystem: a mount point cannot be removed or
 * moved. Its attributes (*attr) for a caller other than root, who needs
 * them for the sticky bit. */
static long existing_name(struct vfs *v, const char *path, struct vfs_walk *w, struct vfs_loc *loc,
			  struct fs_attr *attr)
{
	long st = vfs_resolve(v, path, VFS_PARENT, w);
	if (st)
		return st;
	if (!w->last[0])
		return FS_FS_ERROR_BUSY;
	if ((st = vfs_lookup(v, &w->at, w->last, loc, vfs_root(v) ? NULL : attr)))
		return st;
	if (loc->m != w->at.m && strcmp(w->last, ".."))
		return FS_FS_ERROR_BUSY;
	if (w->slash && loc->kind != FS_KIND_DIR)
		return FS_FS_ERROR_NOT_DIR;
	return 0;
}

static long do_unlink(void *ctx, uint64_t badge, const char *path, size_t len, bool dir)
{
	(void)badge, (void)len;
	struct vfs *v = ctx;
	struct vfs_loc loc;
	struct fs_attr victim;
	long st = existing_name(v, path, &walk, &loc, &victim);
	if (st == FS_FS_ERROR_BUSY && !dir && !walk.last[0])
		return FS_FS_ERROR_IS_DIR;
	if (st)
		return st;
	if (dir && !strcmp(walk.last, "."))
		return FS_FS_ERROR_INVALID;
	if (dir && !strcmp(walk.last, ".."))
		return FS_FS_ERROR_NOT_EMPTY;
	if (!dir && loc.kind == FS_KIND_DIR)
		return FS_FS_ERROR_IS_DIR;
	if (!vfs_root(v) && (st = vfs_may_delete(v->cred, &walk.dir, &victim)))
		return st;
	if ((st = fs_node_unlink(fs_of(v, &walk.at), walk.at.ino, walk.last, dir)))
		return st;
	vfs_dcache_drop(v, walk.at.m, walk.at.ino, walk.last);
	if (dir)
		vfs_dcache_drop_mount(v, walk.at.m);
	return 0;
}

/* rename's permissions, for a caller other than root (walk: the source's
 * parent, walk2 the target's): taking the name away from one directory,
 * putting it into the other (removing what dst names there), and a
 * directory moving to another parent must be writable itself (its ".."
 * changes). */
static long may_rename(struct vfs *v, const struct fs_attr *src, const struct fs_attr *dst,
		       bool moves)
{
	long st = vfs_may_delete(v->cred, &walk.dir, src);
	if (!st)
		st = dst ? vfs_may_delete(v->cred, &walk2.dir, dst)
			 : vfs_may(v->cred, &walk2.dir, VFS_MAY_WRITE | VFS_MAY_EXEC);
	if (!st && moves && src->kind == FS_KIND_DIR)
		st = vfs_may(v->cred, src, VFS_MAY_WRITE);
	return st;
}

static long do_rename(void *ctx, uint64_t badge, const char *from, size_t from_len, const char *to,
		      size_t to_len)
{
	(void)badge;
	struct vfs *v = ctx;
	struct vfs_loc src, dst;
	struct fs_attr src_attr, dst_attr;
	from = keep(in1, from, from_len);
	to = keep(in2, to, to_len);
	long st = existing_name(v, from, &walk, &src, &src_attr);
	if (st)
		return st;
	if (dot_or_empty(walk.last))
		return FS_FS_ERROR_INVALID;
	if ((st = vfs_resolve(v, to, VFS_PARENT, &walk2)))
		return st;
	if (dot_or_empty(walk2.last))
		return FS_FS_ERROR_INVALID;
	if (walk2.at.m != walk.at.m)
		return FS_FS_ERROR_CROSS_DEVICE;
	st = vfs_lookup(v, &walk2.at, walk2.last, &dst, vfs_root(v) ? NULL : &dst_attr);
	if (st == 0 && dst.m != walk2.at.m)
		return FS_FS_ERROR_BUSY;
	if (st && st != FS_FS_ERROR_NOT_FOUND)
		return st;
	bool replaced = st == 0, replaced_dir = replaced && dst.kind == FS_KIND_DIR;
	if (walk2.slash && src.kind != FS_KIND_DIR)
		return FS_FS_ERROR_NOT_DIR;
	if (!vfs_root(v) &&
	    (st = may_rename(v, &src_attr, replaced ? &dst_attr : NULL,
			     walk.at.ino != walk2.at.ino)))
		return st;
	if ((st = fs_node_rename(fs_of(v, &walk.at), walk.at.ino, walk.last, walk2.at.ino,
				 walk2.last)))
		return st;
	vfs_dcache_drop(v, walk.at.m, walk.at.ino, walk.last);
	vfs_dcache_drop(v, walk2.at.m, walk2.at.ino, walk2.last);
	if (replaced_dir)
		vfs_dcache_drop_mount(v, walk.at.m);
	return 0;
}

static long do_link(void *ctx, uint64_t badge, const char *from, size_t from_len, const char *to,
		    size_t to_len)
{
	(void)badge;
	struct vfs *v = ctx;
	from = keep(in1, from, from_len);
	to = keep(in2, to, to_len);
	long st = vfs_resolve(v, from, 0, &walk);
	if (st || (st = vfs_resolve(v, to, VFS_PARENT, &walk2)))
		return st;
	if (walk.at.kind == FS_KIND_DIR)
		return FS_FS_ERROR_NOT_PERMITTED;
	if (dot_or_empty(walk2.last))
		return FS_FS_ERROR_EXISTS;
	if (walk.at.m != walk2.at.m)
		return FS_FS_ERROR_CROSS_DEVICE;
	if ((st = parent_may(v, &walk2, VFS_MAY_WRITE | VFS_MAY_EXEC)))
		return st;
	if ((st = fs_node_link(fs_of(v, &walk2.at), walk.at.ino, walk2.at.ino, walk2.last)))
		return st;
	vfs_dcache_put(v, walk2.at.m, walk2.at.ino, walk2.last, walk.at.ino, walk.at.kind);
	return 0;
}

static long do_readlink(void *ctx, uint64_t badge, const char *path, size_t len,
			const char **target)
{
	(void)badge, (void)len;
	struct vfs *v = ctx;
	long st = vfs_resolve(v, path, 0, &walk);
	if (st)
		return st;
	if (walk.at.kind != FS_KIND_SYMLINK)
		return FS_FS_ERROR_INVALID;
	if ((st = fs_node_readlink(fs_of(v, &walk.at), walk.at.ino, text)))
		return st;
	*target = text;
	return 0;
}

static long do_setattr(void *ctx, uint64_t badge, const char *path, size_t len, bool follow,
		       uint32_t mask, const struct fs_attr *set)
{
	(void)badge, (void)len;
	struct vfs *v = ctx;
	struct fs_attr copy = *set, a;
	long st = vfs_resolve(v, path, follow ? VFS_FOLLOW : 0, &walk);
	if (st)
		return st;
	if ((st = vfs_may_setattr(v->cred, &walk.attr, &mask, &copy)))
		return st;
	return fs_node_setattr(fs_of(v, &walk.at), walk.at.ino, mask, &copy, &a);
}

/* fchmod, fchown: the node an open file's stat named (dev is its mount's
 * slot + 1, as mount gave it), with setattr's rules. */
static long do_fsetattr(void *ctx, uint64_t badge, uint64_t dev, uint64_t ino, uint32_t mask,
			const struct fs_attr *set)
{
	(void)badge;
	struct vfs *v = ctx;
	if (dev == 0 || dev > VFS_MOUNTS || !v->mounts[dev - 1].used)
		return FS_FS_ERROR_INVALID;
	vg_handle_t fs = v->mounts[dev - 1].fs;
	struct fs_attr copy = *set, a;
	long st = fs_node_getattr(fs, ino, &a);
	if (st || (st = vfs_may_setattr(v->cred, &a, &mask, &copy)))
		return st;
	return fs_node_setattr(fs, ino, mask, &copy, &a);
}

/* access() asks with the real ids, the whole walk too (POSIX); with
 * ACCESS_EFFECTIVE (AT_EACCESS, chdir) the effective ones. */
#define ACCESS_EFFECTIVE 8u
static long do_access(void *ctx, uint64_t badge, const char *path, size_t len, uint32_t mode)
{
	(void)badge, (void)len;
	struct vfs *v = ctx;
	if (mode & ~(7u | ACCESS_EFFECTIVE))
		return FS_FS_ERROR_INVALID;
	static struct vfs_cred real; /* the caller's, with its real ids as effective */
	if (!(mode & ACCESS_EFFECTIVE)) {
		real = *v->cred;
		real.euid = real.ruid;
		real.egid = real.rgid;
		v->cred = &real;
	}
	long st = vfs_resolve(v, path, VFS_FOLLOW, &walk);
	return st ? st : vfs_may(v->cred, &walk.attr, mode & 7u);
}

static long do_statfs(void *ctx, uint64_t badge, const char *path, size_t len,
		      struct fs_statfs *out)
{
	(void)badge, (void)len;
	struct vfs *v = ctx;
	long st = vfs_resolve(v, path, VFS_FOLLOW, &walk);
	return st ? st : fs_node_statfs(fs_of(v, &walk.at), out);
}

static long do_realpath(void *ctx, uint64_t badge, const char *path, size_t len,
			const char **canonical, struct fs_attr *attr)
{
	(void)badge, (void)len;
	long st = vfs_resolve(ctx, path, VFS_FOLLOW, &walk);
	if (st)
		return st;
	*canonical = walk.canon;
	*attr = walk.attr;
	return 0;
}

/* The mount on path (its canonical form) whose server is gone: its calls
 * fail with ERR_PEER_CLOSED (the kernel's word that nobody can receive
 * them), which clients see as EIO. Its slot, or -1. */
static int dead_mount_on(struct vfs *v, const char *path)
{
	struct fs_statfs sf;
	for (int i = 0; i < (int)VFS_MOUNTS; i++)
		if (v->mounts[i].used && !strcmp(v->mounts[i].path, path) &&
		    fs_node_statfs(v->mounts[i].fs, &sf) == ERR_PEER_CLOSED)
			return i;
	return -1;
}

/* fs takes the place of the dead filesystem of mount i (init mounts a
 * restarted service again so): same slot, path and mount point, the new
 * server's root, nothing of the old one cached. Mounts below it keep
 * their mount points' inode numbers (a restarted server that rebuilds
 * the same tree, as the boot archive's does, gives them back). */
static long remount(struct vfs *v, int i, vg_handle_t fs, const char *source, const char *fstype)
{
	struct vfs_mount *m = &v->mounts[i];
	struct fs_attr root;
	long st = fs_node_root(fs, (uint64_t)i + 1, &root);
	if (!st && root.kind != FS_KIND_DIR)
		st = FS_FS_ERROR_NOT_DIR;
	if (st) {
		vg_handle_close(fs);
		return st;
	}
	vg_handle_close(m->fs);
	m->fs = fs;
	m->root = root.ino;
	strlcpy(m->source, source, sizeof(m->source));
	strlcpy(m->fstype, fstype, sizeof(m->fstype));
	vfs_dcache_drop_mount(v, i);
	return 0;
}

/* mount and mount_named: fs on the directory path, known by source and
 * fstype in listings; in place of a dead filesystem there. */
static long mount_at(struct vfs *v, const char *path, vg_handle_t fs, const char *source,
		     const char *fstype)
{
	struct fs_attr root;
	long st = 0;
	int free_slot = -1, dead = vfs_root(v) ? dead_mount_on(v, path) : -1;
	if (dead >= 0)
		return remount(v, dead, fs, source, fstype);
	for (int i = (int)VFS_MOUNTS - 1; i >= 0; i--)
		if (!v->mounts[i].used)
			free_slot = i;
	if (!vfs_root(v))
		st = FS_FS_ERROR_NOT_PERMITTED;
	else if (free_slot < 0)
		st = FS_FS_ERROR_NO_SPACE_LEFT_IN_TABLE;
	else if ((st = fs_node_root(fs, (uint64_t)free_slot + 1, &root)) == 0 &&
		 root.kind != FS_KIND_DIR)
		st = FS_FS_ERROR_NOT_DIR;
	struct vfs_mount *m = free_slot >= 0 ? &v->mounts[free_slot] : NULL;
	if (!st && !v->mounts[0].used) { /* the first mount is / */
		if (strcmp(path, "/"))
			st = FS_FS_ERROR_NOT_FOUND;
		else
			*m = (struct vfs_mount){
				.used = true, .fs = fs, .root = root.ino, .parent = -1, .path = "/"
			};
	} else if (!st && !(st = vfs_resolve(v, path, VFS_FOLLOW, &walk))) {
		if (walk.at.kind != FS_KIND_DIR)
			st = FS_FS_ERROR_NOT_DIR;
		else if (walk.at.ino == v->mounts[walk.at.m].root)
			st = FS_FS_ERROR_BUSY; /* one filesystem per directory */
		else if (strlen(walk.canon) > VFS_MOUNT_PATH_MAX)
			st = FS_FS_ERROR_NAME_TOO_LONG;
		else {
			*m = (struct vfs_mount){ .used = true,
						 .fs = fs,
						 .root = root.ino,
						 .parent = walk.at.m,
						 .mountpoint = walk.at.ino };
			strlcpy(m->path, walk.canon, sizeof(m->path));
		}
	}
	if (st) {
		vg_handle_close(fs);
		return st;
	}
	strlcpy(m->source, source, sizeof(m->source));
	strlcpy(m->fstype, fstype, sizeof(m->fstype));
	return 0;
}

static long do_mount(void *ctx, uint64_t badge, const char *path, size_t len, vg_handle_t fs)
{
	(void)badge;
	return mount_at(ctx, keep(in1, path, len), fs, "", "");
}

static long do_mount_named(void *ctx, uint64_t badge, const char *path, size_t len, vg_handle_t fs,
			   const char *source, size_t source_len, const char *fstype,
			   size_t fstype_len)
{
	(void)badge, (void)source_len, (void)fstype_len;
	/* kept before mount_at's calls overwrite the request (see keep) */
	char src[sizeof(((struct vfs_mount *)0)->source)],
		type[sizeof(((struct vfs_mount *)0)->fstype)];
	strlcpy(src, source, sizeof(src));
	strlcpy(type, fstype, sizeof(type));
	return mount_at(ctx, keep(in1, path, len), fs, src, type);
}

static long do_mounts(void *ctx, uint64_t badge, uint32_t index, const char **path,
		      const char **source, const char **fstype, bool *readonly, uint32_t *next)
{
	(void)badge;
	struct vfs *v = ctx;
	while (index < VFS_MOUNTS && !v->mounts[index].used)
		index++;
	if (index >= VFS_MOUNTS)
		return FS_FS_ERROR_NOT_FOUND;
	struct vfs_mount *m = &v->mounts[index];
	struct fs_statfs sf;
	/* a filesystem that stopped answering is listed as it was mounted */
	*readonly = fs_node_statfs(m->fs, &sf) == 0 && (sf.flags & 1);
	*path = m->path;
	*source = m->source;
	*fstype = m->fstype;
	*next = index + 1;
	return 0;
}

/* Busy: a filesystem mounted below, or files open in it (a filesystem that
 * went away has none). */
static long busy(struct vfs *v, int m)
{
	for (int i = 0; i < (int)VFS_MOUNTS; i++)
		if (v->mounts[i].used && v->mounts[i].parent == m)
			return FS_FS_ERROR_BUSY;
	uint32_t opens;
	long st = fs_node_opens(v->mounts[m].fs, &opens);
	if (st == ERR_PEER_CLOSED)
		return 0;
	return st ? st : opens ? FS_FS_ERROR_BUSY : 0;
}

/* Each mounted filesystem in turn; a dead one (its server gone) has
 * nothing left to write, a server without storage answers not_supported. */
static long do_sync(void *ctx, uint64_t badge, uint32_t *count)
{
	(void)badge;
	struct vfs *v = ctx;
	long failed = 0;
	*count = 0;
	for (int i = 0; i < (int)VFS_MOUNTS; i++) {
		if (!v->mounts[i].used)
			continue;
		long st = fs_node_sync(v->mounts[i].fs);
		if (st == 0 || st == ERR_NOT_SUPPORTED)
			(*count)++;
		else if (st != ERR_PEER_CLOSED)
			failed = FS_FS_ERROR_IO;
	}
	return failed;
}

static long do_unmount(void *ctx, uint64_t badge, const char *path, size_t len)
{
	(void)badge, (void)len;
	struct vfs *v = ctx;
	if (!vfs_root(v))
		return FS_FS_ERROR_NOT_PERMITTED;
	long st = vfs_resolve(v, path, VFS_FOLLOW, &walk);
	if (st)
		return st;
	int m = walk.at.m;
	if (m == 0 || walk.at.ino != v->mounts[m].root)
		return FS_FS_ERROR_INVALID;
	if ((st = busy(v, m)))
		return st;
	vg_handle_close(v->mounts[m].fs);
	v->mounts[m].used = false;
	vfs_dcache_drop_mount(v, m);
	return 0;
}

static long do_mknod(void *ctx, uint64_t badge, const char *path, size_t len, fs_kind_t kind,
		     uint32_t mode, uint64_t rdev)
{
	(void)badge, (void)len;
	if (kind != FS_KIND_CHARDEV && kind != FS_KIND_BLOCKDEV && kind != FS_KIND_FIFO)
		return FS_FS_ERROR_INVALID;
	if (kind != FS_KIND_FIFO && !vfs_root(ctx))
		return FS_FS_ERROR_NOT_PERMITTED;
	return make(ctx, path, kind, mode, rdev, "");
}

static long do_device(void *ctx, uint64_t badge, uint32_t major, vg_handle_t server)
{
	(void)badge;
	struct vfs *v = ctx;
	if (!vfs_root(v)) {
		vg_handle_close(server);
		return FS_FS_ERROR_NOT_PERMITTED;
	}
	struct vfs_device *d = device_of(v, major);
	for (unsigned i = 0; i < VFS_DEVICES && !d; i++)
		if (!v->devices[i].used)
			d = &v->devices[i];
	if (!d) {
		vg_handle_close(server);
		return FS_FS_ERROR_NO_SPACE_LEFT_IN_TABLE;
	}
	if (d->used)
		vg_handle_close(d->server);
	*d = (struct vfs_device){ true, major, server };
	return 0;
}

static long do_undevice(void *ctx, uint64_t badge, uint32_t major)
{
	(void)badge;
	if (!vfs_root(ctx))
		return FS_FS_ERROR_NOT_PERMITTED;
	struct vfs_device *d = device_of(ctx, major);
	if (!d)
		return FS_FS_ERROR_NOT_FOUND;
	vg_handle_close(d->server);
	d->used = false;
	return 0;
}

static long do_whoami(void *ctx, uint64_t badge, uint32_t *ruid, uint32_t *euid, uint32_t *suid,
		      uint32_t *rgid, uint32_t *egid, uint32_t *sgid)
{
	(void)badge;
	const struct vfs_cred *c = ((struct vfs *)ctx)->cred;
	*ruid = c->ruid, *euid = c->euid, *suid = c->suid;
	*rgid = c->rgid, *egid = c->egid, *sgid = c->sgid;
	return 0;
}

#define VFS_CLIENT_RIGHTS (VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE)

/* A handle naming a new entry holding next (never an entry with handles:
 * creds.h says why). When the handle cannot be made, the entry goes. */
long vfs_mint(struct vfs *v, const struct vfs_cred *next, vg_handle_t *out)
{
	uint64_t nb;
	long st = vfs_creds_add(&v->creds, next, &nb);
	if (st)
		return st;
	if ((st = vg_endpoint_mint(v->ep, VFS_CLIENT_RIGHTS, nb, out)))
		vfs_creds_release(&v->creds, nb);
	return st ? FS_FS_ERROR_NO_MEMORY : 0;
}

static long do_become(void *ctx, uint64_t badge, uint32_t ruid, uint32_t euid, uint32_t suid,
		      uint32_t rgid, uint32_t egid, uint32_t sgid, vg_handle_t *out)
{
	(void)badge;
	struct vfs *v = ctx;
	struct vfs_cred next = *v->cred;
	next.ruid = ruid, next.euid = euid, next.suid = suid;
	next.rgid = rgid, next.egid = egid, next.sgid = sgid;
	long st = vfs_may_become(v->cred, &next);
	return st ? st : vfs_mint(v, &next, out);
}

static long do_groups(void *ctx, uint64_t badge, const uint32_t **list, size_t *count)
{
	(void)badge;
	const struct vfs_cred *c = ((struct vfs *)ctx)->cred;
	*list = c->groups;
	*count = c->ngroups;
	return 0;
}

static long do_setgroups(void *ctx, uint64_t badge, const uint32_t *list, size_t count,
			 vg_handle_t *out)
{
	(void)badge;
	struct vfs *v = ctx;
	long st = vfs_may_setgroups(v->cred, count, list);
	if (st)
		return st;
	struct vfs_cred next = *v->cred;
	next.ngroups = (uint32_t)count;
	memcpy(next.groups, list, count * sizeof(list[0]));
	return vfs_mint(v, &next, out);
}

const struct fs_vfs_ops vfs_ops = {
	.whoami = do_whoami,
	.become = do_become,
	.groups = do_groups,
	.setgroups = do_setgroups,
	.link_proc = vfs_link_proc,
	.tell_proc = vfs_tell_proc,
	.exec_setid = vfs_exec_setid,
	.mknod = do_mknod,
	.device = do_device,
	.undevice = do_undevice,
	.open = do_open,
	.stat = do_stat,
	.mkdir = do_mkdir,
	.unlink = do_unlink,
	.rename = do_rename,
	.link = do_link,
	.symlink = do_symlink,
	.readlink = do_readlink,
	.setattr = do_setattr,
	.access = do_access,
	.fsetattr = do_fsetattr,
	.statfs = do_statfs,
	.realpath = do_realpath,
	.mount = do_mount,
	.unmount = do_unmount,
	.mount_named = do_mount_named,
	.mounts = do_mounts,
	.sync = do_sync,
};

static struct fs_vfs_server server;

/* Before anything is mounted on /, only mount (and mount_named) is served,
 * and link_proc (init links us to the process server as we start). */
static int dispatch(void *s, uint64_t badge, uint64_t tag, struct vg_ipc_buffer *buf,
		    uint64_t *reply_tag)
{
	struct vfs *v = server.ctx;
	(void)s;
	if (tag & VG_IPC_TAG_BADGE_CLOSED) { /* a client's last handle went */
		vfs_creds_release(&v->creds, badge);
		*reply_tag = ipc_status_tag(0); /* none is owed */
		return 0;
	}
	if (!(v->cred = vfs_creds_get(&v->creds, badge))) { /* not one the VFS minted */
		*reply_tag = ipc_reject(tag, buf, ERR_ACCESS_DENIED);
		return 0;
	}
	if (!v->mounts[0].used && VG_IPC_TAG_LABEL(tag) != FS_VFS_MOUNT_LABEL &&
	    VG_IPC_TAG_LABEL(tag) != FS_VFS_MOUNT_NAMED_LABEL &&
	    VG_IPC_TAG_LABEL(tag) != FS_VFS_LINK_PROC_LABEL) {
		*reply_tag = ipc_reject(tag, buf, ERR_BAD_STATE);
		return 0;
	}
	return fs_vfs_dispatch(&server, badge, tag, buf, reply_tag);
}

long vfs_serve(struct vfs *v, vg_handle_t ep)
{
	server = (struct fs_vfs_server){ &vfs_ops, v };
	v->ep = ep;
	vfs_creds_init(&v->creds);
	long st = vg_endpoint_watch(ep); /* to free credentials nobody holds */
	if (st)
		return st;
	return ipc_serve(ep, dispatch, NULL);
}
