// SPDX-License-Identifier: BSD-2-Clause
// lib/async: the event loop's sources, futures, and the asynchronous
// stubs idlc generates (kitchen_async.h) on every parameter kind.
#include "../kitchen_svc.h"
#include "../utest.h"
#include <kitchen_async.h>

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

static int callbacks;
static long last_status;
static void on_ints(struct kitchen_test_ints_call *c, long status, void *ctx)
{
	CHECK(ctx == &callbacks && status == c->ipc_call.done.status);
	last_status = status;
	callbacks++;
}

/* Starts the kitchen service; *ep: a handle to call it. */
static long start_kitchen(vg_handle_t *ep, vg_handle_t *child)
{
	vg_handle_t srv;
	long st = vg_endpoint_create(&srv);
	if (!st && (st = vg_handle_duplicate(srv, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, ep)))
		vg_handle_close(srv);
	return st ? st : spawn_server("bin/kitchen", srv, child);
}

UTEST(async_stubs_every_kind)
{
	vg_handle_t ep, child;
	CHECK_EQ(start_kitchen(&ep, &child), 0);
	struct async_loop loop;
	CHECK_EQ(async_loop_init(&loop), 0);
	uint64_t deadline = (uint64_t)vg_clock_monotonic() + 5000000000ull;

	/* Integers, with a callback as well as the future. */
	static struct kitchen_test_ints_call ic;
	callbacks = 0;
	CHECK_EQ(kitchen_test_ints_start(&loop, &ic, ep, 255, 7, 0xfffffffe, 1ull << 40, -128, -2,
					 -1, INT64_MAX, on_ints, &callbacks),
		 0);
	CHECK_EQ(async_future_wait(&ic.ipc_call.done, deadline), 0);
	CHECK(callbacks == 1 && last_status == 0);
	CHECK(ic.out.a2 == 0 && ic.out.b2 == 8 && ic.out.c2 == 0xffffffff &&
	      ic.out.d2 == (1ull << 40) + 1 && ic.out.e2 == -127 && ic.out.f2 == -1 &&
	      ic.out.g2 == 0 && ic.out.h2 == INT64_MIN);

	/* Bool, enums, a struct (copied at the start: changing it after
	 * changes nothing). */
	static struct kitchen_test_misc_call mc;
	struct kitchen_shape s = { { -5, 9 }, KITCHEN_COLOR_BLUE, true, 77 };
	CHECK_EQ(kitchen_test_misc_start(&loop, &mc, ep, true, KITCHEN_COLOR_GREEN,
					 KITCHEN_DELTA_DOWN, &s, NULL, NULL),
		 0);
	s.origin.x = 1000;
	/* Strings and bytes, and the method's error. */
	static struct kitchen_test_text_call tc, tm;
	static char name2[KITCHEN_TEST_TEXT_NAME2_MAX + 1];
	static unsigned char data2[KITCHEN_TEST_TEXT_DATA2_MAX];
	CHECK_EQ(kitchen_test_text_start(&loop, &tc, ep, "verdigris", "\x01\x02\xff", 3, name2,
					 data2, NULL, NULL),
		 0);
	static char name3[KITCHEN_TEST_TEXT_NAME2_MAX + 1] = "untouched";
	static unsigned char data3[KITCHEN_TEST_TEXT_DATA2_MAX];
	CHECK_EQ(
		kitchen_test_text_start(&loop, &tm, ep, "missing", "", 0, name3, data3, NULL, NULL),
		0);
	/* Arrays of integers, enums and bools. */
	static struct kitchen_test_lists_call lc;
	static uint32_t nums[50], nums2[50];
	for (int i = 0; i < 50; i++)
		nums[i] = (uint32_t)i * 3;
	static const kitchen_color_t cols[3] = { KITCHEN_COLOR_RED, KITCHEN_COLOR_GREEN,
						 KITCHEN_COLOR_BLUE };
	static kitchen_color_t cols2[8];
	static const bool bits[3] = { true, false, true };
	static bool bits2[16];
	CHECK_EQ(kitchen_test_lists_start(&loop, &lc, ep, nums, 50, cols, 3, bits, 3, nums2, cols2,
					  bits2, NULL, NULL),
		 0);
	/* Handles both ways. */
	static struct kitchen_test_give_call gc;
	vg_handle_t vmo, ep2;
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	CHECK_EQ(vg_vmo_write(vmo, 0, "abc", 3), 0);
	CHECK_EQ(vg_endpoint_create(&ep2), 0);
	CHECK_EQ(kitchen_test_give_start(&loop, &gc, ep, vmo, ep2, NULL, NULL), 0);
	/* Payloads in VMOs. */
	static struct kitchen_test_big_call bc;
	static unsigned char blob[3000], blob2[KITCHEN_TEST_BIG_BLOB2_MAX];
	for (size_t i = 0; i < sizeof(blob); i++)
		blob[i] = (unsigned char)(i ^ 0x5a);
	CHECK_EQ(kitchen_test_big_start(&loop, &bc, ep, blob, sizeof(blob), "abcd", blob2, NULL,
					NULL),
		 0);
	/* An event, and a method with nothing either way. */
	static struct kitchen_test_poke_call pc;
	static struct kitchen_test_nothing_call nc;
	CHECK_EQ(kitchen_test_poke_start(&loop, &pc, ep, 5, "why not", NULL, NULL), 0);
	CHECK_EQ(kitchen_test_nothing_start(&loop, &nc, ep, NULL, NULL), 0);

	static struct kitchen_test_regs_call rc;
	CHECK_EQ(
		kitchen_test_regs_start(&loop, &rc, ep, 7, 300, true, KITCHEN_DELTA_UP, NULL, NULL),
		0);

	struct async_future *const fs[] = { &rc.ipc_call.done, &mc.ipc_call.done, &tc.ipc_call.done,
					    &lc.ipc_call.done, &gc.ipc_call.done, &bc.ipc_call.done,
					    &pc.ipc_call.done, &nc.ipc_call.done };
	struct async_all all;
	CHECK_EQ(async_all(&all, &loop, fs, sizeof(fs) / sizeof(fs[0])), 0);
	CHECK_EQ(async_future_wait(&all.out, deadline), 0);
	CHECK(rc.out.a2 == 14 && rc.out.b2 == -44 /* 300's low byte, 44, negated */ && !rc.out.c2 &&
	      rc.out.d2 == KITCHEN_COLOR_BLUE);
	CHECK(!mc.out.flag2 && mc.out.c2 == KITCHEN_COLOR_GREEN && mc.out.s2.origin.x == -4 &&
	      mc.out.s2.origin.y == 9 && mc.out.s2.tint == KITCHEN_COLOR_BLUE && mc.out.s2.filled &&
	      mc.out.s2.weight == 77);
	CHECK_EQ(async_future_wait(&tm.ipc_call.done, deadline), KITCHEN_OOPS_NOT_FOUND);
	CHECK_EQ(strcmp(name3, "untouched"), 0); /* no outputs on an error */
	CHECK(strcmp(name2, "sirgidrev") == 0 && tc.out.data2_len == 3 && data2[0] == 0xfe &&
	      data2[1] == 0xfd && data2[2] == 0);
	CHECK(lc.out.nums2_count == 50 && nums2[49] == 49 * 6 && lc.out.colors2_count == 3 &&
	      cols2[0] == KITCHEN_COLOR_BLUE && lc.out.bits2_count == 3 && !bits2[0] && bits2[1] &&
	      !bits2[2]);
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(gc.out.back, &info), 0);
	CHECK(info.type == VG_OBJ_VMO && !(info.rights & VG_RIGHT_WRITE));
	char got[4] = { 0 };
	CHECK_EQ(vg_vmo_read(gc.out.back, 0, got, 3), 0);
	CHECK_EQ(strcmp(got, "abc"), 0);
	vg_handle_close(gc.out.back);
	CHECK(bc.out.blob2_len == sizeof(blob) && bc.out.n == 4 &&
	      memcmp(blob, blob2, sizeof(blob)) == 0);

	/* Bad arguments are refused at the start: nothing sent, the handle
	 * still the caller's. */
	static struct kitchen_test_give_call bad;
	CHECK_EQ(kitchen_test_text_start(&loop, &tc, ep, NULL, "", 0, name2, data2, NULL, NULL),
		 ERR_INVALID_ARGS);
	CHECK_EQ(kitchen_test_text_start(&loop, &tc, ep, "x", "", 0, NULL, data2, NULL, NULL),
		 ERR_INVALID_ARGS);
	CHECK_EQ(kitchen_test_misc_start(&loop, &mc, ep, true, 3, KITCHEN_DELTA_UP, &s, NULL, NULL),
		 ERR_INVALID_ARGS);
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	CHECK_EQ(kitchen_test_give_start(&loop, &bad, ep, vmo, VG_HANDLE_INVALID, NULL, NULL),
		 ERR_INVALID_ARGS);
	CHECK_EQ(vg_handle_info(vmo, &info), 0);
	vg_handle_close(vmo);
	CHECK_EQ(async_loop_destroy(&loop), 0);
	vg_handle_close(ep);
	vg_process_kill(child, 0);
	vg_handle_close(child);
}

