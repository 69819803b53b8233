// SPDX-License-Identifier: BSD-2-Clause
// idl/devmgr.idl: sessions, majors and nodes (devmgr.h). Every refusal
// leaves the tables as they were, and the manager serves on.
#include "devmgr.h"

#include <bus.h>
#include <fs.h>
#include <stdio.h>
#include <string.h>

#define SESSION_RIGHTS (VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER)
#define DEV_PREFIX "/dev/"

static struct devmgr_session *session_of(struct devmgr *m, uint64_t badge)
{
	uint64_t i = (badge & 0xffffffffu) - 1;
	if (badge == 0 || i >= DEVMGR_SESSIONS || !m->sessions[i].used ||
	    m->sessions[i].generation != badge >> 32)
		return NULL;
	return &m->sessions[i];
}

static bool holds(const struct devmgr_session *s, uint32_t major)
{
	for (int k = 0; k < s->nmajors; k++)
		if (s->majors[k] == major)
			return true;
	return false;
}

static struct devmgr_node *node_named(struct devmgr *m, const char *name)
{
	for (int i = 0; i < DEVMGR_NODES; i++)
		if (m->nodes[i].used && !strcmp(m->nodes[i].name, name))
			return &m->nodes[i];
	return NULL;
}

/* "add NAME MAJOR MINOR" or "remove ..." on dev.events, for whoever
 * watches; a manager without a bus announces nothing. */
static void publish(struct devmgr *m, const char *what, const struct devmgr_node *n)
{
	char msg[BUS_NAMES_PUBLISH_DATA_MAX];
	int len = snprintf(msg, sizeof(msg), "%s %s %u %u", what, n->name, n->major, n->minor);
	uint32_t delivered, dropped;
	if (m->bus != VG_HANDLE_INVALID && len > 0)
		bus_names_publish(m->bus, DEVMGR_EVENTS_TOPIC, msg, (size_t)len, &delivered,
				  &dropped);
}

static void path_of(const char *name, char *path, size_t size)
{
	snprintf(path, size, DEV_PREFIX "%s", name);
}

static long do_session(void *ctx, uint64_t badge, vg_handle_t *session)
{
	struct devmgr *m = ctx;
	if (badge != 0)
		return DEVMGR_DEV_ERROR_NO_SESSION;
	for (int i = 0; i < DEVMGR_SESSIONS; i++) {
		struct devmgr_session *s = &m->sessions[i];
		if (s->used)
			continue;
		uint32_t gen = s->generation + 1;
		long st = vg_endpoint_mint(m->ep, SESSION_RIGHTS,
					   (uint64_t)gen << 32 | (uint64_t)(i + 1), session);
		if (st)
			return st;
		*s = (struct devmgr_session){ .used = true, .generation = gen };
		return 0;
	}
	return DEVMGR_DEV_ERROR_FULL;
}

static long claim(struct devmgr *m, uint64_t badge, uint32_t major, vg_handle_t server)
{
	struct devmgr_session *s = session_of(m, badge);
	if (!s)
		return DEVMGR_DEV_ERROR_NO_SESSION;
	if (major == 0 || major > DEVMGR_MAJOR_MAX)
		return DEVMGR_DEV_ERROR_BAD_MAJOR;
	for (int i = 0; i < DEVMGR_SESSIONS; i++)
		if (m->sessions[i].used && &m->sessions[i] != s && holds(&m->sessions[i], major))
			return DEVMGR_DEV_ERROR_BUSY;
	bool again = holds(s, major);
	if (!again && s->nmajors == DEVMGR_SESSION_MAJORS)
		return DEVMGR_DEV_ERROR_FULL;
	long st = fs_vfs_device(m->vfs, major, server); /* takes server, whatever it answers */
	if (st) {
		printf("devmgr: the VFS refused major %u (%ld)\n", major, st);
		return DEVMGR_DEV_ERROR_REFUSED;
	}
	if (!again)
		s->majors[s->nmajors++] = major;
	return 0;
}

static long do_claim(void *ctx, uint64_t badge, uint32_t major, vg_handle_t server)
{
	long st = claim(ctx, badge, major, server);
	if (st && st != DEVMGR_DEV_ERROR_REFUSED)
		vg_handle_close(server);
	return st;
}

/* Makes the directory of /dev/DIR/NAME when it is not there yet. The
 * directory stays when its last node goes (as Linux's /dev/pts): a
 * consumer may hold it open or watch it. */
static void make_dir(struct devmgr *m, const char *path)
{
	char dir[sizeof(DEV_PREFIX) + DEVMGR_NAME_MAX];
	const char *slash = strrchr(path, '/');
	size_t len = (size_t)(slash - path);
	memcpy(dir, path, len);
	dir[len] = 0;
	long st = fs_vfs_mkdir(m->vfs, dir, 0755);
	if (st && st != FS_FS_ERROR_EXISTS)
		printf("devmgr: %s: mkdir refused (%ld)\n", dir, st);
}

/* Makes /dev/NAME. A node left there by an earlier manager (one that
 * crashed) is replaced: the manager owns what is in /dev. */
