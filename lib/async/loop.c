// SPDX-License-Identifier: BSD-2-Clause
// The event loop: sources in slots, packets to their functions, posts from
// other threads.
#include <async/loop.h>
#include <vg/lock.h>
#include <vg/vg.h>

#define SLOT_OF(key) ((uint32_t)(key) % ASYNC_MAX_SOURCES)

static void drain_posts(struct async_loop *loop, struct async_source *src,
			const struct vg_port_packet *pkt);

long async_loop_init(struct async_loop *loop)
{
	*loop = (struct async_loop){ 0 };
	loop->posted_tail = &loop->posted;
	long st = vg_port_create(&loop->port);
	if (st)
		return st;
	st = vg_notification_create(&loop->wake);
	if (st) {
		vg_handle_close(loop->port);
		return st;
	}
	st = async_source_add(loop, &loop->wake_src, loop->wake, drain_posts, NULL);
	if (st) {
		vg_handle_close(loop->wake);
		vg_handle_close(loop->port);
	}
	return st;
}

long async_loop_destroy(struct async_loop *loop)
{
	if (__atomic_load_n(&loop->calls_in_flight, __ATOMIC_ACQUIRE))
		return ERR_BUSY;
	vg_handle_close(loop->wake);
	vg_handle_close(loop->port);
	loop->port = loop->wake = VG_HANDLE_INVALID;
	return 0;
}

long async_source_add(struct async_loop *loop, struct async_source *src, vg_handle_t handle,
		      async_source_fn fn, void *ctx)
{
	for (uint32_t i = 0; i < ASYNC_MAX_SOURCES; i++) {
		if (loop->slots[i])
			continue;
		src->handle = handle;
		src->fn = fn;
		src->ctx = ctx;
		src->armed = false;
		/* The generation tells a stale packet of an earlier occupant. */
		src->key = (uint64_t)++loop->generation << 32 | i;
		loop->slots[i] = src;
		long st = async_source_arm(loop, src);
		if (st)
			loop->slots[i] = NULL;
		return st;
	}
	return ERR_NO_MEMORY;
}

long async_source_arm(struct async_loop *loop, struct async_source *src)
{
	if (src->armed)
		return 0;
	long st = vg_port_bind(loop->port, src->handle, src->key);
	if (!st)
		src->armed = true;
	return st;
}

void async_source_remove(struct async_loop *loop, struct async_source *src)
{
	if (src->armed)
		vg_port_unbind(loop->port, src->handle, src->key);
	src->armed = false;
	if (loop->slots[SLOT_OF(src->key)] == src)
		loop->slots[SLOT_OF(src->key)] = NULL;
}

long async_loop_run_once(struct async_loop *loop, uint64_t deadline)
{
	struct vg_port_packet pkt;
	long st = vg_port_wait(loop->port, deadline, &pkt);
	if (st)
		return st;
	loop->packets++;
	struct async_source *src = loop->slots[SLOT_OF(pkt.key)];
	if (!src || src->key != pkt.key)
		return 0; /* removed while its packet was queued */
	src->armed = false;
	src->fn(loop, src, &pkt);
	return 0;
}

long async_loop_run(struct async_loop *loop)
{
	loop->quit = false;
	while (!loop->quit) {
		long st = async_loop_run_once(loop, UINT64_MAX);
		if (st)
			return st;
	}
	return loop->quit_code;
}

void async_loop_quit(struct async_loop *loop, long code)
{
	loop->quit = true;
	loop->quit_code = code;
}

void async_loop_post(struct async_loop *loop, struct async_post *post)
{
	post->next = NULL;
	vg_lock(&loop->post_lock);
	*loop->posted_tail = post;
	loop->posted_tail = &post->next;
	vg_unlock(&loop->post_lock);
	vg_notification_signal(loop->wake, 1);
}

/* The wake notification's packet: run everything posted so far. */
static void drain_posts(struct async_loop *loop, struct async_source *src,
			const struct vg_port_packet *pkt)
{
	(void)pkt;
	vg_lock(&loop->post_lock);
	struct async_post *p = loop->posted;
	loop->posted = NULL;
	loop->posted_tail = &loop->posted;
	vg_unlock(&loop->post_lock);
	async_source_arm(loop, src);
	while (p) {
		struct async_post *next = p->next;
		p->fn(p);
		p = next;
	}
}
