// SPDX-License-Identifier: BSD-2-Clause
// Clients waiting to be woken (waiters.h): an array in the order they
// came, so that a full list gives up its oldest.
#include "waiters.h"

#include <stdlib.h>
#include <string.h>
#include <vg/vg.h>

/* Bit 0: what the client waits for (lib/c/os/fd/wake.c). */
static void wake(const struct fs_waiter *w)
{
	vg_notification_signal(w->note, 1);
	vg_handle_close(w->note);
}

static bool room_for_one(struct fs_waiters *l)
{
	if (l->count < l->size)
		return true;
	if (l->size < FS_WAITERS_MAX) {
		uint32_t size = l->size ? l->size * 2 : 8;
		struct fs_waiter *more = realloc(l->list, size * sizeof(*more));
		if (more) {
			l->list = more;
			l->size = size;
			return true;
		}
		if (!l->count)
			return false;
	}
	wake(&l->list[0]);
	memmove(l->list, l->list + 1, --l->count * sizeof(*l->list));
	return true;
}

void fs_waiters_add(struct fs_waiters *l, const struct fs_waiter *w)
{
	if (room_for_one(l))
		l->list[l->count++] = *w;
	else
		wake(w);
}

void fs_waiters_wake(struct fs_waiters *l, bool (*due)(const struct fs_waiter *w, void *ctx),
		     void *ctx)
{
	uint32_t kept = 0;
	for (uint32_t i = 0; i < l->count; i++) {
		if (due(&l->list[i], ctx))
			wake(&l->list[i]);
		else
			l->list[kept++] = l->list[i];
	}
	l->count = kept;
}

bool fs_waiter_key_due(const struct fs_waiter *w, void *key)
{
	return w->key == *(const uint64_t *)key;
}

bool fs_waiter_owner_due(const struct fs_waiter *w, void *owner)
{
	return w->owner == owner;
}
