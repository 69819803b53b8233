// SPDX-License-Identifier: BSD-2-Clause
// lib/async: the event loop's sources, futures, and asynchronous calls
// through generated encode/decode halves.
#include "../kitchen_svc.h"
#include "../utest.h"
#include <async/call.h>

static int timer_hits, note_hits;
static uint64_t note_bits;

static void on_timer(struct async_loop *loop, struct async_timer *t, uint64_t count)
{
	(void)t;
	timer_hits += (int)count;
	if (timer_hits >= 3)
		async_loop_quit(loop, 42);
}

static void on_note(struct async_loop *loop, struct async_source *src,
		    const struct vg_port_packet *pkt)
{
	note_hits++;
	note_bits |= pkt->data[0];
	async_source_arm(loop, src);
}

UTEST(async_loop_timers_notifications_and_removal)
{
	struct async_loop loop;
	struct async_timer t;
	struct async_source ns;
	vg_handle_t note;
	timer_hits = note_hits = 0;
	note_bits = 0;
	CHECK_EQ(async_loop_init(&loop), 0);
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(async_source_add(&loop, &ns, note, on_note, NULL), 0);
	CHECK_EQ(async_timer_init(&loop, &t, on_timer, NULL), 0);
	CHECK_EQ(vg_notification_signal(note, 6), 0);
	uint64_t t0 = (uint64_t)vg_clock_monotonic();
	CHECK_EQ(async_timer_set(&t, t0 + 4000000, 4000000), 0); /* periodic */
	CHECK_EQ(async_loop_run(&loop), 42);
	CHECK(timer_hits >= 3 && (uint64_t)vg_clock_monotonic() >= t0 + 12000000);
	CHECK(note_hits == 1 && note_bits == 6);
	/* Re-armed: a second signal arrives too. */
	CHECK_EQ(vg_notification_signal(note, 8), 0);
	/* The periodic timer still runs: its packets may come first. */
	uint64_t deadline = (uint64_t)vg_clock_monotonic() + 1000000000;
	while (note_hits < 2 && async_loop_run_once(&loop, deadline) == 0)
		;
	CHECK(note_hits == 2 && note_bits == 14);
	/* A removed source's packet, even one already queued, runs nothing. */
	CHECK_EQ(async_timer_cancel(&t), 0);
	CHECK_EQ(vg_notification_signal(note, 1), 0);
	async_source_remove(&loop, &ns);
	uint64_t until = (uint64_t)vg_clock_monotonic() + 20000000;
	while (async_loop_run_once(&loop, until) == 0) /* the queued packet, dropped */
		;
	CHECK_EQ(note_hits, 2);
	async_timer_destroy(&loop, &t);
	CHECK_EQ(async_loop_destroy(&loop), 0);
	vg_handle_close(note);
}

static int then_order[4], then_n;
static void record(struct async_future *f, void *ctx)
{
	(void)f;
	then_order[then_n++] = (int)(uintptr_t)ctx;
}

UTEST(async_futures_then_all_and_timeouts)
{
	struct async_loop loop;
	CHECK_EQ(async_loop_init(&loop), 0);
	struct async_future a, b, c;
	struct async_then ta, tb, tc;
	async_future_init(&a, &loop);
	async_future_init(&b, &loop);
	async_future_init(&c, &loop);
	then_n = 0;
	async_future_then(&a, &ta, record, (void *)1);
	async_future_then(&a, &tb, record, (void *)2);
	struct async_future *const all3[3] = { &a, &b, &c };
	struct async_all all;
	CHECK_EQ(async_all(&all, &loop, all3, 3), 0);
	CHECK(async_future_resolve(&a, 0, 7));
	CHECK(!async_future_resolve(&a, 0, 8)); /* once only */
	CHECK(then_n == 2 && then_order[0] == 1 && then_order[1] == 2 && a.value == 7);
	CHECK(!all.out.done);
	CHECK(async_future_resolve(&b, ERR_NOT_FOUND, 0));
	/* c times out: the deadline resolves it, and `all` with it. */
	struct async_deadline d;
	uint64_t t0 = (uint64_t)vg_clock_monotonic();
	CHECK_EQ(async_future_timeout(&d, &c, t0 + 10000000), 0);
	CHECK_EQ(async_future_wait(&c, t0 + 2000000000), ERR_TIMED_OUT);
	CHECK((uint64_t)vg_clock_monotonic() >= t0 + 10000000);
	CHECK(all.out.done && all.out.status == ERR_NOT_FOUND && all.out.value == 3);
	/* Already done: then runs at once; wait returns at once. */
	async_future_then(&c, &tc, record, (void *)3);
	CHECK(then_n == 3 && then_order[2] == 3);
	/* A wait that runs out leaves the future pending. */
	struct async_future e;
	async_future_init(&e, &loop);
	CHECK_EQ(async_future_wait(&e, (uint64_t)vg_clock_monotonic() + 5000000), ERR_TIMED_OUT);
	CHECK(!e.done);
	/* A deadline beaten: the timer goes, nothing fires later. */
	CHECK_EQ(async_future_timeout(&d, &e, (uint64_t)vg_clock_monotonic() + 5000000), 0);
	CHECK(async_future_resolve(&e, 0, 1));
	CHECK_EQ(async_loop_run_once(&loop, (uint64_t)vg_clock_monotonic() + 20000000),
		 ERR_TIMED_OUT);
	CHECK(e.status == 0);
	CHECK_EQ(async_loop_destroy(&loop), 0);
}

