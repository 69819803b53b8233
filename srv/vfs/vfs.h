/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The VFS (docs/ARCHITECTURE.md, section 17): one namespace of paths over
 * filesystem servers. It keeps the mount table and a cache of names
 * (dentries), resolves paths (".", "..", symlinks, mounts) by asking the
 * filesystems through `node` (idl/fs.idl), and for an open file hands the
 * client the filesystem's own handle: reads and writes never come here.
 * Fixed tables, no allocation; one thread.
 */
#ifndef SRV_VFS_H
#define SRV_VFS_H

#include "creds.h"
#include <fs.h>
#include <kernel/string.h>

#define VFS_PATH_MAX 4096u /* with the NUL, as PATH_MAX */
#define VFS_NAME_MAX 255u
#define VFS_SYMLINK_DEPTH 40u
#define VFS_MOUNTS 16u
#define VFS_MOUNT_PATH_MAX 1023u /* vfs.mounts' string<1023> */
#define VFS_DCACHE 2048u /* entries, a power of two */
#define VFS_DCACHE_NAME 39u /* longer names are not cached */

struct vfs_mount {
	bool used;
	vg_handle_t fs; /* the filesystem server's unbadged handle */
	uint64_t root; /* its root directory's inode */
	int parent; /* the mount it is mounted in; -1 for / */
	uint64_t mountpoint; /* the directory it covers, in the parent */
	/* For listings (vfs.mounts): the canonical path of the mount point,
	 * and what mount_named called the filesystem ("" by plain mount). */
	char path[VFS_MOUNT_PATH_MAX + 1];
	char source[64], fstype[32];
};

/* A place in the namespace: a mount and an inode in it. */
struct vfs_loc {
	int m;
	uint64_t ino;
	fs_kind_t kind;
};

struct vfs_dentry {
	uint64_t dir, ino; /* dir 0: empty slot */
	uint16_t m;
	fs_kind_t kind;
	char name[VFS_DCACHE_NAME + 1];
};

#define VFS_DEVICES 16u
struct vfs_device {
	bool used;
	uint32_t major;
	vg_handle_t server; /* speaks node.open(rdev) and file */
};

struct vfs {
	vg_handle_t ep; /* the endpoint served, to mint handles for credentials */
	struct vfs_creds creds; /* the table of credentials (creds.h) */
	const struct vfs_cred *cred; /* the caller's: the entry its badge names */
	vg_handle_t proc; /* the process server's handle for us (link_proc), or 0 */
	struct vfs_mount mounts[VFS_MOUNTS];
	struct vfs_device devices[VFS_DEVICES];
	struct vfs_dentry dcache[VFS_DCACHE];
	uint64_t hits, misses;
};

/* The name cache (dcache.c). */
bool vfs_dcache_get(struct vfs *v, int m, uint64_t dir, const char *name, struct vfs_loc *out);
void vfs_dcache_put(struct vfs *v, int m, uint64_t dir, const char *name, uint64_t ino,
		    fs_kind_t kind);
void vfs_dcache_drop(struct vfs *v, int m, uint64_t dir, const char *name);
void vfs_dcache_drop_mount(struct vfs *v, int m);

/* Path resolution (resolve.c). */
enum {
	VFS_FOLLOW = 1, /* follow a symlink in the last component */
	VFS_PARENT = 2 /* stop before the last component */
};
struct vfs_walk {
	struct vfs_loc at; /* the result: the node, or the parent */
	struct fs_attr attr; /* the node's, when found (not VFS_PARENT) */
	char last[VFS_NAME_MAX + 1]; /* VFS_PARENT: the last name ("" for "/") */
	struct fs_attr dir; /* VFS_PARENT: the parent's (not filled for root) */
	bool slash; /* the path ended with '/' */
	char canon[VFS_PATH_MAX]; /* the canonical path of `at` */
};
/* Every directory passed needs search permission (v->cred). */
long vfs_resolve(struct vfs *v, const char *path, unsigned how, struct vfs_walk *w);
static inline bool vfs_root(const struct vfs *v)
{
	return v->cred->euid == 0;
}
/* One name looked up in the directory at (cache, then the filesystem),
 * crossing into a filesystem mounted there. */
long vfs_lookup(struct vfs *v, const struct vfs_loc *dir, const char *name, struct vfs_loc *out,
		struct fs_attr *attr);

/* The protocol (ops.c). */
extern const struct fs_vfs_ops vfs_ops;
/* link_proc and tell_proc (procids.c). */
long vfs_link_proc(void *ctx, uint64_t badge, vg_handle_t proc);
long vfs_tell_proc(void *ctx, uint64_t badge, vg_handle_t process);
long vfs_serve(struct vfs *v, vg_handle_t ep);
/* A handle naming a new entry of the table holding next (ops.c). */
long vfs_mint(struct vfs *v, const struct vfs_cred *next, vg_handle_t *out);
/* exec_setid (setid.c): a set-id program's credentials and pages, to the
 * process server. */
long vfs_exec_setid(void *ctx, uint64_t badge, const char *path, size_t len, vg_handle_t process);

#endif
