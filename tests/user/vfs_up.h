/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The file system for the tests and benchmarks: the VFS (bin/vfs) with a
 * tmpfs (bin/tmpfs) on / and one on /tmp, started from the boot archive the
 * first time it is asked for and kept for the rest of the run; the C
 * library is given the VFS as its root.
 */
#ifndef VFS_UP_H
#define VFS_UP_H

#include <vg/vg.h>

/* The size limit of the tmpfs on /tmp (the one on / has 320 MiB). */
#define VFS_UP_TMP_LIMIT (4u << 20)

/* 0, or why the servers could not be started. */
long vfs_up(void);
/* Unbadged handles: the VFS's and the root tmpfs's (for malformed
 * messages). */
vg_handle_t vfs_up_vfs(void);
vg_handle_t vfs_up_rootfs(void);
/* Mounts one more tmpfs (1 MiB) on path: 0 or the VFS's status. */
long vfs_up_mount_tmpfs(const char *path);

/* expr fails with errno e. */
#define CHECK_ERRNO(expr, e)                 \
	do {                                 \
		errno = 0;                   \
		CHECK_EQ((long)(expr), -1l); \
		CHECK_EQ(errno, (e));        \
	} while (0)

/* Writes a whole file (0 or -1). */
int vfs_put(const char *path, const void *data, size_t len);
/* The size of path, or -1. */
long vfs_size(const char *path);

#endif
