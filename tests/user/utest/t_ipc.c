// SPDX-License-Identifier: BSD-2-Clause
// IPC through endpoints: calls, replies, badges, queueing, server death.
#include "../utest.h"

/* An echo server: replies tag + 1, the words reversed, and the caller's
 * badge in word 3... until a message with tag 0 tells it to stop. */
static void echo_server(uint64_t ep)
{
	struct msg m, reply;
	long badge = reply_recv((vg_handle_t)ep, NULL, &m);
	while (badge >= 0 && m.tag != 0) {
		reply = (struct msg){ m.tag + 1, { m.w[3], m.w[2], m.w[1], (uint64_t)badge } };
		badge = reply_recv((vg_handle_t)ep, &reply, &m);
	}
	vg_ipc_reply(0, 0, 0, 0, 0);
	vg_thread_exit(0);
}

UTEST(ipc_call_reply_and_badges)
{
	vg_handle_t ep, a, b;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_SIGNAL, 7, &a), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_SIGNAL, 1ull << 40, &b), 0);
	CHECK(vg_thread_start(echo_server, ep, NULL) == 0);
	struct msg m = { 5, { 1, 2, 3, 4 } }, r;
	for (int i = 0; i < 100; i++) {
		CHECK_EQ(call(i % 2 ? a : b, &m, &r), 0);
		CHECK_EQ(r.tag, 6);
		CHECK(r.w[0] == 4 && r.w[1] == 3 && r.w[2] == 2);
		CHECK_EQ(r.w[3], i % 2 ? 7 : 1ull << 40);
	}
	/* Calls without the right, or on the wrong object, never reach it. */
	vg_handle_t recv_only;
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT, 9, &recv_only), 0);
	CHECK_EQ(call(recv_only, &m, &r), ERR_ACCESS_DENIED);
	CHECK_EQ(call(log_h, &m, &r), ERR_WRONG_TYPE);
	CHECK_EQ(vg_endpoint_mint(a, VG_RIGHT_SIGNAL, 1, &recv_only), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_SIGNAL, 1ull << 63, &recv_only), ERR_INVALID_ARGS);
	CHECK_EQ(vg_ipc_reply(1, 0, 0, 0, 0), ERR_NOT_FOUND); /* we owe no reply */
	struct msg stop = { 0, { 0, 0, 0, 0 } };
	CHECK_EQ(call(ep, &stop, &r), 0);
	vg_handle_close(a);
	vg_handle_close(b);
	vg_handle_close(ep);
}

static void dying_server(uint64_t ep)
{
	struct msg m;
	reply_recv((vg_handle_t)ep, NULL, &m); /* takes the call, never replies */
	vg_thread_exit(0);
}

UTEST(ipc_server_death_fails_the_call)
{
	vg_handle_t ep;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK(vg_thread_start(dying_server, ep, NULL) == 0);
	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(ep, &m, &r), ERR_PEER_CLOSED);
	vg_handle_close(ep);
}

static volatile int queued_result;

static void queued_caller(uint64_t ep)
{
	struct msg m = { 9, { 9, 9, 9, 9 } }, r;
	long st = call((vg_handle_t)ep, &m, &r);
	queued_result = st == 0 && r.tag == 10 ? 1 : -1;
	vg_thread_exit(0);
}

UTEST(ipc_caller_queued_before_receiver)
{
	vg_handle_t ep;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	queued_result = 0;
	CHECK(vg_thread_start(queued_caller, ep, NULL) == 0);
	vg_thread_yield(); /* it calls and queues: nobody is receiving yet */
	struct msg m;
	CHECK_EQ(reply_recv(ep, NULL, &m), 0);
	CHECK_EQ(m.tag, 9);
	CHECK_EQ(vg_ipc_reply(10, 0, 0, 0, 0), 0);
	for (int i = 0; i < 1000 && !queued_result; i++)
		vg_thread_yield();
	CHECK_EQ(queued_result, 1);
	vg_handle_close(ep);
}

static volatile long lone_caller_result;

static void lone_caller(uint64_t ep)
{
	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	lone_caller_result = call((vg_handle_t)ep, &m, &r);
	vg_thread_exit(0);
}

/* An endpoint lives on while any handle does, but once none left can
 * receive (WAIT), its calls fail: a caller queued on it is woken with
 * ERR_PEER_CLOSED, and later ones get it at once, however many send-only
 * handles (a client's open file, a starter's) remain. */
