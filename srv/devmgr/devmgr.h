/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device manager (bin/devmgr, docs/ARCHITECTURE.md section 20): the
 * table of sessions (one per device server) and of the nodes they
 * announced, and what a change does outside: the VFS (device
 * registration, nodes in /dev) and the bus (topic dev.events).
 */
#ifndef SRV_DEVMGR_DEVMGR_H
#define SRV_DEVMGR_DEVMGR_H

#include <devmgr.h>
#include <vg/vg.h>

#include "rules.h"

#define DEVMGR_SESSIONS 32
#define DEVMGR_NODES 128 /* the boot set's few, and a node per pseudo-terminal (srv/pty: 64) */
#define DEVMGR_SESSION_MAJORS 4
#define DEVMGR_MAJOR_MAX 4095u
#define DEVMGR_EVENTS_TOPIC "dev.events"

struct devmgr_session {
	bool used;
	uint32_t generation; /* the badge's high half: a stale badge is refused */
	int nmajors;
	uint32_t majors[DEVMGR_SESSION_MAJORS];
};

struct devmgr_node {
	bool used;
	int session;
	uint32_t major, minor;
	char name[DEVMGR_NAME_MAX + 1];
};

struct devmgr {
	vg_handle_t ep; /* served; sessions are minted from it */
	vg_handle_t vfs; /* root's: makes nodes and registers majors */
	vg_handle_t bus; /* VG_HANDLE_INVALID without one: no events */
	struct devmgr_rules rules;
	struct devmgr_session sessions[DEVMGR_SESSIONS];
	struct devmgr_node nodes[DEVMGR_NODES];
};

/* The devices interface's operations, ctx a struct devmgr. */
extern const struct devmgr_devices_ops devmgr_ops;

/* A session's last handle went: its nodes and majors go with it. */
void devmgr_session_closed(struct devmgr *m, uint64_t badge);

#endif
