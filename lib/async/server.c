// SPDX-License-Identifier: BSD-2-Clause
// Endpoints served from the event loop.
#include <async/server.h>
#include <ipc/transport.h>
#include <vg/vg.h>

static void endpoint_packet(struct async_loop *loop, struct async_source *src,
			    const struct vg_port_packet *pkt)
{
	struct async_server *s = (struct async_server *)src;
	if (pkt->status < 0) {
		async_source_remove(loop, src);
		if (s->closed)
			s->closed(loop, s);
		return;
	}
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	uint64_t tag, reply_tag;
	/* A caller waits, so this does not block (unless it was killed since:
	 * then the next caller is taken, later; see docs/IPC.md). */
	long badge = vg_ipc_reply_recv_msg(src->handle, VG_IPC_NO_REPLY, buf, &tag);
	if (badge >= 0) {
		s->dispatch(s->server, (uint64_t)badge, tag, buf, &reply_tag);
		long st = vg_ipc_reply(reply_tag, buf->words[0], buf->words[1], buf->words[2],
				       buf->words[3]);
		/* A reply that cannot move is still owed, and its caller still
		 * waits (until we next receive): it gets the error now, and the
		 * handles the reply would have given are closed. */
		if (st < 0 && st != ERR_NOT_FOUND)
			vg_ipc_reply(ipc_reject(reply_tag, buf, st), 0, 0, 0, 0);
		s->served++;
	}
	async_source_arm(loop, src);
}

long async_server_add(struct async_loop *loop, struct async_server *s, vg_handle_t ep,
		      ipc_dispatch_fn dispatch, void *server)
{
	s->dispatch = dispatch;
	s->server = server;
	s->served = 0;
	return async_source_add(loop, &s->src, ep, endpoint_packet, s);
}

void async_server_remove(struct async_loop *loop, struct async_server *s)
{
	async_source_remove(loop, &s->src);
}