static long make_node(struct devmgr *m, const char *path, uint32_t mode, uint32_t uid, uint32_t gid,
		      uint64_t rdev)
{
	long st = fs_vfs_mknod(m->vfs, path, FS_KIND_CHARDEV, mode, rdev);
	if (st == FS_FS_ERROR_NOT_FOUND) { /* in a directory of /dev not made yet */
		make_dir(m, path);
		st = fs_vfs_mknod(m->vfs, path, FS_KIND_CHARDEV, mode, rdev);
	}
	if (st == FS_FS_ERROR_EXISTS && !fs_vfs_unlink(m->vfs, path, false))
		st = fs_vfs_mknod(m->vfs, path, FS_KIND_CHARDEV, mode, rdev);
	if (!st && (uid || gid)) {
		struct fs_attr attr = { .kind = FS_KIND_CHARDEV, .uid = uid, .gid = gid };
		st = fs_vfs_setattr(m->vfs, path, false, 2 | 4, &attr);
		if (st)
			fs_vfs_unlink(m->vfs, path, false);
	}
	return st;
}

static long do_announce(void *ctx, uint64_t badge, const char *name, size_t len, uint32_t major,
			uint32_t minor, uint32_t mode, uint32_t uid, uint32_t gid)
{
	struct devmgr *m = ctx;
	struct devmgr_session *s = session_of(m, badge);
	if (!s)
		return DEVMGR_DEV_ERROR_NO_SESSION;
	if (!devmgr_name_valid(name, len))
		return DEVMGR_DEV_ERROR_BAD_NAME;
	if (!holds(s, major))
		return DEVMGR_DEV_ERROR_NOT_OWNER;
	if (mode > 0777 || uid > DEVMGR_ID_MAX || gid > DEVMGR_ID_MAX)
		return ERR_INVALID_ARGS;
	if (node_named(m, name))
		return DEVMGR_DEV_ERROR_EXISTS;
	struct devmgr_node *n = NULL;
	for (int i = 0; i < DEVMGR_NODES && !n; i++)
		if (!m->nodes[i].used)
			n = &m->nodes[i];
	if (!n)
		return DEVMGR_DEV_ERROR_FULL;
	/* The name is in the IPC buffer, which our calls to the VFS reuse. */
	*n = (struct devmgr_node){ false, (int)(s - m->sessions), major, minor, { 0 } };
	memcpy(n->name, name, len + 1);
	const struct devmgr_rule *r = devmgr_rules_match(&m->rules, n->name);
	if (r)
		mode = r->mode, uid = r->uid, gid = r->gid;
	char path[sizeof(DEV_PREFIX) + DEVMGR_NAME_MAX];
	path_of(n->name, path, sizeof(path));
	long st = make_node(m, path, mode, uid, gid, (uint64_t)major << 32 | minor);
	if (st) {
		printf("devmgr: %s: mknod refused (%ld)\n", path, st);
		return DEVMGR_DEV_ERROR_REFUSED;
	}
	n->used = true;
	publish(m, "add", n);
	return 0;
}

static void remove_node(struct devmgr *m, struct devmgr_node *n)
{
	char path[sizeof(DEV_PREFIX) + DEVMGR_NAME_MAX];
	path_of(n->name, path, sizeof(path));
	long st = fs_vfs_unlink(m->vfs, path, false);
	if (st && st != FS_FS_ERROR_NOT_FOUND)
		printf("devmgr: %s: unlink refused (%ld)\n", path, st);
	n->used = false;
	publish(m, "remove", n);
}

static long do_withdraw(void *ctx, uint64_t badge, const char *name, size_t len)
{
	struct devmgr *m = ctx;
	struct devmgr_session *s = session_of(m, badge);
	if (!s)
		return DEVMGR_DEV_ERROR_NO_SESSION;
	if (!devmgr_name_valid(name, len))
		return DEVMGR_DEV_ERROR_BAD_NAME;
	struct devmgr_node *n = node_named(m, name);
	if (!n)
		return DEVMGR_DEV_ERROR_NOT_FOUND;
	if (&m->sessions[n->session] != s)
		return DEVMGR_DEV_ERROR_NOT_OWNER;
	remove_node(m, n);
	return 0;
}

void devmgr_session_closed(struct devmgr *m, uint64_t badge)
{
	struct devmgr_session *s = session_of(m, badge);
	if (!s)
		return;
	for (int i = 0; i < DEVMGR_NODES; i++)
		if (m->nodes[i].used && &m->sessions[m->nodes[i].session] == s)
			remove_node(m, &m->nodes[i]);
	/* Opening a node of the major fails now (ENXIO) instead of calling a
	 * dead server; a restarted server claims it again. */
	for (int k = 0; k < s->nmajors; k++)
		fs_vfs_undevice(m->vfs, s->majors[k]);
	s->used = false;
	s->nmajors = 0;
}

const struct devmgr_devices_ops devmgr_ops = {
	.session = do_session,
	.claim = do_claim,
	.announce = do_announce,
	.withdraw = do_withdraw,
};
