/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The file system for the tests and benchmarks, in the boot layout: the VFS
 * (bin/vfs) with the boot archive on / (bin/tmpfs initrd, read-only), a
 * tmpfs on /tmp (320 MiB) and /run (16 MiB), devfs on /dev (a tmpfs with
 * the nodes the device manager, bin/devmgr, makes for bin/memdev and
 * bin/pipe; the manager publishes on a bus of its own, bin/bus). Started
 * from the boot archive the
 * first time it is asked for and kept for the rest of the run; the C
 * library is given the VFS as its root.
 */
#ifndef VFS_UP_H
#define VFS_UP_H

#include <vg/vg.h>

/* The size of the tmpfs the ENOSPC test mounts. */
#define VFS_UP_SMALL (4u << 20)

/* 0, or why the servers could not be started. */
long vfs_up(void);
/* Unbadged handles: the VFS's, the root filesystem's and /tmp's (for
 * malformed messages). */
vg_handle_t vfs_up_vfs(void);
vg_handle_t vfs_up_rootfs(void);
vg_handle_t vfs_up_tmpfs(void);
/* The device manager's unbadged handle, its bus's administrator handle,
 * and memdev's process (which a test may kill). */
vg_handle_t vfs_up_devmgr(void);
vg_handle_t vfs_up_bus(void);
vg_handle_t vfs_up_memdev(void);
/* The servers vfs_up started that live as long as the run (the VFS, the
 * tmpfs instances, the bus, the device manager, pipes): their programs'
 * names and processes, for measuring their memory (forkloop.c). */
struct vfs_up_server {
	const char *name;
	vg_handle_t process;
};
size_t vfs_up_servers(const struct vfs_up_server **out);
/* Starts bin/<prog>, a device server, with the device manager's handle
 * and more (when not NULL; moved into it), and *process (when not NULL)
 * its process. It announces its nodes: vfs_up_wait_node waits for them. */
long vfs_up_start_device(const char *prog, const struct vg_startup_handle *more,
			 vg_handle_t *process);
/* Starts memdev again (the old one was killed), and waits for its nodes. */
long vfs_up_start_memdev(void);
/* Starts the file system (vfs_up) and bin/pty (pseudo-terminals, with the
 * process server's pid 1 handle to signal groups), and waits for
 * /dev/ptmx; once: later calls give the first's result. */
long vfs_up_pty(void);
/* Waits (up to 5 s) until path exists (present) or is gone: 0 or
 * ERR_TIMED_OUT. */
long vfs_up_wait_node(const char *path, bool present);
/* Mounts one more tmpfs of limit bytes on path: 0 or the VFS's status. */
long vfs_up_mount_tmpfs(const char *path, uint64_t limit);

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
/* Byte i of the pattern the bulk tests write at file offset i; a new
 * buffer of n bytes holding it from offset 0 (NULL when memory is short);
 * how many of p[0, n) differ from it at file offset at. */
unsigned char vfs_pattern(uint64_t i);
unsigned char *vfs_patterned(size_t n);
int vfs_pattern_bad(const unsigned char *p, uint64_t at, size_t n);

#endif
