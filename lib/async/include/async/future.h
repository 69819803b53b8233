/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Futures on the event loop: a status and a value that arrive later.
 * Everything here runs on the loop thread (other threads resolve through
 * async_loop_post, as <async/call.h> does).
 *
 *   async_future_then      run a function when the future is resolved
 *   async_future_wait      run the loop until it is, or a deadline
 *   async_all              a future resolved when all of n others are
 *   async_future_timeout   resolve it with ERR_TIMED_OUT at a deadline
 *
 * A future is resolved once; later resolutions are ignored (and reported:
 * async_future_resolve returns false), so a timeout and a late completion
 * cannot both win.
 */
#ifndef ASYNC_FUTURE_H
#define ASYNC_FUTURE_H

#include <async/timer.h>
#include <stdbool.h>
#include <stddef.h>

struct async_future;
typedef void (*async_then_fn)(struct async_future *f, void *ctx);

struct async_then {
	struct async_then *next;
	async_then_fn fn;
	void *ctx;
};

struct async_future {
	struct async_loop *loop;
	bool done;
	long status; /* 0 or an error, when done */
	uint64_t value;
	struct async_then *thens; /* in the order they were added */
};

void async_future_init(struct async_future *f, struct async_loop *loop);
/* Resolves f and runs its continuations in order; false if f was done. */
bool async_future_resolve(struct async_future *f, long status, uint64_t value);
/* fn(f, ctx) when f is resolved: at once if it is. t is the caller's. */
void async_future_then(struct async_future *f, struct async_then *t, async_then_fn fn, void *ctx);
/* Runs the loop until f is resolved (its status) or the deadline passes
 * (ERR_TIMED_OUT, f still pending), or the port fails. */
long async_future_wait(struct async_future *f, uint64_t deadline);

/* All of up to ASYNC_ALL_MAX futures: `out` is resolved when each is, with
 * status 0 or the first error among them (in their order) and value n. */
#define ASYNC_ALL_MAX 32
struct async_all {
	struct async_future out;
	size_t pending, n;
	struct async_future *const *of;
	struct async_then thens[ASYNC_ALL_MAX];
};
/* ERR_INVALID_ARGS for n over ASYNC_ALL_MAX. n == 0 resolves at once. */
long async_all(struct async_all *all, struct async_loop *loop, struct async_future *const *fs,
	       size_t n);

/* Resolves f with ERR_TIMED_OUT at deadline unless it is resolved first
 * (then the timer is destroyed). d is the caller's until either happens. */
struct async_deadline {
	struct async_timer timer;
	struct async_future *f;
	struct async_then then;
	bool armed;
};
long async_future_timeout(struct async_deadline *d, struct async_future *f, uint64_t deadline);

#endif
