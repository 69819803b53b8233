/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the IPC runtime (lib/ipc) and the code idlc generates need from the
 * system: three transport calls, closing a handle, and shared memory for large
 * payloads. libvg provides them on Verdigris; host tests link a loopback fake
 * (tests/host/support/ipc_loopback.c) that connects a client to a server
 * dispatcher in one process.
 */
#ifndef IPC_TRANSPORT_H
#define IPC_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>
#include <verdigris/types.h>

/* Calls through ep with the message tag/buf: words 0-3 are loaded from
 * buf->words[0..3] into registers, the rest and the handles travel in buf.
 * The reply's words 0-3 are stored back into buf->words[0..3] and its tag
 * into *reply_tag. Returns 0 or a negative ERR_* of the transport. */
long vg_ipc_call_msg(vg_handle_t ep, uint64_t tag, struct vg_ipc_buffer *buf, uint64_t *reply_tag);

/* Replies to the last caller with reply_tag/buf (nothing to reply to the
 * first time: it only receives), then waits on ep for the next call, whose
 * tag lands in *recv_tag and words in buf. Returns the caller's badge (>= 0)
 * or a negative ERR_*. */
long vg_ipc_reply_recv_msg(vg_handle_t ep, uint64_t reply_tag, struct vg_ipc_buffer *buf,
			   uint64_t *recv_tag);

/* The calling thread's IPC buffer (registered with ipc_buffer_set). */
struct vg_ipc_buffer *vg_ipc_buffer(void);

/* Closes a handle; the runtime closes handles of rejected messages. */
long ipc_rt_handle_close(vg_handle_t h);

/*
 * Large payloads. A string, bytes or array field whose maximum does not fit
 * in the message travels as a VMO: the sender writes the data into a fresh
 * VMO once (ipc_rt_payload_create) and moves the handle (rights read, map,
 * transfer); the receiver maps it read-only (ipc_rt_payload_map), reads in
 * place and unmaps it (ipc_rt_payload_unmap) before closing the handle.
 */
long ipc_rt_payload_create(const void *data, size_t size, vg_handle_t *vmo);
long ipc_rt_payload_map(vg_handle_t vmo, size_t size, const void **data);
void ipc_rt_payload_unmap(const void *data, size_t size);

#endif
