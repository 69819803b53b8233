// SPDX-License-Identifier: BSD-2-Clause
// What every file server shares for waiting clients and record locks
// (srv/fscommon/waiters.c, locks.c) on the host: waiters kept and woken by
// key and by owner, a full list waking its oldest, a failed allocation
// waking the newcomer at once; byte-range locks conflicting, replaced,
// split and joined, testlock's (F_GETLK's) answers, a holder's end
// releasing its locks and waking who waits, and a failed allocation
// changing nothing. The notifications are numbers the fakes below record
// (tests/host/fsfake/vg/vg.h); the servers' allocations go through
// fscommon_malloc and fscommon_realloc (fs.mk), which a test can make
// fail.
#include "../../srv/fscommon/locks.h"
#include <fs.h>
#include <stdlib.h>
#include <string.h>
#include <vtest.h>

#define NOTES 4096

/* Per notification: how many times signalled (with bit 0) and closed. */
static unsigned signalled[NOTES], closed[NOTES];
static int fail_in; /* 0: allocations succeed; n: the n-th from now fails */

static bool alloc_fails(void)
{
	return fail_in && --fail_in == 0;
}

long vg_notification_signal(vg_handle_t h, uint64_t bits)
{
	if (h < NOTES && bits == 1)
		signalled[h]++;
	return 0;
}

long vg_handle_close(vg_handle_t h)
{
	if (h < NOTES)
		closed[h]++;
	return 0;
}

void *fscommon_malloc(size_t n);
void *fscommon_realloc(void *p, size_t n);

void *fscommon_malloc(size_t n)
{
	return alloc_fails() ? NULL : malloc(n);
}

void *fscommon_realloc(void *p, size_t n)
{
	return alloc_fails() ? NULL : realloc(p, n);
}

static void reset(void)
{
	memset(signalled, 0, sizeof(signalled));
	memset(closed, 0, sizeof(closed));
	fail_in = 0;
}

/* Woken: signalled once and closed once (the waiter is dropped). */
static bool woken(vg_handle_t h)
{
	return signalled[h] == 1 && closed[h] == 1;
}

static bool untouched(vg_handle_t h)
{
	return signalled[h] == 0 && closed[h] == 0;
}

static const char owner_a, owner_b, owner_c; /* open files: only their addresses count */
#define A (&owner_a)
#define B (&owner_b)
#define C (&owner_c)

static void add(struct fs_waiters *l, const void *owner, uint64_t key, vg_handle_t note)
{
	fs_waiters_add(l, &(struct fs_waiter){ .owner = owner, .key = key, .note = note });
}

static void waiters_free(struct fs_waiters *l)
{
	free(l->list);
	*l = (struct fs_waiters){ 0 };
}

TEST(fscommon, waiters_woken_by_key_and_owner)
{
	reset();
	struct fs_waiters l = { 0 };
	add(&l, A, 1, 10);
	add(&l, B, 2, 11);
	add(&l, A, 1, 12);
	add(&l, C, 3, 13);
	CHECK_EQ_U(l.count, 4);
	CHECK(untouched(10) && untouched(11) && untouched(12) && untouched(13));
	uint64_t key = 1;
	fs_waiters_wake(&l, fs_waiter_key_due, &key);
	CHECK(woken(10) && woken(12));
	CHECK(untouched(11) && untouched(13));
	/* The rest keep their order. */
	CHECK_EQ_U(l.count, 2);
	CHECK_EQ_U(l.list[0].note, 11);
	CHECK_EQ_U(l.list[1].note, 13);
	/* Woken once: waking the key again touches nobody. */
	fs_waiters_wake(&l, fs_waiter_key_due, &key);
	CHECK(woken(10) && woken(12));
	fs_waiters_wake(&l, fs_waiter_owner_due, (void *)C);
	CHECK(woken(13) && untouched(11));
	CHECK_EQ_U(l.count, 1);
	fs_waiters_wake(&l, fs_waiter_owner_due, (void *)B);
	CHECK(woken(11));
	CHECK_EQ_U(l.count, 0);
	waiters_free(&l);
}

