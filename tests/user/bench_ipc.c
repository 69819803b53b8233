// SPDX-License-Identifier: BSD-2-Clause
// IPC framework benchmarks: a round trip through idlc's generated stubs and
// dispatcher (to compare with the raw ipc_call_reply_round_trip), the same
// served from a lib/async event loop, and the latency of a bus broadcast
// (bin/bus, a process of its own) to 10 subscriber threads.
#include "bench.h"
#include "kitchen_svc.h"
#include "utest.h"
#include <bus.h>

static vg_handle_t stub_ep;
static struct kitchen_test_server stub_server = { &kitchen_svc_ops, NULL };

static void stub_server_thread(uint64_t ep)
{
	vg_thread_exit(ipc_serve((vg_handle_t)ep, kitchen_test_dispatch, &stub_server));
}

static void loop_server_thread(uint64_t ep)
{
	vg_thread_exit(kitchen_svc_serve((vg_handle_t)ep));
}

static void stub_nothing(int batch)
{
	for (int i = 0; i < batch; i++)
		kitchen_test_nothing(stub_ep);
}

static void stub_ints(int batch)
{
	uint8_t a;
	uint16_t b;
	uint32_t c;
	uint64_t d;
	int8_t e;
	int16_t f;
	int32_t g;
	int64_t h;
	for (int i = 0; i < batch; i++)
		kitchen_test_ints(stub_ep, 1, 2, 3, 4, 5, 6, 7, 8, &a, &b, &c, &d, &e, &f, &g, &h);
}

/* Serves a fresh endpoint with fn on a thread; stub_ep calls it. The
 * server's handle is returned: closing it ends the server. */
static vg_handle_t serve_with(void (*fn)(uint64_t))
{
	vg_handle_t srv;
	vg_endpoint_create(&srv);
	vg_handle_duplicate(srv, VG_RIGHT_SIGNAL, &stub_ep);
	vg_thread_start(fn, srv, NULL);
	return srv;
}

/* The bus broadcast: 10 subscriber threads, each waiting on its
 * notification and fetching; the last one to receive stamps the time. */
#define BCAST_SUBS 10
static vg_handle_t bus_admin;
static uint32_t received; /* futex word: messages fetched, all subscribers */
static volatile int bcast_stop;

struct subscriber {
	vg_handle_t note;
	uint32_t sub;
};
static struct subscriber subscribers[BCAST_SUBS];

static void subscriber_thread(uint64_t i)
{
	struct subscriber *s = &subscribers[i];
	unsigned char data[BUS_NAMES_FETCH_DATA_MAX];
	while (!bcast_stop) {
		if (vg_notification_wait(s->note, UINT64_MAX) < 0)
			break;
		size_t len;
		uint32_t dropped, left = 1;
		while (left &&
		       bus_names_fetch(bus_admin, s->sub, data, &len, &dropped, &left) == 0) {
			__atomic_fetch_add(&received, 1, __ATOMIC_ACQ_REL);
			vg_futex_wake(&received, 1);
		}
	}
	vg_thread_exit(0);
}

static void broadcast(int batch)
{
	for (int i = 0; i < batch; i++) {
		uint32_t target = __atomic_load_n(&received, __ATOMIC_ACQUIRE) + BCAST_SUBS;
		uint32_t delivered, dropped;
		bus_names_publish(bus_admin, "bench.tick", "tick", 4, &delivered, &dropped);
		uint32_t now;
		while ((now = __atomic_load_n(&received, __ATOMIC_ACQUIRE)) < target)
			vg_futex_wait(&received, now, UINT64_MAX);
	}
}

void run_ipc_benchmarks(void)
{
	vg_handle_t srv = serve_with(stub_server_thread);
	bench_report("idl_stub_round_trip", stub_nothing, 1000);
	bench_report("idl_stub_round_trip_8_words", stub_ints, 1000);
	vg_handle_close(stub_ep);
	vg_handle_close(srv);
	srv = serve_with(loop_server_thread);
	bench_report("idl_event_loop_round_trip", stub_nothing, 1000);
	vg_handle_close(stub_ep);
	vg_handle_close(srv);

	vg_handle_t ep, bus_proc;
	vg_endpoint_create(&ep);
	vg_handle_duplicate(ep, VG_RIGHT_SIGNAL, &bus_admin);
	if (spawn_server("bin/bus", ep, &bus_proc))
		return;
	for (uint64_t i = 0; i < BCAST_SUBS; i++) {
		vg_handle_t theirs;
		vg_notification_create(&subscribers[i].note);
		vg_handle_duplicate(subscribers[i].note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER,
				    &theirs);
		bus_names_subscribe(bus_admin, "bench.tick", theirs, &subscribers[i].sub);
		vg_thread_start(subscriber_thread, i, NULL);
	}
	bench_report("bus_broadcast_10_subscribers", broadcast, 20);
	bcast_stop = 1;
	for (int i = 0; i < BCAST_SUBS; i++)
		vg_notification_signal(subscribers[i].note, 1);
	vg_process_kill(bus_proc, 0);
	vg_handle_close(bus_proc);
}
