/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Serving an endpoint from the event loop with an idlc dispatcher: each
 * endpoint packet (a caller waits) is one call received, dispatched and
 * answered, then the endpoint is re-armed. One loop serves any number of
 * endpoints (and everything else on its port) in one thread.
 *
 * Replies are immediate: the kernel keeps one reply right per thread and
 * drops it (the caller sees ERR_PEER_CLOSED) when the thread receives
 * again, so a handler cannot keep a call pending while the loop serves
 * others. A method that must wait for something answers at once and
 * announces the result later (a notification, or a bus topic).
 */
#ifndef ASYNC_SERVER_H
#define ASYNC_SERVER_H

#include <async/loop.h>
#include <ipc/msg.h>

struct async_server;
/* Called when the endpoint went away (its last other handle closed). */
typedef void (*async_server_closed_fn)(struct async_loop *loop, struct async_server *s);

struct async_server {
	struct async_source src;
	ipc_dispatch_fn dispatch;
	void *server; /* the dispatcher's first argument */
	async_server_closed_fn closed; /* may be NULL */
	uint64_t served;
};

/* Serves ep (receive: the wait right) with dispatch(server, ...). */
long async_server_add(struct async_loop *loop, struct async_server *s, vg_handle_t ep,
		      ipc_dispatch_fn dispatch, void *server);
void async_server_remove(struct async_loop *loop, struct async_server *s);

#endif
