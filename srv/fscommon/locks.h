/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Advisory byte-range locks of a filesystem server (idl/fs.idl, file.lock),
 * shared by every filesystem: a list per server of (inode, owner, range,
 * kind), where the owner is an open file (struct fs_open). flock() is a
 * lock of the whole file; fcntl's F_SETLK locks are owned by the open file
 * too (the semantics of Linux's "open file description" locks: the server
 * does not know processes). All of an open file's locks end when it does.
 */
#ifndef SRV_FSCOMMON_LOCKS_H
#define SRV_FSCOMMON_LOCKS_H

#include <stdint.h>

#include "waiters.h"

#define FS_LOCK_NONE 0u
#define FS_LOCK_SHARED 1u
#define FS_LOCK_EXCLUSIVE 2u

struct fs_lock {
	struct fs_lock *next;
	uint64_t ino;
	const void *owner;
	uint64_t start, end; /* [start, end); end UINT64_MAX: to the end */
	uint8_t kind;
};

struct fs_locks {
	struct fs_lock *list;
	struct fs_waiters waiters; /* key: the inode */
};

/* Sets owner's lock of kind over [start, start + len) (len 0: to the end),
 * replacing what owner held there; FS_LOCK_NONE unlocks. 0, or
 * FS_FS_ERROR_WOULD_BLOCK, FS_FS_ERROR_INVALID, FS_FS_ERROR_NO_MEMORY. */
long fs_lock_set(struct fs_locks *l, uint64_t ino, const void *owner, uint8_t kind, uint64_t start,
		 uint64_t len);
/* fs_lock_set that waits (file.lockwait): on a conflict, note is kept
 * among the inode's waiters and FS_FS_ERROR_WOULD_BLOCK returned; it is
 * signalled when a lock of ino is released or changed (any successful
 * fs_lock_set of ino, fs_lock_drop_owner of a holder) or when owner's
 * open file ends. Otherwise note is closed. */
long fs_lock_wait(struct fs_locks *l, uint64_t ino, const void *owner, uint8_t kind, uint64_t start,
		  uint64_t len, vg_handle_t note);
/* The first lock of another owner conflicting with kind over the range:
 * its kind (FS_LOCK_NONE if none), start and length (0: to the end). */
uint8_t fs_lock_test(struct fs_locks *l, uint64_t ino, const void *owner, uint8_t kind,
		     uint64_t start, uint64_t len, uint64_t *at, uint64_t *count);
/* Drops every lock of owner (its open file ended), waking whoever waits
 * on the inodes it held locks of, and owner's own waiters. */
void fs_lock_drop_owner(struct fs_locks *l, const void *owner);

#endif