UTEST(async_calls_complete_on_the_loop)
{
	vg_handle_t ep, child;
	CHECK_EQ(start_kitchen(&ep, &child), 0);
	struct async_loop loop;
	CHECK_EQ(async_loop_init(&loop), 0);

	/* Twelve calls at once (more than there are helpers), then all. */
	static struct kitchen_test_ints_call ic[10];
	static struct kitchen_test_big_call bc[2];
	static unsigned char blob[3000], out[2][KITCHEN_TEST_BIG_BLOB2_MAX];
	for (size_t i = 0; i < sizeof(blob); i++)
		blob[i] = (unsigned char)(i ^ 0x5a);
	struct async_future *fs[12];
	callbacks = 0;
	for (int i = 0; i < 10; i++) {
		CHECK_EQ(kitchen_test_ints_start(&loop, &ic[i], ep, (uint8_t)(i * 20), 0, 0, 0, 0,
						 0, 0, -i, on_ints, &callbacks),
			 0);
		fs[i] = &ic[i].ipc_call.done;
	}
	for (int i = 0; i < 2; i++) {
		CHECK_EQ(kitchen_test_big_start(&loop, &bc[i], ep, blob,
						sizeof(blob) - (size_t)i * 1000, "abcd", out[i],
						NULL, NULL),
			 0);
		fs[10 + i] = &bc[i].ipc_call.done;
	}
	struct async_all all;
	CHECK_EQ(async_all(&all, &loop, fs, 12), 0);
	CHECK_EQ(async_future_wait(&all.out, (uint64_t)vg_clock_monotonic() + 5000000000ull), 0);
	CHECK_EQ(callbacks, 10);
	for (int i = 0; i < 10; i++)
		CHECK(ic[i].ipc_call.status == 0 && ic[i].out.a2 == (uint8_t)(i * 20 + 1) &&
		      ic[i].out.h2 == -i + 1);
	for (int i = 0; i < 2; i++)
		CHECK(bc[i].out.blob2_len == sizeof(blob) - (size_t)i * 1000 && bc[i].out.n == 4 &&
		      memcmp(out[i], blob, bc[i].out.blob2_len) == 0);

	/* A reply later than the future's deadline: the future says
	 * ERR_TIMED_OUT, the call still completes and is then dropped. */
	vg_handle_t slow;
	CHECK_EQ(vg_endpoint_create(&slow), 0);
	CHECK_EQ(vg_thread_start(slow_server, slow, NULL), 0);
	static struct kitchen_test_nothing_call nc;
	struct async_call *sc = &nc.ipc_call;
	struct async_deadline d;
	CHECK_EQ(kitchen_test_nothing_start(&loop, &nc, slow, NULL, NULL), 0);
	CHECK_EQ(async_future_timeout(&d, &sc->done, (uint64_t)vg_clock_monotonic() + 10000000), 0);
	CHECK_EQ(async_future_wait(&sc->done, (uint64_t)vg_clock_monotonic() + 1000000000),
		 ERR_TIMED_OUT);
	CHECK(async_call_busy(sc));
	CHECK_EQ(async_loop_destroy(&loop), ERR_BUSY); /* a call in flight */
	uint64_t until = (uint64_t)vg_clock_monotonic() + 1000000000;
	while (async_call_busy(sc) && async_loop_run_once(&loop, until) == 0)
		;
	CHECK(!async_call_busy(sc) && sc->status == 0 && sc->done.status == ERR_TIMED_OUT);
	vg_handle_close(slow);
	CHECK_EQ(async_loop_destroy(&loop), 0);
	vg_handle_close(ep);
	vg_process_kill(child, 0);
	vg_handle_close(child);
}
