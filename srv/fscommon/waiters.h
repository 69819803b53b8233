/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Clients waiting to be woken (idl/fs.idl, file.arm and file.lockwait;
 * docs/ARCHITECTURE.md section 17, "Waking"): a server answers every call
 * at once, so a client that would block hands over a notification, which
 * the server keeps here and signals once the client may go on; the client
 * then asks again. A waiter is woken once and dropped. Waking too early is
 * harmless (the client asks and waits again); never waking is the one
 * mistake, so a waiter that cannot be kept (the list full) is woken at
 * once instead.
 */
#ifndef SRV_FSCOMMON_WAITERS_H
#define SRV_FSCOMMON_WAITERS_H

#include <stdbool.h>
#include <stdint.h>
#include <verdigris/types.h>

/* At most this many kept per server: a client asking again and again
 * without waiting cannot grow the list without bound. */
#define FS_WAITERS_MAX 1024u

struct fs_waiter {
	const void *owner; /* the open file that waits (struct fs_open) */
	uint64_t key; /* what it waits on: the inode (locks); free for pipes */
	uint32_t events, need; /* file.arm's */
	vg_handle_t note;
};

struct fs_waiters {
	struct fs_waiter *list;
	uint32_t count, size;
};

/* Keeps w (taking its note). When the list is full the oldest waiter is
 * woken to make room; when no memory is left, w itself is woken. */
void fs_waiters_add(struct fs_waiters *l, const struct fs_waiter *w);
/* Wakes every waiter for which due(w, ctx) says so. */
void fs_waiters_wake(struct fs_waiters *l, bool (*due)(const struct fs_waiter *w, void *ctx),
		     void *ctx);
/* Wakes every waiter of key (key_due's ctx is a uint64_t *), or of owner
 * (owner_due's ctx is the owner), the two common cases. */
bool fs_waiter_key_due(const struct fs_waiter *w, void *key);
bool fs_waiter_owner_due(const struct fs_waiter *w, void *owner);

#endif
