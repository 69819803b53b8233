// SPDX-License-Identifier: BSD-2-Clause
// Interruptions of a synchronous IPC call (docs/ARCHITECTURE.md sections
// 11 and 15): before a server received the call it is withdrawn and fails
// with ERR_INTERRUPTED; once a server received it, the caller waits for
// the reply (or ERR_PEER_CLOSED when the reply right goes) and the
// interruption comes after, so no reply - and no work the server did - is
// lost; a kill still ends such a call at once.
//
// Each case is made deterministic by a server thread that receives the
// call, tells the test, and waits for the test's word (after the
// interruption was sent) before it replies, drops its right or is left to
// find its caller gone.
#include "../utest.h"
#include <verdigris/intr.h>

#define MS 1000000ull
#define NOW() ((uint64_t)vg_clock_monotonic())
#define REPLY_TAG 42

static volatile int entries;
static volatile uint64_t entry_arg;

static void counting_entry(uint64_t arg, struct vg_intr_frame *f)
{
	entry_arg = arg;
	entries++;
	vg_interrupt_return(f, 0);
}

/* Futex words: the server took the call; the test lets it go on; the
 * server is done. */
static uint32_t received, go, server_done;
static volatile long server_status; /* what its reply (or recv) returned */
/* How the server ends: it replies (ipc_reply), or replies and receives
 * again at once (ipc_reply_recv: the fast path, which hands the CPU to
 * the caller), or drops its right by exiting or receiving again. */
enum server_end { END_REPLY, END_REPLY_RECV, END_EXIT, END_RECV_AGAIN };

static void wait_word(uint32_t *w)
{
	uint64_t until = NOW() + 2000 * MS;
	while (!__atomic_load_n(w, __ATOMIC_ACQUIRE) && NOW() < until)
		vg_futex_wait(w, 0, until);
}

static void set_word(uint32_t *w)
{
	__atomic_store_n(w, 1, __ATOMIC_RELEASE);
	vg_futex_wake(w, 1);
}

static vg_handle_t server_ep;

/* Receives one call, reports it, waits for go, then ends as arg says. */
static void holding_server(uint64_t how)
{
	struct msg m;
	server_status = reply_recv(server_ep, NULL, &m);
	set_word(&received);
	wait_word(&go);
	struct msg reply = { REPLY_TAG, { m.w[0] + 1, 0x22, 0x33, 0x44 } };
	if (how == END_REPLY)
		server_status =
			vg_ipc_reply(reply.tag, reply.w[0], reply.w[1], reply.w[2], reply.w[3]);
	else if (how == END_REPLY_RECV)
		server_status = reply_recv(server_ep, &reply, &m); /* blocks after */
	else if (how == END_RECV_AGAIN)
		server_status = vg_ipc_recv(server_ep); /* forfeits the right; blocks */
	set_word(&server_done);
	vg_thread_exit(0);
}

static volatile long call_status = 1;
static volatile int call_done;
static struct msg call_reply;

static void caller(uint64_t ep)
{
	struct msg m = { 7, { 100, 0, 0, 0 } }, r;
	call_status = call((vg_handle_t)ep, &m, &r);
	call_reply = r;
	call_done = 1;
	vg_thread_exit(0);
}

static void wait_done(void)
{
	for (int i = 0; i < 400 && !call_done; i++)
		vg_thread_sleep_until(NOW() + 5 * MS);
}

/* A call taken by a server that ends as how says, interrupted while the
 * server holds it: still blocked 20 ms later, nothing delivered yet. */
static void held_call_interrupted(enum server_end how, vg_handle_t *server, vg_handle_t *client)
{
	received = go = server_done = 0;
	call_done = entries = 0;
	call_status = 1;
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)counting_entry, 0, 0), 0);
	CHECK_EQ(vg_thread_start(holding_server, how, server), 0);
	CHECK_EQ(vg_thread_start(caller, server_ep, client), 0);
	wait_word(&received);
	CHECK(server_status >= 0);
	CHECK_EQ(vg_thread_interrupt(*client, 0x51), 0);
	vg_thread_sleep_until(NOW() + 20 * MS);
	CHECK_EQ(call_done, 0); /* the call waits for its reply */
	CHECK_EQ(entries, 0); /* and the interruption for the call */
	set_word(&go);
	wait_done();
	CHECK_EQ(call_done, 1);
	CHECK_EQ(entries, 1); /* delivered once the call returned */
	CHECK_EQ(entry_arg, 0x51);
}

