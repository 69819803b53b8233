// SPDX-License-Identifier: BSD-2-Clause
// Futures: continuations, waiting, all-of, deadlines.
#include <async/future.h>
#include <vg/vg.h>

void async_future_init(struct async_future *f, struct async_loop *loop)
{
	*f = (struct async_future){ .loop = loop };
}

bool async_future_resolve(struct async_future *f, long status, uint64_t value)
{
	if (f->done)
		return false;
	f->done = true;
	f->status = status;
	f->value = value;
	/* A continuation may add others or free the future's owner: take the
	 * list first. */
	struct async_then *t = f->thens;
	f->thens = NULL;
	while (t) {
		struct async_then *next = t->next;
		t->fn(f, t->ctx);
		t = next;
	}
	return true;
}

void async_future_then(struct async_future *f, struct async_then *t, async_then_fn fn, void *ctx)
{
	t->fn = fn;
	t->ctx = ctx;
	t->next = NULL;
	if (f->done) {
		fn(f, ctx);
		return;
	}
	struct async_then **p = &f->thens;
	while (*p)
		p = &(*p)->next;
	*p = t;
}

long async_future_wait(struct async_future *f, uint64_t deadline)
{
	while (!f->done) {
		long st = async_loop_run_once(f->loop, deadline);
		if (st)
			return st;
	}
	return f->status;
}

static void all_one_done(struct async_future *f, void *ctx)
{
	(void)f;
	struct async_all *all = ctx;
	if (--all->pending)
		return;
	long status = 0;
	for (size_t i = 0; i < all->n && !status; i++)
		status = all->of[i]->status;
	async_future_resolve(&all->out, status, all->n);
}

long async_all(struct async_all *all, struct async_loop *loop, struct async_future *const *fs,
	       size_t n)
{
	if (n > ASYNC_ALL_MAX)
		return ERR_INVALID_ARGS;
	async_future_init(&all->out, loop);
	all->n = n;
	all->of = fs;
	/* One extra count held while the continuations are added, so that
	 * futures already done do not resolve `out` before the last is in. */
	all->pending = n + 1;
	for (size_t i = 0; i < n; i++)
		async_future_then(fs[i], &all->thens[i], all_one_done, all);
	all_one_done(NULL, all);
	return 0;
}

static void deadline_passed(struct async_loop *loop, struct async_timer *t, uint64_t count)
{
	(void)count;
	struct async_deadline *d = t->ctx;
	async_timer_destroy(loop, t);
	d->armed = false;
	async_future_resolve(d->f, ERR_TIMED_OUT, 0);
}

static void deadline_beaten(struct async_future *f, void *ctx)
{
	struct async_deadline *d = ctx;
	if (d->armed) {
		d->armed = false;
		async_timer_destroy(f->loop, &d->timer);
	}
}

long async_future_timeout(struct async_deadline *d, struct async_future *f, uint64_t deadline)
{
	d->f = f;
	d->armed = false;
	if (f->done)
		return 0;
	long st = async_timer_init(f->loop, &d->timer, deadline_passed, d);
	if (st)
		return st;
	st = async_timer_set(&d->timer, deadline, 0);
	if (st) {
		async_timer_destroy(f->loop, &d->timer);
		return st;
	}
	d->armed = true;
	async_future_then(f, &d->then, deadline_beaten, d);
	return 0;
}
