// SPDX-License-Identifier: BSD-2-Clause
// The serving loop every device server shares (device.h).
#include "device.h"

#include <devmgr.h>
#include <ipc/msg.h>
#include <stdlib.h>
#include <vg/vg.h>

struct device_servers {
	struct fs_node_server node;
	struct fs_file_server file;
};

/* node on the unbadged endpoint (the VFS), file on the handles of open
 * devices, nothing else. */
static int dispatch(void *ctx, uint64_t badge, uint64_t tag, struct vg_ipc_buffer *b,
		    uint64_t *reply_tag)
{
	struct device_servers *s = ctx;
	if (tag & VG_IPC_TAG_BADGE_CLOSED) /* a client's last handle went */
		return fs_opens_badge_closed(&s->file, badge, reply_tag);
	uint32_t iface = VG_IPC_TAG_LABEL(tag) >> 16;
	if (iface == FS_NODE_ID && badge == 0)
		return fs_node_dispatch(&s->node, badge, tag, b, reply_tag);
	if (iface == FS_FILE_ID && badge != 0)
		return fs_file_dispatch(&s->file, badge, tag, b, reply_tag);
	*reply_tag = ipc_reject(tag, b, ERR_NOT_SUPPORTED);
	return 0;
}

/* The session with the device manager, kept to the end: when this
 * process ends it goes, and the manager removes the nodes. */
static vg_handle_t session = VG_HANDLE_INVALID;

vg_handle_t fs_device_session(void)
{
	return session;
}

/* A session with the device manager (mgr), the major and the nodes.
 * "" or the step that failed. */
static const char *announce(const struct fs_device *dev, vg_handle_t mgr, vg_handle_t ep, long *st)
{
	vg_handle_t give;
	if ((*st = devmgr_devices_session(mgr, &session)))
		return "session";
	if ((*st = vg_handle_duplicate(ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &give)) ||
	    (*st = devmgr_devices_claim(session, dev->major, give)))
		return "claim";
	for (size_t i = 0; i < dev->nnodes; i++) {
		const struct fs_device_node *n = &dev->nodes[i];
		if ((*st = devmgr_devices_announce(session, n->name, dev->major, n->minor, n->mode,
						   0, 0)))
			return n->name;
	}
	return "";
}

int fs_device_serve(const struct fs_device *dev, struct fs_opens *opens,
		    const struct fs_node_ops *node, const struct fs_file_ops *file)
{
	static struct device_servers servers;
	opens->ep = vg_startup_find(VG_HTAG_USER, 0);
	if (opens->ep == VG_HANDLE_INVALID) {
		vg_printf("%s: started without an endpoint to serve\n", dev->name);
		return 1;
	}
	servers = (struct device_servers){ { node, NULL }, { file, opens } };
	long st = vg_endpoint_watch(opens->ep);
	if (st) {
		vg_printf("%s: cannot watch its clients' handles (%ld)\n", dev->name, st);
		return 1;
	}
	/* Calls reaching the endpoint before it serves wait in its queue. */
	vg_handle_t mgr = vg_startup_find(VG_HTAG_USER, 1);
	const char *step = mgr != VG_HANDLE_INVALID ? announce(dev, mgr, opens->ep, &st) : "";
	if (*step) {
		vg_printf("%s: the device manager refused %s (%ld)\n", dev->name, step, st);
		return 1;
	}
	return (int)ipc_serve(opens->ep, dispatch, &servers);
}

long fs_device_clone(void *opens, uint64_t badge, vg_handle_t *file)
{
	return fs_opens_clone(opens, badge, file);
}

long fs_device_close(void *opens, uint64_t badge)
{
	struct fs_open *last;
	long st = fs_opens_close(opens, badge, &last);
	free(last);
	return st;
}

long fs_device_statfs(void *opens, uint64_t badge, struct fs_statfs *st)
{
	if (!fs_opens_get(opens, badge))
		return FS_FS_ERROR_BAD_FILE;
	/* No storage behind a device: nothing used, nothing free (Linux's
	 * pipefs answers so too); names as long as anywhere. */
	*st = (struct fs_statfs){ .bsize = 4096, .namemax = 255 };
	return 0;
}
