/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lib/async: an event loop on a port (docs/IPC.md, section 8).
 *
 * One thread runs the loop; sources (endpoints, notifications, timers,
 * thread and process exits, later irqs) are bound to the loop's port and
 * each packet calls its source's function on that thread. Port bindings
 * are one-shot (docs/ARCHITECTURE.md, section 12): the loop marks a source
 * disarmed when its packet arrives, and the function (or the helpers below,
 * which do it for servers and timers) re-arms it with async_source_arm.
 *
 * Nothing is allocated: every structure is the caller's, and must stay
 * where it is while it is added to a loop. A source's port key is a slot
 * index with a generation, not its address, so that a packet still queued
 * for a source that was removed is recognised and dropped.
 *
 * Other threads hand work to the loop thread with async_loop_post (the
 * completions of asynchronous calls, <async/call.h>): a list under a lock
 * and a notification bound to the port.
 */
#ifndef ASYNC_LOOP_H
#define ASYNC_LOOP_H

#include <stdbool.h>
#include <stdint.h>
#include <verdigris/types.h>

struct async_loop;
struct async_source;

/* Called on the loop thread with the packet (pkt->status < 0: the source
 * went away, ERR_CANCELED or ERR_PEER_CLOSED). */
typedef void (*async_source_fn)(struct async_loop *loop, struct async_source *src,
				const struct vg_port_packet *pkt);

struct async_source {
	vg_handle_t handle; /* needs the wait right */
	async_source_fn fn;
	void *ctx;
	uint64_t key; /* set by async_source_add */
	bool armed;
};

/* Work handed to the loop thread from any thread. */
struct async_post {
	struct async_post *next;
	void (*fn)(struct async_post *post);
};

#define ASYNC_MAX_SOURCES 256

struct async_loop {
	vg_handle_t port;
	bool quit;
	long quit_code;
	uint32_t generation;
	struct async_source *slots[ASYNC_MAX_SOURCES];
	vg_handle_t wake; /* a notification: posts are waiting */
	struct async_source wake_src;
	uint32_t post_lock;
	struct async_post *posted, **posted_tail;
	uint32_t calls_in_flight; /* asynchronous calls not yet completed */
	uint64_t packets; /* handled, for statistics and tests */
};

/* A port and the wake notification: 0 or an ERR_*. */
long async_loop_init(struct async_loop *loop);
/* Closes the port and the notification; the sources' handles stay the
 * callers'. ERR_BUSY (and nothing done) while asynchronous calls are in
 * flight. */
long async_loop_destroy(struct async_loop *loop);

/* Adds src (a slot) and arms it: fn(loop, src, pkt) runs on the next packet.
 * ERR_NO_MEMORY when every slot is taken, or port_bind's error. */
long async_source_add(struct async_loop *loop, struct async_source *src, vg_handle_t handle,
		      async_source_fn fn, void *ctx);
/* Re-arms a source after its packet (nothing when it is armed). */
long async_source_arm(struct async_loop *loop, struct async_source *src);
/* Disarms and forgets src; a packet of it still queued is dropped. */
void async_source_remove(struct async_loop *loop, struct async_source *src);

/* Handles packets until async_loop_quit: the code given there, or the
 * port's error. */
long async_loop_run(struct async_loop *loop);
/* Handles at most one packet, waiting until deadline (monotonic ns; 0:
 * only what is there): 0, ERR_TIMED_OUT or the port's error. */
long async_loop_run_once(struct async_loop *loop, uint64_t deadline);
/* Makes async_loop_run return code after the packet being handled. */
void async_loop_quit(struct async_loop *loop, long code);

/* From any thread: post->fn(post) runs on the loop thread. */
void async_loop_post(struct async_loop *loop, struct async_post *post);

#endif
