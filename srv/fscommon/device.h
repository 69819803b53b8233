/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A device server (docs/ARCHITECTURE.md, section 17): the VFS opens its
 * devices through `node.open(rdev, flags)` on the unbadged endpoint, and
 * each open device is a badged handle speaking `file`. The serving loop is
 * the same for every device server; only the operations differ.
 */
#ifndef SRV_FSCOMMON_DEVICE_H
#define SRV_FSCOMMON_DEVICE_H

#include <fs.h>

#include "opens.h"

/* One node of a device server: /dev/<name>, its minor, and the mode the
 * server proposes (the device manager's rules may say otherwise). */
struct fs_device_node {
	const char *name;
	uint32_t minor;
	uint32_t mode;
};

/* A device server: its name (for messages), its major and its nodes. */
struct fs_device {
	const char *name;
	uint32_t major;
	const struct fs_device_node *nodes;
	size_t nnodes;
};

/* Takes the endpoint its spawner passed (VG_HTAG_USER + 0) into
 * opens->ep; announces the device to the device manager when it was given
 * one (VG_HTAG_USER + 1: the major and the nodes; without one, whoever
 * started it registers it with the VFS); then serves node on the endpoint
 * unbadged and file on badged handles, refusing everything else; the file
 * operations get opens as their ctx. Returns only on failure, said in the
 * log. */
int fs_device_serve(const struct fs_device *dev, struct fs_opens *opens,
		    const struct fs_node_ops *node, const struct fs_file_ops *file);

/* The session with the device manager fs_device_serve opened, for a
 * server whose nodes come and go while it serves (devmgr.announce,
 * withdraw: bin/pty's /dev/pts/N); VG_HANDLE_INVALID without a manager.
 * A call on it from the serving thread must not wait for the VFS, which
 * may be waiting for this server (bin/pty calls from a thread of its
 * own). */
vg_handle_t fs_device_session(void);

/* `file.clone` of every device server (another handle to the same open
 * device, fs_opens_clone): nothing about it is the device's own. */
long fs_device_clone(void *opens, uint64_t badge, vg_handle_t *file);

/* `file.close` of a device server whose open files hold nothing of their
 * own beyond the fs_open (memdev, rtc): the handle ends, and the open
 * file with its last one. */
long fs_device_close(void *opens, uint64_t badge);

/* file.statfs of an open device (fstatvfs): a pseudo-filesystem with no
 * storage, as Linux's pipefs (block size 4096, no blocks or files, names
 * of 255 bytes). */
long fs_device_statfs(void *opens, uint64_t badge, struct fs_statfs *st);

#endif