UTEST(ipc_no_receiver_left_fails_calls)
{
	vg_handle_t ep, send, recv_only, port, thread;
	struct vg_port_packet pkt;
	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_SIGNAL, &send), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT, 0, &recv_only), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_handle_close(ep), 0);
	/* A receive-only handle keeps it open: the call queues (the port
	 * sees a caller waiting) and stays queued. */
	lone_caller_result = 1;
	CHECK_EQ(vg_thread_start(lone_caller, send, &thread), 0);
	CHECK_EQ(vg_port_bind(port, recv_only, 1), 0);
	CHECK_EQ(next_packet(port, 2000000000, &pkt), 0);
	CHECK(pkt.key == 1 && pkt.type == VG_PACKET_ENDPOINT);
	for (int i = 0; i < 100; i++)
		vg_thread_yield();
	CHECK_EQ(lone_caller_result, 1);
	/* The last handle that could receive goes: the caller is woken. */
	CHECK_EQ(vg_port_bind(port, thread, 2), 0);
	CHECK_EQ(vg_handle_close(recv_only), 0);
	CHECK_EQ(next_packet(port, 2000000000, &pkt), 0);
	CHECK(pkt.key == 2 && pkt.type == VG_PACKET_THREAD_EXIT);
	CHECK_EQ(lone_caller_result, ERR_PEER_CLOSED);
	CHECK_EQ(call(send, &m, &r), ERR_PEER_CLOSED); /* at once from now on */
	vg_handle_close(thread);
	vg_handle_close(send);
	vg_handle_close(port);
}

/* A port waiting on such an endpoint is told, as when it is destroyed. */
UTEST(ipc_no_receiver_left_cancels_port_waits)
{
	vg_handle_t ep, send, port;
	struct vg_port_packet pkt;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_SIGNAL, &send), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_port_bind(port, ep, 3), 0);
	CHECK_EQ(next_packet(port, 0, &pkt), ERR_TIMED_OUT); /* nobody calls */
	CHECK_EQ(vg_handle_close(ep), 0);
	CHECK_EQ(next_packet(port, 2000000000, &pkt), ERR_PEER_CLOSED);
	CHECK_EQ(pkt.key, 3);
	vg_handle_close(send);
	vg_handle_close(port);
}

/* The same across processes: a server that crashes takes its endpoint's
 * receiving with it, while its client keeps a send-only handle. */
UTEST(ipc_server_process_death_fails_later_calls)
{
	vg_handle_t ep, give, send, child;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give), 0);
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_SIGNAL, &send), 0);
	CHECK_EQ(vg_handle_close(ep), 0);
	CHECK_EQ(spawn_child(give, &child), 0);
	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(send, &m, &r), 0);
	CHECK_EQ(r.tag, 2);
	m.tag = 2; /* it writes through NULL */
	CHECK_EQ(call(send, &m, &r), ERR_PEER_CLOSED);
	m.tag = 1;
	CHECK_EQ(call(send, &m, &r), ERR_PEER_CLOSED); /* not queued forever */
	vg_handle_close(child);
	vg_handle_close(send);
}

/* Holds the endpoint (and its right to receive) but never receives. */
static void idle_server(uint64_t ep)
{
	(void)ep;
	for (;;)
		vg_thread_sleep_until(UINT64_MAX);
}

/* A server killed while a client's call waits in its queue: the call
 * fails instead of waiting for a receiver that cannot come. */
UTEST(ipc_server_killed_wakes_queued_caller)
{
	vg_handle_t ep, give, send, child, port, thread;
	struct vg_port_packet pkt;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give), 0);
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_SIGNAL, &send), 0);
	CHECK_EQ(vg_handle_close(ep), 0);
	CHECK_EQ(spawn_child_running(idle_server, give, &child), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	lone_caller_result = 1;
	CHECK_EQ(vg_thread_start(lone_caller, send, &thread), 0);
	CHECK_EQ(vg_port_bind(port, thread, 1), 0);
	CHECK_EQ(next_packet(port, 20000000, &pkt), ERR_TIMED_OUT); /* queued */
	CHECK_EQ(lone_caller_result, 1);
	CHECK_EQ(vg_process_kill(child, 0), 0);
	CHECK_EQ(next_packet(port, 2000000000, &pkt), 0);
	CHECK(pkt.key == 1 && pkt.type == VG_PACKET_THREAD_EXIT);
	CHECK_EQ(lone_caller_result, ERR_PEER_CLOSED);
	vg_handle_close(thread);
	vg_handle_close(port);
	vg_handle_close(child);
	vg_handle_close(send);
}
