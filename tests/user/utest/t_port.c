// SPDX-License-Identifier: BSD-2-Clause
// Ports: one thread waiting on notifications, timers, endpoints and thread
// exits; timers in order, periodic and cancelled; sources going away.
#include "../utest.h"

static void caller_thread(uint64_t ep)
{
	struct msg m = { 7, { 1, 2, 3, 4 } }, r;
	long st = call((vg_handle_t)ep, &m, &r);
	vg_thread_exit(st == 0 && r.tag == 8 ? 0 : 1);
}

UTEST(port_waits_on_mixed_sources)
{
	vg_handle_t port, note, timer, ep, thread;
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(vg_timer_create(&timer), 0);
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_port_bind(port, note, 1), 0);
	CHECK_EQ(vg_port_bind(port, timer, 2), 0);
	CHECK_EQ(vg_port_bind(port, ep, 3), 0);
	struct vg_port_packet pkt;
	CHECK_EQ(next_packet(port, 2000000, &pkt), ERR_TIMED_OUT); /* nothing yet */

	CHECK_EQ(vg_notification_signal(note, 0x30), 0);
	CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
	CHECK(pkt.key == 1 && pkt.type == VG_PACKET_NOTIFICATION && pkt.data[0] == 0x30);

	CHECK_EQ(vg_timer_set(timer, (uint64_t)vg_clock_monotonic() + 5000000, 0), 0);
	CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
	CHECK(pkt.key == 2 && pkt.type == VG_PACKET_TIMER && pkt.data[0] == 1);

	CHECK_EQ(vg_thread_start(caller_thread, ep, &thread), 0);
	CHECK_EQ(vg_port_bind(port, thread, 4), 0);
	CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
	CHECK(pkt.key == 3 && pkt.type == VG_PACKET_ENDPOINT);
	struct msg m;
	CHECK_EQ(reply_recv(ep, NULL, &m), 0); /* does not block: a caller waits */
	CHECK_EQ(m.tag, 7);
	CHECK_EQ(vg_ipc_reply(8, 0, 0, 0, 0), 0);
	CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
	CHECK(pkt.key == 4 && pkt.type == VG_PACKET_THREAD_EXIT && pkt.data[0] == 0);

	/* One-shot: the bindings that fired are gone. */
	CHECK_EQ(vg_notification_signal(note, 1), 0);
	CHECK_EQ(next_packet(port, 2000000, &pkt), ERR_TIMED_OUT);
	vg_handle_close(thread);
	vg_handle_close(ep);
	vg_handle_close(timer);
	vg_handle_close(note);
	vg_handle_close(port);
}

UTEST(timers_fire_in_order_periodic_and_cancelled)
{
	vg_handle_t port, t[3], periodic;
	CHECK_EQ(vg_port_create(&port), 0);
	uint64_t now = (uint64_t)vg_clock_monotonic();
	static const uint64_t after_ms[3] = { 30, 10, 20 };
	for (int i = 0; i < 3; i++) {
		CHECK_EQ(vg_timer_create(&t[i]), 0);
		CHECK_EQ(vg_port_bind(port, t[i], (uint64_t)i), 0);
		CHECK_EQ(vg_timer_set(t[i], now + after_ms[i] * 1000000, 0), 0);
	}
	static const uint64_t order[3] = { 1, 2, 0 };
	uint64_t last = 0;
	for (int i = 0; i < 3; i++) {
		struct vg_port_packet pkt;
		CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
		CHECK_EQ(pkt.key, order[i]);
		CHECK(pkt.data[1] >= last); /* the deadlines, in order */
		last = pkt.data[1];
		CHECK((uint64_t)vg_clock_monotonic() >= now + after_ms[order[i]] * 1000000);
	}
	/* Periodic, 5 ms: expirations while nobody listens are counted. */
	CHECK_EQ(vg_timer_create(&periodic), 0);
	CHECK_EQ(vg_timer_set(periodic, (uint64_t)vg_clock_monotonic() + 5000000, 5000000), 0);
	CHECK_EQ(vg_thread_sleep_until((uint64_t)vg_clock_monotonic() + 40000000), 0);
	CHECK_EQ(vg_port_bind(port, periodic, 9), 0);
	struct vg_port_packet pkt;
	CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
	CHECK(pkt.key == 9 && pkt.data[0] >= 4);
	CHECK_EQ(vg_timer_cancel(periodic), 0);
	CHECK_EQ(vg_port_bind(port, periodic, 9), 0);
	CHECK_EQ(next_packet(port, 20000000, &pkt), ERR_TIMED_OUT);
	CHECK_EQ(vg_timer_set(t[0], 0, 0), 0); /* in the past: fires at once */
	CHECK_EQ(vg_port_bind(port, t[0], 10), 0);
	CHECK_EQ(next_packet(port, 0, &pkt), 0);
	CHECK_EQ(pkt.key, 10);
	for (int i = 0; i < 3; i++)
		vg_handle_close(t[i]);
	/* Closing a bound source cancels its binding with a packet. */
	CHECK_EQ(vg_handle_close(periodic), 0);
	CHECK_EQ(next_packet(port, 0, &pkt), ERR_CANCELED);
	CHECK_EQ(pkt.key, 9);
	vg_handle_close(port);
}