/* Asynchronous kitchen calls: the arguments and results of each. */
struct ints_call {
	struct async_call call;
	uint8_t a, a2;
	int64_t h, h2;
	uint16_t b2;
	uint32_t c2;
	uint64_t d2;
	int8_t e2;
	int16_t f2;
	int32_t g2;
};
static long ints_encode(struct vg_ipc_buffer *buf, uint64_t *tag, void *p)
{
	struct ints_call *x = p;
	return kitchen_test_ints_encode(buf, tag, x->a, 0, 0, 0, 0, 0, 0, x->h);
}
static long ints_decode(uint64_t tag, struct vg_ipc_buffer *buf, void *p)
{
	struct ints_call *x = p;
	return kitchen_test_ints_decode_reply(tag, buf, &x->a2, &x->b2, &x->c2, &x->d2, &x->e2,
					      &x->f2, &x->g2, &x->h2);
}

struct big_call {
	struct async_call call;
	const unsigned char *blob;
	size_t len, len2;
	unsigned char *blob2;
	uint32_t n;
};
static long big_encode(struct vg_ipc_buffer *buf, uint64_t *tag, void *p)
{
	struct big_call *x = p;
	return kitchen_test_big_encode(buf, tag, x->blob, x->len, "abcd");
}
static long big_decode(uint64_t tag, struct vg_ipc_buffer *buf, void *p)
{
	struct big_call *x = p;
	return kitchen_test_big_decode_reply(tag, buf, x->blob2, &x->len2, &x->n);
}

static long nothing_encode(struct vg_ipc_buffer *buf, uint64_t *tag, void *p)
{
	(void)p;
	return kitchen_test_nothing_encode(buf, tag);
}
static long nothing_decode(uint64_t tag, struct vg_ipc_buffer *buf, void *p)
{
	(void)p;
	return kitchen_test_nothing_decode_reply(tag, buf);
}

/* Answers one call 50 ms late, then stops. */
static void slow_server(uint64_t ep)
{
	struct msg m, r = { 0, { 0 } };
	if (reply_recv((vg_handle_t)ep, NULL, &m) >= 0) {
		vg_thread_sleep_until((uint64_t)vg_clock_monotonic() + 50000000);
		vg_ipc_reply(r.tag, 0, 0, 0, 0);
	}
	vg_thread_exit(0);
}

UTEST(async_calls_complete_on_the_loop)
{
	vg_handle_t srv, ep, child;
	CHECK_EQ(vg_endpoint_create(&srv), 0);
	CHECK_EQ(vg_handle_duplicate(srv, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &ep), 0);
	CHECK_EQ(spawn_process(kitchen_svc_child, 0, &srv, 1, &child), 0);
	struct async_loop loop;
	CHECK_EQ(async_loop_init(&loop), 0);

	/* Twelve calls at once (more than there are helpers), then all. */
	static struct ints_call ic[10];
	static struct big_call bc[2];
	static unsigned char blob[3000], out[2][KITCHEN_TEST_BIG_BLOB2_MAX];
	for (size_t i = 0; i < sizeof(blob); i++)
		blob[i] = (unsigned char)(i ^ 0x5a);
	struct async_future *fs[12];
	for (int i = 0; i < 10; i++) {
		ic[i].a = (uint8_t)(i * 20);
		ic[i].h = -i;
		CHECK_EQ(async_call_start(&loop, &ic[i].call, ep, ints_encode, ints_decode, &ic[i]),
			 0);
		fs[i] = &ic[i].call.done;
	}
	for (int i = 0; i < 2; i++) {
		bc[i] = (struct big_call){ .blob = blob,
					   .len = sizeof(blob) - (size_t)i * 1000,
					   .blob2 = out[i] };
		CHECK_EQ(async_call_start(&loop, &bc[i].call, ep, big_encode, big_decode, &bc[i]),
			 0);
		fs[10 + i] = &bc[i].call.done;
	}
	struct async_all all;
	CHECK_EQ(async_all(&all, &loop, fs, 12), 0);
	CHECK_EQ(async_future_wait(&all.out, (uint64_t)vg_clock_monotonic() + 5000000000ull), 0);
	for (int i = 0; i < 10; i++)
		CHECK(ic[i].call.status == 0 && ic[i].a2 == (uint8_t)(i * 20 + 1) &&
		      ic[i].h2 == -i + 1);
	for (int i = 0; i < 2; i++)
		CHECK(bc[i].len2 == bc[i].len && bc[i].n == 4 &&
		      memcmp(out[i], blob, bc[i].len) == 0);

	/* A reply later than the future's deadline: the future says
	 * ERR_TIMED_OUT, the call still completes and is then dropped. */
	vg_handle_t slow;
	CHECK_EQ(vg_endpoint_create(&slow), 0);
	CHECK_EQ(vg_thread_start(slow_server, slow, NULL), 0);
	struct async_call sc;
	struct async_deadline d;
	CHECK_EQ(async_call_start(&loop, &sc, slow, nothing_encode, nothing_decode, NULL), 0);
	CHECK_EQ(async_future_timeout(&d, &sc.done, (uint64_t)vg_clock_monotonic() + 10000000), 0);
	CHECK_EQ(async_future_wait(&sc.done, (uint64_t)vg_clock_monotonic() + 1000000000),
		 ERR_TIMED_OUT);
	CHECK(async_call_busy(&sc));
	CHECK_EQ(async_loop_destroy(&loop), ERR_BUSY); /* a call in flight */
	uint64_t until = (uint64_t)vg_clock_monotonic() + 1000000000;
	while (async_call_busy(&sc) && async_loop_run_once(&loop, until) == 0)
		;
	CHECK(!async_call_busy(&sc) && sc.status == 0 && sc.done.status == ERR_TIMED_OUT);
	vg_handle_close(slow);
	CHECK_EQ(async_loop_destroy(&loop), 0);
	vg_handle_close(ep);
	vg_process_kill(child, 0);
	vg_handle_close(child);
}