UTEST(ipc_intr_after_receipt_keeps_the_reply)
{
	for (int how = END_REPLY; how <= END_REPLY_RECV; how++) {
		CHECK_EQ(vg_endpoint_create(&server_ep), 0);
		vg_handle_t server, client;
		held_call_interrupted((enum server_end)how, &server, &client);
		CHECK_EQ(call_status, 0);
		CHECK_EQ(call_reply.tag, REPLY_TAG);
		CHECK(call_reply.w[0] == 101 && call_reply.w[1] == 0x22 && call_reply.w[3] == 0x44);
		CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
		vg_handle_close(server_ep); /* ends reply_recv's receive */
		wait_word(&server_done);
		/* The reply went through; reply_recv then found the endpoint
		 * closed. */
		CHECK_EQ(server_status, how == END_REPLY ? 0 : ERR_PEER_CLOSED);
		vg_handle_close(server);
		vg_handle_close(client);
	}
}

UTEST(ipc_intr_after_receipt_then_right_dropped_is_peer_closed)
{
	/* The server ends without replying, or receives again: either way
	 * the call fails as it would without the interruption. */
	for (int how = END_EXIT; how <= END_RECV_AGAIN; how++) {
		CHECK_EQ(vg_endpoint_create(&server_ep), 0);
		vg_handle_t server, client;
		held_call_interrupted((enum server_end)how, &server, &client);
		CHECK_EQ(call_status, ERR_PEER_CLOSED);
		CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
		vg_handle_close(server_ep); /* the last receiving handle: ends its recv */
		wait_word(&server_done);
		if (how == END_RECV_AGAIN)
			CHECK_EQ(server_status, ERR_PEER_CLOSED);
		vg_handle_close(server);
		vg_handle_close(client);
	}
}

UTEST(ipc_intr_withdraws_a_queued_call)
{
	vg_handle_t port, client;
	struct vg_port_packet pkt;
	CHECK_EQ(vg_endpoint_create(&server_ep), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)counting_entry, 0, 0), 0);
	call_done = entries = 0;
	CHECK_EQ(vg_thread_start(caller, server_ep, &client), 0);
	vg_thread_sleep_until(NOW() + 10 * MS); /* queued: nobody receives */
	CHECK_EQ(call_done, 0);
	CHECK_EQ(vg_thread_interrupt(client, 0x52), 0);
	wait_done();
	CHECK_EQ(call_status, ERR_INTERRUPTED);
	CHECK_EQ(entries, 1);
	/* Withdrawn: the endpoint has no caller for a receiver. */
	CHECK_EQ(vg_port_bind(port, server_ep, 1), 0);
	CHECK_EQ(next_packet(port, 20 * MS, &pkt), ERR_TIMED_OUT);
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
	vg_handle_close(client);
	vg_handle_close(port);
	vg_handle_close(server_ep);
}

/* The child: an entry that counts, then one call it never sees answered. */
static void calling_child(uint64_t ep)
{
	vg_interrupt_set_entry((uintptr_t)counting_entry, 0, 0);
	struct msg m = { 9, { 0, 0, 0, 0 } }, r;
	call((vg_handle_t)ep, &m, &r);
	vg_thread_exit(3); /* not reached: killed first */
}

UTEST(ipc_kill_ends_a_call_the_server_holds)
{
	vg_handle_t give, child, port, server;
	struct vg_port_packet pkt;
	CHECK_EQ(vg_endpoint_create(&server_ep), 0);
	CHECK_EQ(vg_handle_duplicate(server_ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &give), 0);
	received = go = server_done = 0;
	server_status = 1;
	CHECK_EQ(vg_thread_start(holding_server, END_REPLY, &server), 0);
	CHECK_EQ(spawn_child_running(calling_child, give, &child), 0);
	wait_word(&received);
	CHECK_EQ(vg_process_interrupt(child, 0x53), 0); /* deferred: the call is held */
	uint64_t before = NOW();
	CHECK_EQ(vg_process_kill(child, 77), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_port_bind(port, child, 1), 0);
	CHECK_EQ(next_packet(port, 2000 * MS, &pkt), 0);
	CHECK_EQ(pkt.type, VG_PACKET_PROCESS_EXIT);
	CHECK_EQ((long)pkt.data[0], 77);
	CHECK(NOW() - before < 500 * MS); /* promptly, not when the server replies */
	set_word(&go);
	wait_word(&server_done);
	CHECK_EQ(server_status, ERR_NOT_FOUND); /* its caller is gone: no right left */
	vg_handle_close(port);
	vg_handle_close(server);
	vg_handle_close(child);
	vg_handle_close(server_ep);
}