UTEST(port_calls_refuse_bad_arguments)
{
	vg_handle_t port, note, weak;
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_notification_create(&note), 0);
	vg_handle_t nowait;
	CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_SIGNAL, &nowait), 0);
	CHECK_EQ(vg_port_bind(port, nowait, 1), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(nowait), 0);
	vg_handle_t vmo;
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	CHECK_EQ(vg_port_bind(port, vmo, 1), ERR_WRONG_TYPE); /* not waitable */
	CHECK_EQ(vg_port_bind(note, note, 1), ERR_WRONG_TYPE);
	CHECK_EQ(vg_port_bind(port, 0x00abcdef, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_handle_duplicate(port, VG_RIGHT_WAIT, &weak), 0);
	CHECK_EQ(vg_port_bind(weak, note, 1), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);
	CHECK_EQ(vg_handle_duplicate(port, VG_RIGHT_WRITE, &weak), 0);
	struct vg_port_packet pkt;
	CHECK_EQ(vg_port_wait(weak, 0, &pkt), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);
	/* A bad packet pointer loses no packet. */
	CHECK_EQ(vg_port_bind(port, note, 5), 0);
	CHECK_EQ(vg_notification_signal(note, 2), 0);
	CHECK_EQ(vg_port_wait(port, 0, (struct vg_port_packet *)0xffffffff80100000ull),
		 ERR_BAD_ADDRESS);
	CHECK_EQ(vg_port_wait(port, 0, (struct vg_port_packet *)0x200000), ERR_BAD_ADDRESS);
	CHECK_EQ(next_packet(port, 0, &pkt), 0);
	CHECK(pkt.key == 5 && pkt.data[0] == 2);
	CHECK_EQ(vg_port_create((vg_handle_t *)0x200000), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_timer_create((vg_handle_t *)0xffffffff80100000ull), ERR_BAD_ADDRESS);
	/* Unbinding. */
	CHECK_EQ(vg_port_bind(port, note, 6), 0);
	CHECK_EQ(vg_port_unbind(port, note, 7), ERR_NOT_FOUND);
	CHECK_EQ(vg_port_unbind(port, note, 6), 0);
	CHECK_EQ(vg_port_unbind(port, note, 6), ERR_NOT_FOUND);
	CHECK_EQ(vg_notification_signal(note, 1), 0);
	CHECK_EQ(next_packet(port, 0, &pkt), ERR_TIMED_OUT);
	/* Timers: wrong types and rights. */
	CHECK_EQ(vg_timer_set(note, 0, 0), ERR_WRONG_TYPE);
	CHECK_EQ(vg_timer_cancel(port), ERR_WRONG_TYPE);
	vg_handle_t timer;
	CHECK_EQ(vg_timer_create(&timer), 0);
	CHECK_EQ(vg_handle_duplicate(timer, VG_RIGHT_WAIT, &weak), 0);
	CHECK_EQ(vg_timer_set(weak, 0, 0), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);
	CHECK_EQ(vg_handle_close(timer), 0);
	CHECK_EQ(vg_timer_set(timer, 0, 0), ERR_BAD_HANDLE);
	vg_handle_close(vmo);
	vg_handle_close(note);
	CHECK_EQ(vg_handle_close(port), 0);
	CHECK_EQ(vg_port_wait(port, 0, &pkt), ERR_BAD_HANDLE);
}
