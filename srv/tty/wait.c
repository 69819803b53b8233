// SPDX-License-Identifier: BSD-2-Clause
// Waiting for a terminal (tty.h; docs/ARCHITECTURE.md sections 17
// "Waking" and 18): file.arm keeps the caller's notification among the
// terminal's waiters (srv/fscommon/waiters.h) when what it waits for does
// not hold, and every change of the terminal (input, output taken or
// queued, a mode, a flush, a hang-up) wakes those for whom it now holds.
// A raw read waiting on VTIME is due by time alone: the timer thread
// wakes the terminals whose earliest such moment has come.
#include "tty.h"

#include <stdio.h>
#include <time.h>
#include <vg/vg.h>

static struct tty *terminals; /* every terminal of this server, by tty_init */
static pthread_mutex_t timer_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t timer_moved;
static uint64_t timer_at = UINT64_MAX; /* the earliest moment a waiter is due */

void tty_init(struct tty *t, void (*output)(struct tty *))
{
	*t = (struct tty){ .output = output, .next = terminals };
	pthread_mutex_init(&t->lock, NULL);
	terminals = t;
	tty_reset(t);
}

/* The moment at (monotonic ns) a waiter of some terminal becomes due.
 * Under that terminal's lock. */
static void timer_set(uint64_t at)
{
	pthread_mutex_lock(&timer_lock);
	if (at < timer_at) {
		timer_at = at;
		pthread_cond_signal(&timer_moved);
	}
	pthread_mutex_unlock(&timer_lock);
}

uint8_t tty_events(struct tty *t, uint32_t need, uint64_t now, uint64_t *at)
{
	*at = 0;
	if (t->hung_up) /* reads end, writes fail: nothing to wait for */
		return TTY_READY_IN | TTY_READY_OUT | TTY_READY_HUP;
	bool in = need ? ldisc_read_ready(&t->ld, need, now, at) : ldisc_readable(&t->ld);
	return (in ? TTY_READY_IN : 0) | (ldisc_out_room(&t->ld) ? TTY_READY_OUT : 0);
}

static uint8_t events_of(struct tty *t, const struct fs_open *f, uint32_t need, uint64_t now,
			 uint64_t *at)
{
	return t->events ? t->events(t, f, need, now, at) : tty_events(t, need, now, at);
}

struct due_ctx {
	struct tty *t;
	uint64_t now, next; /* next: the earliest moment a waiter left is due */
};

static bool due(const struct fs_waiter *w, void *arg)
{
	struct due_ctx *c = arg;
	uint64_t at;
	if (events_of(c->t, w->owner, w->need, c->now, &at) & w->events)
		return true;
	if (at && at < c->next)
		c->next = at;
	return false;
}

void tty_wake(struct tty *t)
{
	if (!t->waiters.count)
		return;
	struct due_ctx c = { t, vg_clock_monotonic(), UINT64_MAX };
	fs_waiters_wake(&t->waiters, due, &c);
	if (c.next != UINT64_MAX)
		timer_set(c.next);
}

void tty_forget(struct tty *t, const struct fs_open *f)
{
	fs_waiters_wake(&t->waiters, fs_waiter_owner_due, (void *)f);
}

long tty_arm(void *ctx, uint64_t badge, uint8_t events, uint32_t need, vg_handle_t note,
	     uint8_t *ready)
{
	struct fs_open *f = fs_opens_get(ctx, badge);
	struct tty *t = f ? tty_of(ctx, badge) : NULL;
	if (!t) {
		vg_handle_close(note);
		return FS_FS_ERROR_BAD_FILE;
	}
	uint64_t at;
	pthread_mutex_lock(&t->lock);
	*ready = events_of(t, f, need, vg_clock_monotonic(), &at);
	if (*ready & events) {
		vg_handle_close(note); /* the caller goes on at once */
	} else {
		fs_waiters_add(&t->waiters,
			       &(struct fs_waiter){
				       .owner = f, .events = events, .need = need, .note = note });
		if (at)
			timer_set(at);
	}
	pthread_mutex_unlock(&t->lock);
	return 0;
}

long tty_ready_op(void *ctx, uint64_t badge, uint8_t *events)
{
	struct fs_open *f = fs_opens_get(ctx, badge);
	struct tty *t = f ? tty_of(ctx, badge) : NULL;
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	uint64_t at;
	pthread_mutex_lock(&t->lock);
	*events = events_of(t, f, 0, vg_clock_monotonic(), &at);
	pthread_mutex_unlock(&t->lock);
	return 0;
}

/* Sleeps until the earliest moment set, then wakes every terminal's
 * waiters that are due (each terminal sets the next moment again). */
static void *timer_thread(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&timer_lock);
	for (;;) {
		uint64_t now = vg_clock_monotonic();
		if (timer_at == UINT64_MAX) {
			pthread_cond_wait(&timer_moved, &timer_lock);
		} else if (now < timer_at) {
			struct timespec ts = { (time_t)(timer_at / 1000000000u),
					       (long)(timer_at % 1000000000u) };
			pthread_cond_timedwait(&timer_moved, &timer_lock, &ts);
		} else {
			timer_at = UINT64_MAX;
			pthread_mutex_unlock(&timer_lock);
			for (struct tty *t = terminals; t; t = t->next) {
				pthread_mutex_lock(&t->lock);
				tty_wake(t);
				pthread_mutex_unlock(&t->lock);
			}
			pthread_mutex_lock(&timer_lock);
		}
	}
	return NULL;
}

int tty_timer_start(void)
{
	pthread_condattr_t a;
	pthread_t thread;
	if (pthread_condattr_init(&a) || pthread_condattr_setclock(&a, CLOCK_MONOTONIC) ||
	    pthread_cond_init(&timer_moved, &a) ||
	    pthread_create(&thread, NULL, timer_thread, NULL)) {
		printf("tty: no timer thread for VTIME\n");
		return -1;
	}
	return 0;
}
