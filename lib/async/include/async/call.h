/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Asynchronous calls: start a call, go on with the loop, get a completion
 * (a future, and through it any number of callbacks) on the loop thread.
 *
 * The kernel has only a blocking ipc_call: the caller's thread sleeps until
 * the reply, and there is no asynchronous send. A call that does not block
 * the loop therefore needs another thread blocked in ipc_call for it. A
 * pending-reply design on the server side does not help the caller (it is
 * blocked all the same), and the server cannot keep a reply pending either
 * (one reply right per thread, dropped when the thread receives again). So:
 * a pool of helper threads shared by the process (started on demand, at
 * most ASYNC_HELPERS), each with its own IPC buffer, takes calls from one
 * FIFO queue, encodes the request in its buffer, calls, decodes the reply
 * there, and posts the completion to the call's loop. At most
 * ASYNC_HELPERS calls are in flight at once; more wait in the queue. A
 * helper idle for ASYNC_HELPER_IDLE_NS ends (a process whose other threads
 * are done should not be kept alive by them).
 *
 * encode and decode are the halves idlc generates for each method
 * (<method>_encode, <method>_decode_reply), wrapped with the arguments in
 * `args`: they run on the helper thread, so the arguments (and whatever
 * they point to) must stay valid and untouched until the completion, and
 * so must the call structure itself, even after a timeout on its future
 * (a late reply still arrives: async_call_busy says when it has).
 */
#ifndef ASYNC_CALL_H
#define ASYNC_CALL_H

#include <async/future.h>

#define ASYNC_HELPERS 8
/* A helper with nothing to do for this long ends. */
#define ASYNC_HELPER_IDLE_NS 100000000ull

struct async_call;
typedef long (*async_encode_fn)(struct vg_ipc_buffer *buf, uint64_t *tag, void *args);
typedef long (*async_decode_fn)(uint64_t tag, struct vg_ipc_buffer *buf, void *args);

struct async_call {
	struct async_post post; /* the completion, to the loop */
	struct async_call *next; /* in the helpers' queue */
	struct async_loop *loop;
	vg_handle_t ep;
	async_encode_fn encode;
	async_decode_fn decode;
	void *args;
	long status;
	bool busy;
	/* Resolved on the loop thread with the call's status: 0, the method's
	 * error (> 0) or an ERR_* (of encoding, the transport or the reply). */
	struct async_future done;
};

/* Queues the call; 0, or an error (then nothing was sent). */
long async_call_start(struct async_loop *loop, struct async_call *c, vg_handle_t ep,
		      async_encode_fn encode, async_decode_fn decode, void *args);
/* Until the helper is finished with c (even if its future timed out). */
bool async_call_busy(const struct async_call *c);

#endif
