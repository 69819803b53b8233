// SPDX-License-Identifier: BSD-2-Clause
// Advisory byte-range locks (locks.h). A set splits or trims the owner's
// own locks over the range, then adds the new one, joined with those of
// the same kind it touches: a lock never overlaps another of the same
// owner, so conflicts are simply overlaps with other owners' locks where
// one of the two is exclusive.
#include "locks.h"
#include <fs.h>
#include <stdlib.h>
#include <vg/vg.h>

static bool range_of(uint64_t start, uint64_t len, uint64_t *end)
{
	if (len == 0) {
		*end = UINT64_MAX;
		return true;
	}
	if (len > UINT64_MAX - start)
		return false;
	*end = start + len;
	return true;
}

static const struct fs_lock *conflict(struct fs_locks *l, uint64_t ino, const void *owner,
				      uint8_t kind, uint64_t start, uint64_t end)
{
	for (const struct fs_lock *k = l->list; k; k = k->next)
		if (k->ino == ino && k->owner != owner && k->start < end && start < k->end &&
		    (kind == FS_LOCK_EXCLUSIVE || k->kind == FS_LOCK_EXCLUSIVE))
			return k;
	return NULL;
}

static struct fs_lock *add(struct fs_locks *l, uint64_t ino, const void *owner, uint8_t kind,
			   uint64_t start, uint64_t end)
{
	struct fs_lock *k = malloc(sizeof(*k));
	if (k) {
		*k = (struct fs_lock){ l->list, ino, owner, start, end, kind };
		l->list = k;
	}
	return k;
}

long fs_lock_set(struct fs_locks *l, uint64_t ino, const void *owner, uint8_t kind, uint64_t start,
		 uint64_t len)
{
	uint64_t end;
	if (kind > FS_LOCK_EXCLUSIVE || !range_of(start, len, &end))
		return FS_FS_ERROR_INVALID;
	if (kind != FS_LOCK_NONE && conflict(l, ino, owner, kind, start, end))
		return FS_FS_ERROR_WOULD_BLOCK;
	/* A lock split in two needs one more entry: made first, so that a
	 * failure changes nothing. */
	struct fs_lock *spare = malloc(sizeof(*spare)), *fresh = NULL;
	if (!spare || (kind != FS_LOCK_NONE && !(fresh = add(l, ino, owner, kind, start, end)))) {
		free(spare);
		return FS_FS_ERROR_NO_MEMORY;
	}
	for (struct fs_lock **p = &l->list; *p;) {
		struct fs_lock *k = *p;
		if (k == fresh || k->ino != ino || k->owner != owner || k->end <= start ||
		    end <= k->start) {
			p = &k->next;
			continue;
		}
		if (k->start < start && end < k->end) { /* the middle goes */
			*spare = (struct fs_lock){ k->next, ino, owner, end, k->end, k->kind };
			k->end = start;
			k->next = spare;
			spare = NULL;
			break;
		}
		if (k->start < start) {
			k->end = start;
		} else if (end < k->end) {
			k->start = end;
		} else { /* wholly inside the range */
			*p = k->next;
			free(k);
			continue;
		}
		p = &k->next;
	}
	free(spare);
	/* The owner's locks of the same kind that touch the new one become
	 * one with it (none overlaps it now), so that testlock answers the
	 * whole of a range locked piece by piece, as POSIX's F_GETLK does. */
	for (struct fs_lock **p = &l->list; fresh && *p;) {
		struct fs_lock *k = *p;
		if (k != fresh && k->ino == ino && k->owner == owner && k->kind == kind &&
		    (k->end == fresh->start || k->start == fresh->end)) {
			fresh->start = k->start < fresh->start ? k->start : fresh->start;
			fresh->end = k->end > fresh->end ? k->end : fresh->end;
			*p = k->next;
			free(k);
			continue;
		}
		p = &k->next;
	}
	/* Whatever changed, a waiter of the inode may now fit: it asks again. */
	fs_waiters_wake(&l->waiters, fs_waiter_key_due, &ino);
	return 0;
}

long fs_lock_wait(struct fs_locks *l, uint64_t ino, const void *owner, uint8_t kind, uint64_t start,
		  uint64_t len, vg_handle_t note)
{
	long st = fs_lock_set(l, ino, owner, kind, start, len);
	if (st == FS_FS_ERROR_WOULD_BLOCK)
		fs_waiters_add(&l->waiters,
			       &(struct fs_waiter){ .owner = owner, .key = ino, .note = note });
	else
		vg_handle_close(note);
	return st;
}

uint8_t fs_lock_test(struct fs_locks *l, uint64_t ino, const void *owner, uint8_t kind,
		     uint64_t start, uint64_t len, uint64_t *at, uint64_t *count)
{
	uint64_t end;
	const struct fs_lock *k = NULL;
	if (kind != FS_LOCK_NONE && kind <= FS_LOCK_EXCLUSIVE && range_of(start, len, &end))
		k = conflict(l, ino, owner, kind, start, end);
	*at = k ? k->start : 0;
	*count = k && k->end != UINT64_MAX ? k->end - k->start : 0;
	return k ? k->kind : FS_LOCK_NONE;
}

void fs_lock_drop_owner(struct fs_locks *l, const void *owner)
{
	for (struct fs_lock **p = &l->list; *p;) {
		struct fs_lock *k = *p;
		if (k->owner == owner) {
			*p = k->next;
			fs_waiters_wake(&l->waiters, fs_waiter_key_due, &k->ino);
			free(k);
		} else {
			p = &k->next;
		}
	}
	fs_waiters_wake(&l->waiters, fs_waiter_owner_due, (void *)owner);
}
