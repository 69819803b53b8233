// SPDX-License-Identifier: BSD-2-Clause
// The synchronous server loop and one-way sends over the transport calls.
#include <ipc/msg.h>
#include <ipc/transport.h>

/* A reply that could not move (the caller's handle table full, its IPC
 * buffer gone) is still owed, and the caller still waits for it: it gets the
 * error instead, in a reply of registers only, and the handles the lost
 * reply would have given are closed. The server goes on serving; it stops
 * only when receiving itself fails twice (its endpoint closed or gone). */
long ipc_serve(vg_handle_t ep, ipc_dispatch_fn dispatch, void *server)
{
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	uint64_t reply_tag = ipc_status_tag(0), tag = 0;
	for (;;) {
		long badge = vg_ipc_reply_recv_msg(ep, reply_tag, buf, &tag);
		if (badge >= 0) {
			dispatch(server, (uint64_t)badge, tag, buf, &reply_tag);
			continue;
		}
		if (reply_tag == ipc_status_tag(badge))
			return badge;
		reply_tag = ipc_reject(reply_tag, buf, badge);
	}
}

long ipc_send_event(vg_handle_t ep, uint64_t tag, struct vg_ipc_buffer *buf)
{
	uint64_t ack;
	long r = vg_ipc_call_msg(ep, tag, buf, &ack);
	return r < 0 ? r : ipc_event_ack(ack, buf);
}

long ipc_event_ack(uint64_t ack, struct vg_ipc_buffer *buf)
{
	struct ipc_dec d;
	ipc_dec_init(&d, ack, buf);
	if (VG_IPC_TAG_HANDLES(ack))
		ipc_dec_abort(&d); /* an acknowledgment carries nothing */
	return 0;
}
