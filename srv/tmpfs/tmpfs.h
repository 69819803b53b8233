/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tmpfs (docs/ARCHITECTURE.md, section 17): files, directories, symlinks and
 * device nodes in memory, served through the filesystem protocol
 * (idl/fs.idl: `node` for the VFS on the unbadged handle, `file` on the
 * handles minted for open files). A file's data is one zero-filled range
 * (store.h) whose pages are committed on first write, so a hole costs
 * nothing; a bitmap says which pages were written, and those are counted
 * against a limit given at start (ENOSPC beyond it).
 */
#ifndef SRV_TMPFS_H
#define SRV_TMPFS_H

#include "../fscommon/locks.h"
#include "../fscommon/opens.h"
#include "store.h"
#include <fs.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TMPFS_PAGE 4096u
#define TMPFS_NAME_MAX 255u
#define TMPFS_LINK_MAX 65000u
#define TMPFS_ROOT_INO 1u
/* The largest file: the kernel's largest VMO (64 GiB). */
#define TMPFS_FILE_MAX ((uint64_t)1 << 36)

struct tmpfs_dirent {
	char *name;
	uint64_t ino;
};

struct tmpfs_node {
	uint64_t ino;
	fs_kind_t kind;
	uint32_t mode, nlink, uid, gid;
	uint32_t opens; /* open files: an unlinked node lives until the last closes */
	uint64_t size, rdev;
	int64_t atime, mtime, ctime;
	union {
		struct { /* file */
			struct tmpfs_store data;
			uint64_t *written; /* a bit per page of data: written (counted) */
			uint64_t nbits; /* pages the bitmap covers */
			uint64_t used; /* bits set */
		} f;
		struct { /* dir */
			struct tmpfs_dirent *ents;
			uint32_t count, cap;
			uint64_t parent;
		} d;
		char *target; /* symlink */
	} u;
};

struct tmpfs_open {
	uint32_t generation; /* part of the badge: a stale badge fails */
	uint32_t refs; /* handles (clone adds one, close drops one) */
	uint64_t ino;
	uint32_t flags;
	uint64_t pos;
};

struct tmpfs {
	struct tmpfs_node **nodes; /* by inode number; 0 unused */
	uint64_t nnodes, live;
	/* Every inode number below it is in use: a new node's search starts
	 * there, so that creating a file costs the same beside 1000 others
	 * as in an empty file system (the lowest free number is still the
	 * one taken). */
	uint64_t free_from;
	uint64_t pages_max, pages_used;
	bool read_only; /* the boot archive's: every change is EROFS */
	struct fs_opens opens;
	struct fs_locks locks;
	uint64_t dev;
	int64_t (*now)(void); /* nanoseconds */
	/* The server reads the clock once per request (tmpfs_serve sets
	 * per_request; each request clears stamp): a create, a write or an
	 * unlink set three to seven times, which were as many system calls. */
	bool per_request;
	int64_t stamp;
};

/* The time for the node being changed: the request's (see per_request). */
static inline int64_t tmpfs_now(struct tmpfs *fs)
{
	if (!fs->per_request)
		return fs->now();
	if (!fs->stamp)
		fs->stamp = fs->now();
	return fs->stamp;
}

/* Nodes (nodes.c): the tree and the data, no IPC; the host tests use it. */
long tmpfs_init(struct tmpfs *fs, uint64_t bytes_max, int64_t (*now)(void));
struct tmpfs_node *tmpfs_node(struct tmpfs *fs, uint64_t ino);
void tmpfs_attr(struct tmpfs *fs, const struct tmpfs_node *n, struct fs_attr *a);
long tmpfs_lookup(struct tmpfs *fs, uint64_t dir, const char *name, struct tmpfs_node **out);
long tmpfs_create(struct tmpfs *fs, uint64_t dir, const char *name, fs_kind_t kind, uint32_t mode,
		  uint32_t uid, uint32_t gid, uint64_t rdev, const char *target,
		  struct tmpfs_node **out);
long tmpfs_unlink(struct tmpfs *fs, uint64_t dir, const char *name, bool is_dir);
long tmpfs_rename(struct tmpfs *fs, uint64_t from_dir, const char *from, uint64_t to_dir,
		  const char *to);
long tmpfs_link(struct tmpfs *fs, uint64_t ino, uint64_t dir, const char *name);
/* Frees everything (the host tests). */
void tmpfs_destroy(struct tmpfs *fs);
/* Frees a node with no names and no open files. */
void tmpfs_release(struct tmpfs *fs, struct tmpfs_node *n);
long tmpfs_read(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, void *buf, size_t len,
		size_t *done);
long tmpfs_write(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, const void *buf, size_t len,
		 size_t *done);
/* tmpfs_write but the copy (file.span): room reserved and counted, the
 * size and times set; [off, off + *done) is the caller's to fill, in
 * pages that read as zeros until it does. */
long tmpfs_write_span(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, size_t len,
		      size_t *done);
/* An empty file's contents become data[0, len), read in place (no copy;
 * the first change copies it): data must outlive fs and never change, as
 * the mapped boot archive does. The pages count as written. */
long tmpfs_adopt(struct tmpfs *fs, struct tmpfs_node *n, const void *data, size_t len);
long tmpfs_truncate(struct tmpfs *fs, struct tmpfs_node *n, uint64_t size);
/* Counts pages [0, bytes) of a file as written (a writable shared mapping
 * may write any of them behind tmpfs's back); NO_SPACE past the limit. */
long tmpfs_commit(struct tmpfs *fs, struct tmpfs_node *n, uint64_t bytes);
/* Packs directory entries from cookie into buf (idl/fs.idl, file.readdir). */
size_t tmpfs_readdir(struct tmpfs *fs, struct tmpfs_node *dir, uint64_t *cookie, void *buf,
		     size_t len, bool *end);

/* The root directory's mode and owner, or a new directory in it, from
 * spec "NAME=MODE:UID:GID" (NAME "." for the root; MODE octal) (layout.c):
 * 0, FS_FS_ERROR_INVALID for a malformed spec, or tmpfs_create's error. */
long tmpfs_layout(struct tmpfs *fs, const char *spec);

/* Fills fs from a cpio newc archive (initrd.c), whose files' data it reads
 * in place: archive must outlive fs; *why says what was wrong with a
 * refused one. */
long tmpfs_load_cpio(struct tmpfs *fs, const void *archive, size_t len, const char **why);

/* The protocol (ops.c). */
extern const struct fs_node_ops tmpfs_node_ops;
extern const struct fs_file_ops tmpfs_file_ops;
long tmpfs_serve(struct tmpfs *fs, vg_handle_t ep);

#endif
