// SPDX-License-Identifier: BSD-2-Clause
// Timers on the event loop.
#include <async/timer.h>
#include <vg/vg.h>

static void timer_packet(struct async_loop *loop, struct async_source *src,
			 const struct vg_port_packet *pkt)
{
	struct async_timer *t = (struct async_timer *)src;
	if (pkt->status < 0)
		return; /* the timer went away: nothing to re-arm */
	async_source_arm(loop, src);
	t->fn(loop, t, pkt->data[0]);
}

long async_timer_init(struct async_loop *loop, struct async_timer *t, async_timer_fn fn, void *ctx)
{
	vg_handle_t h;
	long st = vg_timer_create(&h);
	if (st)
		return st;
	t->fn = fn;
	t->ctx = ctx;
	st = async_source_add(loop, &t->src, h, timer_packet, t);
	if (st)
		vg_handle_close(h);
	return st;
}

long async_timer_set(struct async_timer *t, uint64_t deadline, uint64_t period)
{
	return vg_timer_set(t->src.handle, deadline, period);
}

long async_timer_cancel(struct async_timer *t)
{
	return vg_timer_cancel(t->src.handle);
}

void async_timer_destroy(struct async_loop *loop, struct async_timer *t)
{
	async_source_remove(loop, &t->src);
	vg_handle_close(t->src.handle);
}
