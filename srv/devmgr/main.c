// SPDX-License-Identifier: BSD-2-Clause
// bin/devmgr: the device manager (docs/ARCHITECTURE.md, section 20). Device
// servers announce their devices to it (idl/devmgr.idl); it registers
// their majors with the VFS, makes their nodes in /dev with the mode and
// owner /etc/devmgr.rules gives, removes them when they are withdrawn or
// their server ends, and broadcasts each change on the bus (dev.events).
//
// Started with: VG_HTAG_USER + 0, the endpoint to serve; VG_HTAG_FS_ROOT,
// root's handle to the VFS; VG_HTAG_BUS (optional), a bus grant that may
// publish under "dev.". argv[1], if given, is the rules file instead of
// /etc/devmgr.rules.
#include "devmgr.h"

#include <ipc/msg.h>
#include <stdio.h>

#define RULES_PATH "/etc/devmgr.rules"

static struct devmgr manager;

/* The policy; without a file, or with a malformed one (reported with its
 * line), every node keeps its server's proposal. */
static void load_rules(const char *path)
{
	static char text[DEVMGR_RULES_MAX * (DEVMGR_LINE_MAX + 1)];
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	size_t len = fread(text, 1, sizeof(text), f);
	bool whole = feof(f);
	fclose(f);
	int line;
	const char *why;
	if (!whole)
		printf("devmgr: %s: too large, no rules taken\n", path);
	else if (devmgr_rules_parse(text, len, &manager.rules, &line, &why))
		printf("devmgr: %s:%d: %s; no rules taken\n", path, line, why);
}

/* devices on every handle (the generated dispatcher hands the badge on;
 * the operations tell sessions from the unbadged handle); a closed
 * session ends its devices. */
static int dispatch(void *ctx, uint64_t badge, uint64_t tag, struct vg_ipc_buffer *b,
		    uint64_t *reply_tag)
{
	struct devmgr_devices_server *server = ctx;
	if (tag & VG_IPC_TAG_BADGE_CLOSED) {
		devmgr_session_closed(&manager, badge);
		*reply_tag = ipc_status_tag(0);
		return 0;
	}
	if (VG_IPC_TAG_LABEL(tag) >> 16 != DEVMGR_DEVICES_ID)
		return ipc_refuse(tag, b, ERR_NOT_SUPPORTED, reply_tag);
	return devmgr_devices_dispatch(server, badge, tag, b, reply_tag);
}

int main(int argc, char **argv)
{
	manager.ep = vg_startup_find(VG_HTAG_USER, 0);
	manager.vfs = vg_startup_find(VG_HTAG_FS_ROOT, 0);
	manager.bus = vg_startup_find(VG_HTAG_BUS, 0);
	if (manager.ep == VG_HANDLE_INVALID || manager.vfs == VG_HANDLE_INVALID) {
		printf("devmgr: started without an endpoint to serve or a file system\n");
		return 1;
	}
	load_rules(argc > 1 ? argv[1] : RULES_PATH);
	long st = vg_endpoint_watch(manager.ep);
	if (st) {
		printf("devmgr: cannot watch its sessions' handles (%ld)\n", st);
		return 1;
	}
	static struct devmgr_devices_server server = { &devmgr_ops, &manager };
	return (int)ipc_serve(manager.ep, dispatch, &server);
}