TEST(fscommon, full_list_wakes_its_oldest)
{
	reset();
	struct fs_waiters l = { 0 };
	for (vg_handle_t n = 1; n <= FS_WAITERS_MAX; n++)
		add(&l, A, 7, n);
	CHECK_EQ_U(l.count, FS_WAITERS_MAX);
	for (vg_handle_t n = 1; n <= FS_WAITERS_MAX; n++)
		CHECK(untouched(n));
	/* One more: the oldest goes (woken early, it asks again), the
	 * newcomer is kept last. */
	add(&l, B, 7, FS_WAITERS_MAX + 1);
	CHECK(woken(1));
	CHECK(untouched(2) && untouched(FS_WAITERS_MAX + 1));
	CHECK_EQ_U(l.count, FS_WAITERS_MAX);
	CHECK_EQ_U(l.list[0].note, 2);
	CHECK_EQ_U(l.list[FS_WAITERS_MAX - 1].note, FS_WAITERS_MAX + 1);
	add(&l, B, 7, FS_WAITERS_MAX + 2);
	CHECK(woken(2) && untouched(3));
	uint64_t key = 7;
	fs_waiters_wake(&l, fs_waiter_key_due, &key);
	for (vg_handle_t n = 1; n <= FS_WAITERS_MAX + 2; n++)
		CHECK(woken(n));
	CHECK_EQ_U(l.count, 0);
	waiters_free(&l);
}

TEST(fscommon, waiter_without_memory_is_woken_at_once)
{
	reset();
	struct fs_waiters l = { 0 };
	fail_in = 1;
	add(&l, A, 1, 20);
	CHECK(woken(20)); /* never kept, never lost */
	CHECK_EQ_U(l.count, 0);
	/* A list that cannot grow gives up its oldest instead. */
	for (vg_handle_t n = 21; n < 29; n++)
		add(&l, A, 1, n);
	CHECK_EQ_U(l.count, 8);
	fail_in = 1;
	add(&l, A, 1, 29);
	CHECK(woken(21) && untouched(29));
	CHECK_EQ_U(l.count, 8);
	CHECK_EQ_U(l.list[7].note, 29);
	waiters_free(&l);
}

static void locks_free(struct fs_locks *l)
{
	while (l->list) {
		struct fs_lock *k = l->list;
		l->list = k->next;
		free(k);
	}
	waiters_free(&l->waiters);
}

/* testlock's answer for owner asking kind over [start, start + len). */
struct answer {
	uint8_t kind;
	uint64_t at, count;
};

static struct answer test_lock(struct fs_locks *l, const void *owner, uint8_t kind, uint64_t start,
			       uint64_t len)
{
	struct answer a;
	a.kind = fs_lock_test(l, 1, owner, kind, start, len, &a.at, &a.count);
	return a;
}

#define SH FS_LOCK_SHARED
#define EX FS_LOCK_EXCLUSIVE
#define UN FS_LOCK_NONE

