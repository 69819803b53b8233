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

/* Takes the endpoint its spawner passed (VG_HTAG_USER + 0) into
 * opens->ep and serves node on it unbadged and file on badged handles,
 * refusing everything else; the file operations get opens as their ctx.
 * Returns only on failure (name says who in the message when there is no
 * endpoint). */
int fs_device_serve(const char *name, struct fs_opens *opens, const struct fs_node_ops *node,
		    const struct fs_file_ops *file);

/* `file.clone` of every device server (another handle to the same open
 * device, fs_opens_clone): nothing about it is the device's own. */
long fs_device_clone(void *opens, uint64_t badge, vg_handle_t *file);

#endif
