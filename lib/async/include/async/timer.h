/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Timers on the event loop: one kernel timer each, bound to the loop's
 * port for as long as the timer is added. fn runs on the loop thread with
 * the expirations counted since the last call (more than one when the loop
 * was late for a periodic timer).
 */
#ifndef ASYNC_TIMER_H
#define ASYNC_TIMER_H

#include <async/loop.h>

struct async_timer;
typedef void (*async_timer_fn)(struct async_loop *loop, struct async_timer *t, uint64_t count);

struct async_timer {
	struct async_source src;
	async_timer_fn fn;
	void *ctx;
};

/* A kernel timer, added to the loop but not set: 0 or an ERR_*. */
long async_timer_init(struct async_loop *loop, struct async_timer *t, async_timer_fn fn, void *ctx);
/* Fires at deadline (monotonic ns), then every period ns unless 0. */
long async_timer_set(struct async_timer *t, uint64_t deadline, uint64_t period);
long async_timer_cancel(struct async_timer *t);
/* Removes the timer from the loop and closes the kernel timer. */
void async_timer_destroy(struct async_loop *loop, struct async_timer *t);

#endif