TEST(fscommon, locks_conflict_when_one_is_exclusive)
{
	reset();
	struct fs_locks l = { 0 };
	CHECK_EQ_I(fs_lock_set(&l, 1, A, SH, 0, 10), 0);
	CHECK_EQ_I(fs_lock_set(&l, 1, B, SH, 5, 10), 0); /* shared with shared */
	CHECK_EQ_I(fs_lock_set(&l, 1, C, EX, 8, 1), FS_FS_ERROR_WOULD_BLOCK);
	CHECK_EQ_I(fs_lock_set(&l, 1, C, SH, 8, 1), 0);
	CHECK_EQ_I(fs_lock_set(&l, 1, C, EX, 15, 0), 0); /* [15, end): touches nobody */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 20, 5), FS_FS_ERROR_WOULD_BLOCK);
	CHECK_EQ_I(fs_lock_set(&l, 1, A, SH, 14, 1), 0);
	/* Another inode is another file. */
	CHECK_EQ_I(fs_lock_set(&l, 2, A, EX, 0, 0), 0);
	/* An owner's own locks never conflict: A's shared lock becomes
	 * exclusive where nobody else holds one. */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 0, 5), 0);
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 0, 6), FS_FS_ERROR_WOULD_BLOCK);
	/* Bad kinds and ranges. */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, 3, 0, 1), FS_FS_ERROR_INVALID);
	CHECK_EQ_I(fs_lock_set(&l, 1, A, SH, UINT64_MAX, 2), FS_FS_ERROR_INVALID);
	struct answer a = test_lock(&l, A, 3, 0, 1);
	CHECK_EQ_U(a.kind, UN);
	locks_free(&l);
}

TEST(fscommon, testlock_answers_the_first_conflict)
{
	reset();
	struct fs_locks l = { 0 };
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 100, 50), 0);
	CHECK_EQ_I(fs_lock_set(&l, 1, B, SH, 300, 0), 0);
	struct answer a = test_lock(&l, C, SH, 0, 120);
	CHECK(a.kind == EX && a.at == 100 && a.count == 50);
	a = test_lock(&l, C, SH, 150, 10); /* just past A's */
	CHECK_EQ_U(a.kind, UN);
	CHECK(a.at == 0 && a.count == 0);
	a = test_lock(&l, C, SH, 400, 1); /* shared with shared */
	CHECK_EQ_U(a.kind, UN);
	a = test_lock(&l, C, EX, 1000, 0);
	CHECK(a.kind == SH && a.at == 300 && a.count == 0); /* to the end */
	a = test_lock(&l, A, EX, 100, 50); /* its own */
	CHECK_EQ_U(a.kind, UN);
	a = test_lock(&l, C, UN, 0, 0); /* unlocking conflicts with nothing */
	CHECK_EQ_U(a.kind, UN);
	locks_free(&l);
}

TEST(fscommon, locks_split_trim_and_join)
{
	reset();
	struct fs_locks l = { 0 };
	/* Unlocking the middle splits the lock in two. */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 0, 100), 0);
	CHECK_EQ_I(fs_lock_set(&l, 1, A, UN, 40, 20), 0);
	CHECK_EQ_I(fs_lock_set(&l, 1, B, EX, 40, 20), 0);
	struct answer a = test_lock(&l, C, SH, 0, 40);
	CHECK(a.kind == EX && a.at == 0 && a.count == 40);
	a = test_lock(&l, C, SH, 60, 1000);
	CHECK(a.kind == EX && a.at == 60 && a.count == 40);
	CHECK_EQ_I(fs_lock_set(&l, 1, B, UN, 0, 0), 0);
	/* Relocking the middle as it was makes one lock again, and so do
	 * pieces locked one after the other. */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 40, 20), 0);
	a = test_lock(&l, C, SH, 50, 1);
	CHECK(a.kind == EX && a.at == 0 && a.count == 100);
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 100, 10), 0);
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 110, 0), 0);
	a = test_lock(&l, C, SH, 50, 1);
	CHECK(a.kind == EX && a.at == 0 && a.count == 0);
	/* A different kind in the middle: three pieces, no joining. */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, SH, 10, 10), 0);
	a = test_lock(&l, C, SH, 0, 0);
	CHECK(a.kind == EX);
	CHECK_EQ_I(fs_lock_set(&l, 1, C, SH, 10, 10), 0);
	CHECK_EQ_I(fs_lock_set(&l, 1, C, SH, 9, 1), FS_FS_ERROR_WOULD_BLOCK);
	CHECK_EQ_I(fs_lock_set(&l, 1, C, SH, 20, 1), FS_FS_ERROR_WOULD_BLOCK);
	/* Trimming from either side. */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, UN, 0, 5), 0);
	CHECK_EQ_I(fs_lock_set(&l, 1, A, UN, 30, 0), 0);
	a = test_lock(&l, B, SH, 0, 0);
	CHECK(a.kind == EX && a.at == 5 && a.count == 5);
	a = test_lock(&l, B, SH, 20, 0);
	CHECK(a.kind == EX && a.at == 20 && a.count == 10);
	CHECK_EQ_I(fs_lock_set(&l, 1, B, EX, 30, 0), 0);
	locks_free(&l);
}

