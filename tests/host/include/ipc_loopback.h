/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A loopback fake of the system under lib/ipc, for host tests: a handle
 * table (type, rights, and data for VMOs), endpoints that call a generated
 * dispatcher directly, and the transport calls of <ipc/transport.h>. A
 * call moves words and handles the way the kernel does (the handles need
 * the transfer right; the receiver sees their type and rights in
 * handle_info[]) into a separate server buffer and back.
 */
#ifndef IPC_LOOPBACK_H
#define IPC_LOOPBACK_H

#include <ipc/msg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LOOPBACK_MAX_HANDLES 256

/* A new handle of type and rights (a VMO gets size zero bytes). */
vg_handle_t loopback_handle_new(uint32_t type, uint32_t rights, size_t size);
bool loopback_handle_alive(vg_handle_t h);
/* Handles open, VMO mappings not unmapped. */
int loopback_handles_live(void);
int loopback_mappings_live(void);
/* Closes every handle; the table starts empty again. */
void loopback_reset(void);

/* An endpoint handle whose calls go to dispatch(server, badge, ...). */
vg_handle_t loopback_endpoint(ipc_dispatch_fn dispatch, void *server, uint64_t badge);

/* Called with each request just before it reaches the server, as the server
 * will see it (for malformed-message tests); NULL for none. */
typedef void (*loopback_tamper_fn)(uint64_t *tag, struct vg_ipc_buffer *buf);
void loopback_set_tamper(loopback_tamper_fn fn);

/* Messages for vg_ipc_reply_recv_msg to deliver, in order; then it returns
 * ERR_PEER_CLOSED. The replies it was given are kept. */
void loopback_queue(uint64_t tag, const struct vg_ipc_buffer *buf, uint64_t badge);
uint64_t loopback_reply(int i);
int loopback_nreplies(void);
/* The next reply fails with err and stays owed, as the kernel's does when
 * it cannot move into the caller. */
void loopback_fail_next_reply(long err);

#endif