TEST(fscommon, failed_allocation_changes_nothing)
{
	reset();
	struct fs_locks l = { 0 };
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 0, 100), 0);
	fail_in = 1; /* the spare for a split */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, UN, 40, 20), FS_FS_ERROR_NO_MEMORY);
	struct answer a = test_lock(&l, B, SH, 50, 1);
	CHECK(a.kind == EX && a.at == 0 && a.count == 100);
	fail_in = 2; /* the new lock, after the spare */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, SH, 40, 20), FS_FS_ERROR_NO_MEMORY);
	CHECK_EQ_I(fail_in, 0);
	a = test_lock(&l, B, SH, 50, 1);
	CHECK(a.kind == EX && a.at == 0 && a.count == 100);
	locks_free(&l);
}

TEST(fscommon, lock_waiters_woken_by_changes_and_ends)
{
	reset();
	struct fs_locks l = { 0 };
	CHECK_EQ_I(fs_lock_set(&l, 1, A, EX, 0, 10), 0);
	CHECK_EQ_I(fs_lock_set(&l, 2, C, EX, 0, 10), 0);
	/* No conflict: the lock is taken and the note closed unsignalled. */
	CHECK_EQ_I(fs_lock_wait(&l, 1, B, EX, 10, 10, 30), 0);
	CHECK(signalled[30] == 0 && closed[30] == 1);
	/* Conflicts: B waits on inode 1, A on inode 2. */
	CHECK_EQ_I(fs_lock_wait(&l, 1, B, EX, 5, 1, 31), FS_FS_ERROR_WOULD_BLOCK);
	CHECK_EQ_I(fs_lock_wait(&l, 2, A, SH, 0, 1, 32), FS_FS_ERROR_WOULD_BLOCK);
	CHECK(untouched(31) && untouched(32));
	/* Any change of inode 1's locks wakes its waiters (they ask again),
	 * not inode 2's. */
	CHECK_EQ_I(fs_lock_set(&l, 1, A, SH, 0, 2), 0);
	CHECK(woken(31) && untouched(32));
	CHECK_EQ_I(fs_lock_wait(&l, 1, B, EX, 5, 1, 33), FS_FS_ERROR_WOULD_BLOCK);
	/* A's open file ends: its locks go, and its inode's waiters wake
	 * (B's lock can be had now), and so does A's own wait on inode 2
	 * (it finds EBADF). */
	fs_lock_drop_owner(&l, A);
	CHECK(woken(33));
	CHECK(woken(32));
	CHECK_EQ_U(l.waiters.count, 0);
	struct answer a = test_lock(&l, B, EX, 0, 0);
	CHECK_EQ_U(a.kind, UN);
	CHECK_EQ_I(fs_lock_set(&l, 1, B, EX, 0, 0), 0);
	/* C waits on B; B ends with several locks of the inode: C is woken
	 * once. */
	CHECK_EQ_I(fs_lock_set(&l, 1, B, SH, 50, 10), 0);
	CHECK_EQ_I(fs_lock_wait(&l, 1, C, EX, 0, 1, 34), FS_FS_ERROR_WOULD_BLOCK);
	fs_lock_drop_owner(&l, B);
	CHECK(woken(34));
	a = test_lock(&l, A, EX, 0, 0);
	CHECK_EQ_U(a.kind, UN);
	locks_free(&l);
}
