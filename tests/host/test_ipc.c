// SPDX-License-Identifier: BSD-2-Clause
// The IPC runtime and generated code from tests/idl/kitchen.idl, through the
// loopback fake: generated client stub -> loopback -> generated dispatcher
// -> the implementation below -> reply, with random values of every kind;
// then malformed messages (each rejected with an error reply, the
// implementation never called, every handle closed, the server still
// serving), and the checks the stubs make on both sides. The asynchronous
// stubs run on a fake of lib/async (tests/host/support/async_fake.c).
#include <async_fake.h>
#include <ipc/transport.h>
#include <ipc_loopback.h>
#include <kitchen.h>
#include <kitchen_async.h>
#include <string.h>
#include <vtest.h>

/* ---- the implementation: echoes, keeping outputs in its own storage ---- */

struct impl {
	int calls;
	kitchen_delta_t dd;
	char name[65];
	unsigned char data[100];
	uint32_t nums[50];
	kitchen_color_t colors[8];
	bool bits[16];
	unsigned char blob[65536];
	vg_handle_t got_mem, got_ep;
	uint32_t poke_what;
	char poke_why[33];
	long force_status; /* returned instead of 0 when set */
	bool bad_output; /* an output out of bounds */
};

static struct impl impl;

static long do_ints(void *ctx, uint64_t badge, uint8_t a, uint16_t b, uint32_t c, uint64_t d,
		    int8_t e, int16_t f, int32_t g, int64_t h, uint8_t *a2, uint16_t *b2,
		    uint32_t *c2, uint64_t *d2, int8_t *e2, int16_t *f2, int32_t *g2, int64_t *h2)
{
	(void)badge;
	((struct impl *)ctx)->calls++;
	*a2 = a, *b2 = b, *c2 = c, *d2 = d, *e2 = e, *f2 = f, *g2 = g, *h2 = h;
	return impl.force_status;
}

static long do_misc(void *ctx, uint64_t badge, bool flag, kitchen_color_t c, kitchen_delta_t dd,
		    const struct kitchen_shape *s, bool *flag2, kitchen_color_t *c2,
		    struct kitchen_shape *s2)
{
	(void)ctx;
	(void)badge;
	impl.calls++;
	impl.dd = dd;
	*flag2 = flag;
	*c2 = impl.bad_output ? 3 : c;
	*s2 = *s;
	return impl.force_status;
}

static long do_text(void *ctx, uint64_t badge, const char *name, size_t name_len, const void *data,
		    size_t data_len, const char **name2, const void **data2, size_t *data2_len)
{
	(void)ctx;
	(void)badge;
	impl.calls++;
	if (strlen(name) != name_len)
		return ERR_INVALID_ARGS;
	if (!strcmp(name, "missing"))
		return KITCHEN_OOPS_NOT_FOUND;
	memcpy(impl.name, name, name_len + 1);
	memcpy(impl.data, data, data_len);
	*name2 = impl.bad_output ? "this string is longer than sixty-four characters, "
				   "which the protocol does not allow"
				 : impl.name;
	*data2 = impl.data;
	*data2_len = data_len;
	return impl.force_status;
}

static long do_lists(void *ctx, uint64_t badge, const uint32_t *nums, size_t nums_count,
		     const kitchen_color_t *colors, size_t colors_count, const bool *bits,
		     size_t bits_count, const uint32_t **nums2, size_t *nums2_count,
		     const kitchen_color_t **colors2, size_t *colors2_count, const bool **bits2,
		     size_t *bits2_count)
{
	(void)ctx;
	(void)badge;
	impl.calls++;
	memcpy(impl.nums, nums, nums_count * sizeof(*nums));
	memcpy(impl.colors, colors, colors_count);
	memcpy(impl.bits, bits, bits_count);
	*nums2 = impl.nums, *nums2_count = nums_count;
	*colors2 = impl.colors, *colors2_count = colors_count;
	*bits2 = impl.bits, *bits2_count = bits_count;
	if (impl.bad_output)
		*nums2 = nums; /* points into the request: not allowed */
	return impl.force_status;
}

static long do_give(void *ctx, uint64_t badge, vg_handle_t mem, vg_handle_t ep, vg_handle_t *back)
{
	(void)ctx;
	(void)badge;
	impl.calls++;
	impl.got_mem = mem;
	impl.got_ep = ep;
	ipc_rt_handle_close(ep);
	*back = mem;
	return impl.force_status;
}

static long do_big(void *ctx, uint64_t badge, const void *blob, size_t blob_len, const char *path,
		   size_t path_len, const void **blob2, size_t *blob2_len, uint32_t *n)
{
	(void)ctx;
	(void)badge;
	impl.calls++;
	memcpy(impl.blob, blob, blob_len);
	*blob2 = impl.blob;
	*blob2_len = blob_len;
	*n = (uint32_t)path_len;
	return strlen(path) == path_len ? impl.force_status : ERR_INVALID_ARGS;
}

static void do_poke(void *ctx, uint64_t badge, uint32_t what, const char *why, size_t why_len)
{
	(void)ctx;
	(void)badge;
	impl.calls++;
	impl.poke_what = what;
	memcpy(impl.poke_why, why, why_len + 1);
}

static long do_nothing(void *ctx, uint64_t badge)
{
	(void)ctx;
	(void)badge;
	impl.calls++;
	return impl.force_status;
}

/* A register message both ways: a2 = a + 1000, b2 = b's low byte, c2 =
 * !c, d2 = blue for up, red otherwise (3, undeclared, for a bad output). */
static long do_regs(void *ctx, uint64_t badge, uint8_t a, int16_t b, bool c, kitchen_delta_t d,
		    uint64_t *a2, int8_t *b2, bool *c2, kitchen_color_t *d2)
{
	(void)ctx;
	(void)badge;
	impl.calls++;
	*a2 = a + 1000u;
	*b2 = (int8_t)b;
	*c2 = !c;
	*d2 = impl.bad_output ? 3 : d == KITCHEN_DELTA_UP ? KITCHEN_COLOR_BLUE : KITCHEN_COLOR_RED;
	return impl.force_status;
}

static const struct kitchen_test_ops ops = {
	.ints = do_ints,
	.misc = do_misc,
	.text = do_text,
	.lists = do_lists,
	.give = do_give,
	.big = do_big,
	.poke = do_poke,
	.nothing = do_nothing,
	.regs = do_regs,
};
static struct kitchen_test_server server = { &ops, &impl };

static vg_handle_t setup(void)
{
	loopback_reset();
	memset(&impl, 0, sizeof(impl));
	return loopback_endpoint(kitchen_test_dispatch, &server, 42);
}

/* Nothing left behind: only the endpoint open, nothing mapped. */
static void check_clean(int handles)
{
	CHECK_EQ_I(loopback_handles_live(), handles);
	CHECK_EQ_I(loopback_mappings_live(), 0);
}

static const kitchen_color_t colors[] = { KITCHEN_COLOR_RED, KITCHEN_COLOR_GREEN,
					  KITCHEN_COLOR_BLUE };

/* ---- round trips ---- */

TEST(ipc, roundtrip_ints)
{
	vg_handle_t ep = setup();
	uint64_t rng = 1;
	for (int i = 0; i < 500; i++) {
		uint64_t r[8];
		for (int k = 0; k < 8; k++)
			r[k] = vtest_rand(&rng);
		uint8_t a2;
		uint16_t b2;
		uint32_t c2;
		uint64_t d2;
		int8_t e2;
		int16_t f2;
		int32_t g2;
		int64_t h2;
		long st = kitchen_test_ints(ep, (uint8_t)r[0], (uint16_t)r[1], (uint32_t)r[2], r[3],
					    (int8_t)r[4], (int16_t)r[5], (int32_t)r[6],
					    (int64_t)r[7], &a2, &b2, &c2, &d2, &e2, &f2, &g2, &h2);
		CHECK_EQ_I(st, 0);
		CHECK_EQ_U(a2, (uint8_t)r[0]);
		CHECK_EQ_U(b2, (uint16_t)r[1]);
		CHECK_EQ_U(c2, (uint32_t)r[2]);
		CHECK_EQ_U(d2, r[3]);
		CHECK_EQ_I(e2, (int8_t)r[4]);
		CHECK_EQ_I(f2, (int16_t)r[5]);
		CHECK_EQ_I(g2, (int32_t)r[6]);
		CHECK_EQ_I(h2, (int64_t)r[7]);
	}
	CHECK_EQ_I(impl.calls, 500);
	check_clean(1);
}

TEST(ipc, roundtrip_misc)
{
	vg_handle_t ep = setup();
	uint64_t rng = 2;
	static const kitchen_delta_t deltas[] = { KITCHEN_DELTA_DOWN, KITCHEN_DELTA_NONE,
						  KITCHEN_DELTA_UP };
	for (int i = 0; i < 300; i++) {
		struct kitchen_shape s = {
			.origin = { (int32_t)vtest_rand(&rng), (int32_t)vtest_rand(&rng) },
			.tint = colors[vtest_below(&rng, 3)],
			.filled = vtest_below(&rng, 2),
			.weight = vtest_rand(&rng),
		}, s2;
		bool flag = vtest_below(&rng, 2), flag2;
		kitchen_color_t c = colors[vtest_below(&rng, 3)], c2;
		kitchen_delta_t dd = deltas[vtest_below(&rng, 3)];
		CHECK_EQ_I(kitchen_test_misc(ep, flag, c, dd, &s, &flag2, &c2, &s2), 0);
		CHECK(flag2 == flag);
		CHECK_EQ_U(c2, c);
		CHECK_EQ_I(impl.dd, dd);
		CHECK_EQ_I(s2.origin.x, s.origin.x);
		CHECK_EQ_I(s2.origin.y, s.origin.y);
		CHECK_EQ_U(s2.tint, s.tint);
		CHECK(s2.filled == s.filled);
		CHECK_EQ_U(s2.weight, s.weight);
	}
	check_clean(1);
}

static void random_string(uint64_t *rng, char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		s[i] = (char)(1 + vtest_below(rng, 255));
	s[len] = 0;
}

TEST(ipc, roundtrip_text)
{
	vg_handle_t ep = setup();
	uint64_t rng = 3;
	for (int i = 0; i < 300; i++) {
		char name[65], name2[65];
		unsigned char data[100], data2[100];
		size_t nlen = vtest_below(&rng, 65), dlen = vtest_below(&rng, 101), dlen2 = 999;
		random_string(&rng, name, nlen);
		for (size_t k = 0; k < dlen; k++)
			data[k] = (unsigned char)vtest_rand(&rng);
		CHECK_EQ_I(kitchen_test_text(ep, name, data, dlen, name2, data2, &dlen2), 0);
		CHECK_STREQ(name2, name);
		CHECK_EQ_U(dlen2, dlen);
		CHECK(!memcmp(data2, data, dlen));
	}
	check_clean(1);
}

TEST(ipc, roundtrip_lists)
{
	vg_handle_t ep = setup();
	uint64_t rng = 4;
	for (int i = 0; i < 300; i++) {
		uint32_t nums[50], nums2[50];
		kitchen_color_t cs[8], cs2[8];
		bool bits[16], bits2[16];
		size_t nn = vtest_below(&rng, 51), nc = vtest_below(&rng, 9),
		       nb = vtest_below(&rng, 17);
		size_t nn2, nc2, nb2;
		for (size_t k = 0; k < nn; k++)
			nums[k] = (uint32_t)vtest_rand(&rng);
		for (size_t k = 0; k < nc; k++)
			cs[k] = colors[vtest_below(&rng, 3)];
		for (size_t k = 0; k < nb; k++)
			bits[k] = vtest_below(&rng, 2);
		CHECK_EQ_I(kitchen_test_lists(ep, nums, nn, cs, nc, bits, nb, nums2, &nn2, cs2,
					      &nc2, bits2, &nb2),
			   0);
		CHECK_EQ_U(nn2, nn);
		CHECK_EQ_U(nc2, nc);
		CHECK_EQ_U(nb2, nb);
		CHECK(!memcmp(nums2, nums, nn * 4));
		CHECK(!memcmp(cs2, cs, nc));
		CHECK(!memcmp(bits2, bits, nb));
	}
	check_clean(1);
}

TEST(ipc, roundtrip_handles)
{
	vg_handle_t ep = setup();
	vg_handle_t mem = loopback_handle_new(VG_OBJ_VMO,
					      VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_TRANSFER, 16);
	vg_handle_t other = loopback_handle_new(VG_OBJ_ENDPOINT, VG_RIGHT_TRANSFER, 0);
	vg_handle_t back = 0;
	CHECK_EQ_I(kitchen_test_give(ep, mem, other, &back), 0);
	CHECK_EQ_U(impl.got_mem, mem);
	CHECK_EQ_U(impl.got_ep, other);
	CHECK_EQ_U(back, mem);
	CHECK(!loopback_handle_alive(other));
	CHECK(loopback_handle_alive(back));
	ipc_rt_handle_close(back);
	check_clean(1);
}

TEST(ipc, roundtrip_big_payloads)
{
	vg_handle_t ep = setup();
	uint64_t rng = 6;
	static unsigned char blob[65536], blob2[65536];
	static char path[20001];
	for (int i = 0; i < 40; i++) {
		size_t blen = i == 0 ? 65536 : i == 1 ? 0 : vtest_below(&rng, 65537);
		size_t plen = i == 0 ? 20000 : vtest_below(&rng, 20001), blen2 = 0;
		uint32_t n = 0;
		for (size_t k = 0; k < blen; k++)
			blob[k] = (unsigned char)vtest_rand(&rng);
		random_string(&rng, path, plen);
		CHECK_EQ_I(kitchen_test_big(ep, blob, blen, path, blob2, &blen2, &n), 0);
		CHECK_EQ_U(blen2, blen);
		CHECK_EQ_U(n, plen);
		CHECK(!memcmp(blob2, blob, blen));
		check_clean(1);
	}
}

TEST(ipc, roundtrip_register_messages)
{
	vg_handle_t ep = setup();
	uint64_t rng = 8;
	static const kitchen_delta_t deltas[] = { KITCHEN_DELTA_DOWN, KITCHEN_DELTA_NONE,
						  KITCHEN_DELTA_UP };
	for (int i = 0; i < 300; i++) {
		uint8_t a = (uint8_t)vtest_rand(&rng);
		int16_t b = (int16_t)vtest_rand(&rng);
		bool c = vtest_rand(&rng) & 1;
		kitchen_delta_t d = deltas[vtest_below(&rng, 3)];
		uint64_t a2;
		int8_t b2;
		bool c2;
		kitchen_color_t d2;
		CHECK_EQ_I(kitchen_test_regs(ep, a, b, c, d, &a2, &b2, &c2, &d2), 0);
		CHECK_EQ_U(a2, a + 1000u);
		CHECK_EQ_I(b2, (int8_t)b);
		CHECK(c2 == !c);
		CHECK_EQ_U(d2, d == KITCHEN_DELTA_UP ? KITCHEN_COLOR_BLUE : KITCHEN_COLOR_RED);
	}
	/* Checked before anything is sent, as any other message. */
	uint64_t a2;
	int8_t b2;
	bool c2;
	kitchen_color_t d2;
	CHECK_EQ_I(kitchen_test_regs(ep, 1, 2, true, 2, &a2, &b2, &c2, &d2), ERR_INVALID_ARGS);
	CHECK_EQ_I(impl.calls, 300);
	/* The method's status, and no outputs with it. */
	impl.force_status = ERR_NOT_FOUND;
	a2 = 77;
	CHECK_EQ_I(kitchen_test_regs(ep, 1, 2, true, 0, &a2, &b2, &c2, &d2), ERR_NOT_FOUND);
	CHECK_EQ_U(a2, 77);
	check_clean(1);
}

TEST(ipc, event_and_empty)
{
	vg_handle_t ep = setup();
	CHECK_EQ_I(kitchen_test_poke_send(ep, 77, "because"), 0);
	CHECK_EQ_U(impl.poke_what, 77);
	CHECK_STREQ(impl.poke_why, "because");
	CHECK_EQ_I(kitchen_test_nothing(ep), 0);
	CHECK_EQ_I(impl.calls, 2);
	check_clean(1);
}

/* ---- asynchronous stubs (kitchen_async.h) ---- */

static int async_done;
static void on_text(struct kitchen_test_text_call *c, long status, void *ctx)
{
	CHECK(ctx == &async_done);
	CHECK_EQ_I(status, c->ipc_call.done.status);
	async_done++;
}

TEST(ipc, async_stubs_every_kind)
{
	vg_handle_t ep = setup();
	struct async_loop *loop = (struct async_loop *)&async_done; /* only passed on */
	uint64_t rng = 9;
	uint64_t r[8];
	for (int k = 0; k < 8; k++)
		r[k] = vtest_rand(&rng);
	static struct kitchen_test_ints_call ic;
	CHECK_EQ_I(kitchen_test_ints_start(loop, &ic, ep, (uint8_t)r[0], (uint16_t)r[1],
					   (uint32_t)r[2], r[3], (int8_t)r[4], (int16_t)r[5],
					   (int32_t)r[6], (int64_t)r[7], NULL, NULL),
		   0);
	struct kitchen_shape s = { { -3, 4 }, KITCHEN_COLOR_BLUE, true, r[0] };
	static struct kitchen_test_misc_call mc;
	CHECK_EQ_I(kitchen_test_misc_start(loop, &mc, ep, true, KITCHEN_COLOR_GREEN,
					   KITCHEN_DELTA_UP, &s, NULL, NULL),
		   0);
	s.weight = 0; /* copied at the start */
	static struct kitchen_test_text_call tc, terr;
	static char name2[65], name3[65] = "untouched";
	static unsigned char data2[100], data3[100];
	async_done = 0;
	CHECK_EQ_I(kitchen_test_text_start(loop, &tc, ep, "hello", "\x00\x01\x02", 3, name2, data2,
					   on_text, &async_done),
		   0);
	CHECK_EQ_I(kitchen_test_text_start(loop, &terr, ep, "missing", "", 0, name3, data3, on_text,
					   &async_done),
		   0);
	static uint32_t nums[50] = { 1, 2, 3 }, nums2[50];
	static bool bits[16] = { true, false, true }, bits2[16];
	static kitchen_color_t cols2[8];
	static struct kitchen_test_lists_call lc;
	CHECK_EQ_I(kitchen_test_lists_start(loop, &lc, ep, nums, 50, colors, 3, bits, 3, nums2,
					    cols2, bits2, NULL, NULL),
		   0);
	vg_handle_t mem = loopback_handle_new(VG_OBJ_VMO,
					      VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_TRANSFER, 16);
	vg_handle_t other = loopback_handle_new(VG_OBJ_ENDPOINT, VG_RIGHT_TRANSFER, 0);
	static struct kitchen_test_give_call gc;
	CHECK_EQ_I(kitchen_test_give_start(loop, &gc, ep, mem, other, NULL, NULL), 0);
	static unsigned char blob[65536], blob2[65536];
	for (size_t k = 0; k < sizeof(blob); k++)
		blob[k] = (unsigned char)vtest_rand(&rng);
	static struct kitchen_test_big_call bc;
	CHECK_EQ_I(kitchen_test_big_start(loop, &bc, ep, blob, sizeof(blob), "path", blob2, NULL,
					  NULL),
		   0);
	static struct kitchen_test_poke_call pc;
	static struct kitchen_test_nothing_call nc;
	CHECK_EQ_I(kitchen_test_poke_start(loop, &pc, ep, 31, "later", NULL, NULL), 0);
	CHECK_EQ_I(kitchen_test_nothing_start(loop, &nc, ep, NULL, NULL), 0);

	/* Nothing has happened yet: the calls wait for the helper. */
	CHECK_EQ_I(impl.calls, 0);
	CHECK_EQ_I(async_fake_pending(), 9);
	CHECK(!ic.ipc_call.done.done && async_call_busy(&ic.ipc_call));
	while (async_fake_run())
		;
	CHECK_EQ_I(impl.calls, 9);
	CHECK(ic.ipc_call.done.done && ic.ipc_call.done.status == 0);
	CHECK_EQ_U(ic.out.a2, (uint8_t)r[0]);
	CHECK_EQ_U(ic.out.b2, (uint16_t)r[1]);
	CHECK_EQ_U(ic.out.c2, (uint32_t)r[2]);
	CHECK_EQ_U(ic.out.d2, r[3]);
	CHECK_EQ_I(ic.out.e2, (int8_t)r[4]);
	CHECK_EQ_I(ic.out.f2, (int16_t)r[5]);
	CHECK_EQ_I(ic.out.g2, (int32_t)r[6]);
	CHECK_EQ_I(ic.out.h2, (int64_t)r[7]);
	CHECK(mc.ipc_call.done.status == 0 && mc.out.flag2 && mc.out.c2 == KITCHEN_COLOR_GREEN);
	CHECK_EQ_I(impl.dd, KITCHEN_DELTA_UP);
	CHECK(mc.out.s2.origin.x == -3 && mc.out.s2.origin.y == 4 && mc.out.s2.filled &&
	      mc.out.s2.weight == r[0] && mc.out.s2.tint == KITCHEN_COLOR_BLUE);
	CHECK_EQ_I(async_done, 2);
	CHECK_EQ_I(tc.ipc_call.done.status, 0);
	CHECK_STREQ(name2, "hello");
	CHECK(tc.out.data2_len == 3 && !memcmp(data2, "\x00\x01\x02", 3));
	CHECK_EQ_I(terr.ipc_call.done.status, KITCHEN_OOPS_NOT_FOUND);
	CHECK_STREQ(name3, "untouched");
	CHECK(lc.out.nums2_count == 50 && !memcmp(nums2, nums, sizeof(nums)));
	CHECK(lc.out.colors2_count == 3 && !memcmp(cols2, colors, 3 * sizeof(colors[0])));
	CHECK(lc.out.bits2_count == 3 && bits2[0] && !bits2[1] && bits2[2]);
	CHECK(gc.ipc_call.done.status == 0 && gc.out.back == mem && impl.got_ep == other);
	ipc_rt_handle_close(gc.out.back);
	CHECK(bc.ipc_call.done.status == 0 && bc.out.blob2_len == sizeof(blob) && bc.out.n == 4);
	CHECK(!memcmp(blob, blob2, sizeof(blob)));
	CHECK(pc.ipc_call.done.status == 0 && impl.poke_what == 31);
	CHECK_STREQ(impl.poke_why, "later");
	CHECK_EQ_I(nc.ipc_call.done.status, 0);

	/* Bad arguments: refused at the start, nothing queued, handles kept. */
	mem = loopback_handle_new(VG_OBJ_VMO, VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_TRANSFER, 16);
	CHECK_EQ_I(kitchen_test_give_start(loop, &gc, ep, mem, VG_HANDLE_INVALID, NULL, NULL),
		   ERR_INVALID_ARGS);
	CHECK(loopback_handle_alive(mem));
	ipc_rt_handle_close(mem);
	CHECK_EQ_I(kitchen_test_text_start(loop, &tc, ep, "x", "", 0, NULL, data2, NULL, NULL),
		   ERR_INVALID_ARGS);
	CHECK_EQ_I(kitchen_test_text_start(loop, &tc, ep, "x", NULL, 1, name2, data2, NULL, NULL),
		   ERR_INVALID_ARGS);
	CHECK_EQ_I(
		kitchen_test_misc_start(loop, &mc, ep, true, 2, KITCHEN_DELTA_UP, &s, NULL, NULL),
		ERR_INVALID_ARGS);
	CHECK_EQ_I(kitchen_test_lists_start(loop, &lc, ep, nums, 51, colors, 3, bits, 3, nums2,
					    cols2, bits2, NULL, NULL),
		   ERR_INVALID_ARGS);
	CHECK_EQ_I(kitchen_test_ints_start(loop, NULL, ep, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL),
		   ERR_INVALID_ARGS);
	CHECK_EQ_I(async_fake_pending(), 0);
	check_clean(1);
}

TEST(ipc, app_errors)
{
	vg_handle_t ep = setup();
	char name2[65];
	unsigned char data2[100];
	size_t dlen2;
	CHECK_EQ_I(kitchen_test_text(ep, "missing", "", 0, name2, data2, &dlen2),
		   KITCHEN_OOPS_NOT_FOUND);
	impl.force_status = ERR_NOT_FOUND;
	CHECK_EQ_I(kitchen_test_nothing(ep), ERR_NOT_FOUND);
	/* Not a value of the method's error enum: the server says so. */
	impl.force_status = 9;
	CHECK_EQ_I(kitchen_test_text(ep, "x", "", 0, name2, data2, &dlen2), ERR_BAD_STATE);
	CHECK_EQ_I(kitchen_test_nothing(ep), ERR_BAD_STATE);
	/* An output handle of a failed call is closed, not leaked. */
	impl.force_status = KITCHEN_OOPS_TOO_BIG;
	vg_handle_t mem = loopback_handle_new(VG_OBJ_VMO,
					      VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_TRANSFER, 1);
	vg_handle_t other = loopback_handle_new(VG_OBJ_ENDPOINT, VG_RIGHT_TRANSFER, 0), back = 0;
	CHECK_EQ_I(kitchen_test_give(ep, mem, other, &back), ERR_BAD_STATE);
	CHECK_EQ_U(back, 0);
	check_clean(1);
}

TEST(ipc, bad_outputs)
{
	vg_handle_t ep = setup();
	impl.bad_output = true;
	char name2[65];
	unsigned char data2[100];
	size_t dlen2;
	CHECK_EQ_I(kitchen_test_text(ep, "x", "", 0, name2, data2, &dlen2), ERR_BAD_STATE);
	struct kitchen_shape s = { { 1, 2 }, KITCHEN_COLOR_RED, true, 3 }, s2;
	bool f2;
	kitchen_color_t c2;
	CHECK_EQ_I(kitchen_test_misc(ep, true, KITCHEN_COLOR_RED, 0, &s, &f2, &c2, &s2),
		   ERR_BAD_STATE);
	uint32_t nums[3] = { 1, 2, 3 }, nums2[50];
	kitchen_color_t cs2[8];
	bool bits2[16];
	size_t a, b, c;
	CHECK_EQ_I(kitchen_test_lists(ep, nums, 3, NULL, 0, NULL, 0, nums2, &a, cs2, &b, bits2, &c),
		   ERR_BAD_STATE);
	uint64_t ra;
	int8_t rb;
	bool rc;
	kitchen_color_t rd;
	CHECK_EQ_I(kitchen_test_regs(ep, 1, 2, true, 0, &ra, &rb, &rc, &rd), ERR_BAD_STATE);
	check_clean(1);
}

TEST(ipc, client_checks)
{
	vg_handle_t ep = setup();
	char name2[65];
	unsigned char data2[100];
	size_t dlen2;
	char longname[66];
	memset(longname, 'a', 65);
	longname[65] = 0;
	CHECK_EQ_I(kitchen_test_text(ep, longname, "", 0, name2, data2, &dlen2), ERR_INVALID_ARGS);
	CHECK_EQ_I(kitchen_test_text(ep, NULL, "", 0, name2, data2, &dlen2), ERR_INVALID_ARGS);
	CHECK_EQ_I(kitchen_test_text(ep, "a", data2, 101, name2, data2, &dlen2), ERR_INVALID_ARGS);
	CHECK_EQ_I(kitchen_test_text(ep, "a", NULL, 1, name2, data2, &dlen2), ERR_INVALID_ARGS);
	struct kitchen_shape s = { { 1, 2 }, 5, true, 3 }, s2;
	bool f2;
	kitchen_color_t c2;
	CHECK_EQ_I(kitchen_test_misc(ep, true, 4, 0, &s, &f2, &c2, &s2), ERR_INVALID_ARGS);
	s.tint = 0;
	CHECK_EQ_I(kitchen_test_misc(ep, true, 0, 5, &s, &f2, &c2, &s2), ERR_INVALID_ARGS);
	CHECK_EQ_I(kitchen_test_misc(ep, true, 0, 0, NULL, &f2, &c2, &s2), ERR_INVALID_ARGS);
	kitchen_color_t badc[2] = { 0, 2 };
	uint32_t nums2[50];
	kitchen_color_t cs2[8];
	bool bits2[16];
	size_t a, b, c;
	CHECK_EQ_I(kitchen_test_lists(ep, NULL, 0, badc, 2, NULL, 0, nums2, &a, cs2, &b, bits2, &c),
		   ERR_INVALID_ARGS);
	vg_handle_t back;
	CHECK_EQ_I(kitchen_test_give(ep, 0, 0, &back), ERR_INVALID_ARGS);
	CHECK_EQ_I(impl.calls, 0);
	check_clean(1);
}

/* ---- malformed requests, made by tampering with good ones in flight ---- */

static void (*edit)(uint64_t *tag, struct vg_ipc_buffer *buf);
static void tamper(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	edit(tag, buf);
}

static uint32_t words_of(uint64_t tag)
{
	return VG_IPC_TAG_WORDS(tag);
}

static void set_words(uint64_t *tag, uint32_t n)
{
	*tag = VG_IPC_TAG(VG_IPC_TAG_LABEL(*tag), n, VG_IPC_TAG_HANDLES(*tag));
}

static void e_truncate(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)buf;
	set_words(tag, words_of(*tag) - 1);
}
static void e_extra_word(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	buf->words[words_of(*tag)] = 0;
	set_words(tag, words_of(*tag) + 1);
}
static void e_too_many_words(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)buf;
	set_words(tag, 1017 & 0x3ff);
	*tag |= (uint64_t)1017 << 32;
}
static void e_reserved(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)buf;
	*tag |= 1ull << 60;
}
static void e_u8_high(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[0] |= 0x100;
}
static void e_i8_sign(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[4] = 0x80; /* -128 must be sign-extended */
}
static void e_i16_sign(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[5] = 0xffffffffffff7fffull;
}
static void e_bool(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[0] = 2;
}
static void e_enum(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[1] = 3;
}
static void e_enum_signed(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[2] = (uint64_t)-2;
}
static void e_enum_in_struct(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[5] = 6; /* shape.tint: flag, c, dd, x, y, tint */
}
static void e_bool_in_struct(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[6] = 7;
}
/* text: [0] name length, [1..] name bytes and NUL, then data length, data */
static void e_string_long(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[0] = 65;
}
static void e_string_len_past_end(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[0] = 64;
}
static void e_string_unterminated(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	((char *)&buf->words[1])[3] = 'x'; /* "abc" loses its NUL */
}
static void e_string_nul_inside(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	((char *)&buf->words[1])[1] = 0;
}
static void e_string_padding(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	((char *)&buf->words[1])[7] = 'p';
}
static void e_bytes_long(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[2] = 101;
}
static void e_bytes_past_end(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[2] = 100;
}
static void e_array_enum(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	/* lists: nums count 0, colors count 2 + one word, bits ... */
	((unsigned char *)&buf->words[2])[1] = 9;
}
static void e_array_bool(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	((unsigned char *)&buf->words[4])[0] = 2;
}
static void e_array_long(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[0] = 51;
}
static void e_label(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)buf;
	*tag = VG_IPC_TAG(KITCHEN_TEST_ID << 16 | 99, words_of(*tag), VG_IPC_TAG_HANDLES(*tag));
}
static void e_drop_handle(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)buf;
	*tag = VG_IPC_TAG(VG_IPC_TAG_LABEL(*tag), words_of(*tag), 1);
	/* The dropped handle stays the sender's in this fake: close it. */
	ipc_rt_handle_close(buf->handles[1]);
}
static void e_handle_type(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->handle_info[0] = VG_OBJ_ENDPOINT << 16 | 0xff;
}
static void e_handle_rights(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->handle_info[0] &= ~(uint32_t)VG_RIGHT_MAP;
}
static void e_payload_short(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[0] = 65536; /* more than the VMO holds */
}
/* Register messages (regs: a u8, b i16, c bool, d delta). */
static void e_reg_u8_high(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[0] |= 1ull << 63;
}
static void e_reg_i16_sign(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[1] = 0x8000; /* -32768 must be sign-extended */
}
static void e_reg_bool(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[2] = 3;
}
static void e_reg_enum(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[3] = 2;
}
static void e_reg_enum_high(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->words[3] = 1ull << 16 | 1; /* up, with a bit beyond its i16 */
}
static void e_reg_handle(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	buf->handles[0] = loopback_handle_new(VG_OBJ_VMO, VG_RIGHT_TRANSFER, 8);
	buf->handle_info[0] = VG_OBJ_VMO << 16 | VG_RIGHT_TRANSFER;
	*tag += VG_IPC_TAG(0, 0, 1);
}
static void e_payload_not_vmo(uint64_t *tag, struct vg_ipc_buffer *buf)
{
	(void)tag;
	buf->handle_info[1] = VG_OBJ_NOTIFICATION << 16 | 0xff;
}

struct bad_case {
	const char *name;
	void (*edit)(uint64_t *tag, struct vg_ipc_buffer *buf);
	int method; /* 0 ints, 1 misc, 2 text, 3 lists, 4 give, 5 big, 6 poke, 7 regs */
	long status;
};

static const struct bad_case bad_cases[] = {
	{ "truncated", e_truncate, 0, ERR_BAD_FORMAT },
	{ "extra word", e_extra_word, 0, ERR_BAD_FORMAT },
	{ "word count past the buffer", e_too_many_words, 0, ERR_BAD_FORMAT },
	{ "reserved tag bits", e_reserved, 0, ERR_BAD_FORMAT },
	{ "u8 high bits", e_u8_high, 0, ERR_OUT_OF_RANGE },
	{ "i8 not sign-extended", e_i8_sign, 0, ERR_OUT_OF_RANGE },
	{ "i16 bad sign bits", e_i16_sign, 0, ERR_OUT_OF_RANGE },
	{ "bool 2", e_bool, 1, ERR_OUT_OF_RANGE },
	{ "enum out of range", e_enum, 1, ERR_OUT_OF_RANGE },
	{ "signed enum out of range", e_enum_signed, 1, ERR_OUT_OF_RANGE },
	{ "enum in a struct", e_enum_in_struct, 1, ERR_OUT_OF_RANGE },
	{ "bool in a struct", e_bool_in_struct, 1, ERR_OUT_OF_RANGE },
	{ "string over its maximum", e_string_long, 2, ERR_OUT_OF_RANGE },
	{ "string past the message", e_string_len_past_end, 2, ERR_BAD_FORMAT },
	{ "string unterminated", e_string_unterminated, 2, ERR_BAD_FORMAT },
	{ "string with a NUL inside", e_string_nul_inside, 2, ERR_BAD_FORMAT },
	{ "string padding not zero", e_string_padding, 2, ERR_BAD_FORMAT },
	{ "bytes over their maximum", e_bytes_long, 2, ERR_OUT_OF_RANGE },
	{ "bytes past the message", e_bytes_past_end, 2, ERR_BAD_FORMAT },
	{ "array of enums, bad element", e_array_enum, 3, ERR_OUT_OF_RANGE },
	{ "array of bools, bad element", e_array_bool, 3, ERR_OUT_OF_RANGE },
	{ "array over its maximum", e_array_long, 3, ERR_OUT_OF_RANGE },
	{ "unknown label", e_label, 4, ERR_NOT_SUPPORTED },
	{ "handle missing", e_drop_handle, 4, ERR_BAD_FORMAT },
	{ "handle of the wrong type", e_handle_type, 4, ERR_WRONG_TYPE },
	{ "handle without a right", e_handle_rights, 4, ERR_ACCESS_DENIED },
	{ "payload longer than its VMO", e_payload_short, 5, ERR_BAD_FORMAT },
	{ "payload not in a VMO", e_payload_not_vmo, 5, ERR_WRONG_TYPE },
	{ "event truncated", e_truncate, 6, 0 },
	{ "register message truncated", e_truncate, 7, ERR_BAD_FORMAT },
	{ "register message with an extra word", e_extra_word, 7, ERR_BAD_FORMAT },
	{ "register message with reserved tag bits", e_reserved, 7, ERR_BAD_FORMAT },
	{ "register message with a handle", e_reg_handle, 7, ERR_BAD_FORMAT },
	{ "register u8 high bits", e_reg_u8_high, 7, ERR_OUT_OF_RANGE },
	{ "register i16 not sign-extended", e_reg_i16_sign, 7, ERR_OUT_OF_RANGE },
	{ "register bool 3", e_reg_bool, 7, ERR_OUT_OF_RANGE },
	{ "register enum undeclared", e_reg_enum, 7, ERR_OUT_OF_RANGE },
	{ "register enum high bits", e_reg_enum_high, 7, ERR_OUT_OF_RANGE },
};

static long send_one(vg_handle_t ep, int method)
{
	static unsigned char blob[1000], blob2[65536];
	char name2[65];
	unsigned char data2[100];
	size_t n1, n2, n3;
	switch (method) {
	case 0: {
		uint8_t a;
		uint16_t b;
		uint32_t c;
		uint64_t d;
		int8_t e;
		int16_t f;
		int32_t g;
		int64_t h;
		return kitchen_test_ints(ep, 1, 2, 3, 4, -5, -6, 7, 8, &a, &b, &c, &d, &e, &f, &g,
					 &h);
	}
	case 1: {
		struct kitchen_shape s = { { 1, 2 }, KITCHEN_COLOR_BLUE, true, 3 }, s2;
		bool f2;
		kitchen_color_t c2;
		return kitchen_test_misc(ep, true, KITCHEN_COLOR_GREEN, KITCHEN_DELTA_UP, &s, &f2,
					 &c2, &s2);
	}
	case 2: return kitchen_test_text(ep, "abc", "0123456789", 10, name2, data2, &n1);
	case 3: {
		kitchen_color_t cs[2] = { 1, 7 }, cs2[8];
		bool bits[3] = { true, false, true }, bits2[16];
		uint32_t nums2[50];
		return kitchen_test_lists(ep, NULL, 0, cs, 2, bits, 3, nums2, &n1, cs2, &n2, bits2,
					  &n3);
	}
	case 4: {
		vg_handle_t mem = loopback_handle_new(
			VG_OBJ_VMO, VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_TRANSFER, 8);
		vg_handle_t other = loopback_handle_new(VG_OBJ_ENDPOINT, VG_RIGHT_TRANSFER, 0);
		vg_handle_t back = 0;
		long st = kitchen_test_give(ep, mem, other, &back);
		if (!st)
			ipc_rt_handle_close(back);
		return st;
	}
	case 5: {
		uint32_t n;
		return kitchen_test_big(ep, blob, sizeof(blob), "/a/path", blob2, &n1, &n);
	}
	case 7: {
		uint64_t a2;
		int8_t b2;
		bool c2;
		kitchen_color_t d2;
		return kitchen_test_regs(ep, 200, -300, true, KITCHEN_DELTA_UP, &a2, &b2, &c2, &d2);
	}
	default: return kitchen_test_poke_send(ep, 1, "why");
	}
}

TEST(ipc, malformed_requests)
{
	vg_handle_t ep = setup();
	loopback_set_tamper(tamper);
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *bc = &bad_cases[i];
		/* The good message is served... */
		edit = NULL;
		loopback_set_tamper(NULL);
		int before = impl.calls;
		CHECK_MSG(send_one(ep, bc->method) == 0, "%s: the good message failed", bc->name);
		CHECK_MSG(impl.calls == before + 1, "%s: not served", bc->name);
		/* ...the bad one rejected, the implementation never called... */
		edit = bc->edit;
		loopback_set_tamper(tamper);
		long st = send_one(ep, bc->method);
		CHECK_MSG(st == bc->status, "%s: status %ld, expected %ld", bc->name, st,
			  bc->status);
		CHECK_MSG(impl.calls == before + 1, "%s: the implementation was called", bc->name);
		/* ...and nothing leaked. */
		CHECK_MSG(loopback_handles_live() == 1, "%s: %d handles open", bc->name,
			  loopback_handles_live());
		CHECK_MSG(loopback_mappings_live() == 0, "%s: mappings left", bc->name);
	}
	/* The server still serves. */
	loopback_set_tamper(NULL);
	CHECK_EQ_I(send_one(ep, 0), 0);
}

/* A missing operation is "not supported", and the server goes on. */
TEST(ipc, missing_operation)
{
	vg_handle_t ep = setup();
	struct kitchen_test_ops partial = { .ints = do_ints };
	struct kitchen_test_server srv = { &partial, &impl };
	vg_handle_t ep2 = loopback_endpoint(kitchen_test_dispatch, &srv, 1);
	CHECK_EQ_I(send_one(ep2, 4), ERR_NOT_SUPPORTED);
	CHECK_EQ_I(send_one(ep2, 7), ERR_NOT_SUPPORTED);
	CHECK_EQ_I(send_one(ep2, 0), 0);
	CHECK_EQ_I(send_one(ep, 4), 0);
	check_clean(2);
}

/* ---- malformed replies, checked by the client's decoder ---- */

TEST(ipc, malformed_replies)
{
	struct vg_ipc_buffer buf;
	memset(&buf, 0, sizeof(buf));
	uint32_t y;
	/* A status with words. */
	CHECK_EQ_I(kitchen_test_ints_decode_reply(VG_IPC_TAG(ERR_NOT_FOUND, 1, 0), &buf, NULL, NULL,
						  NULL, NULL, NULL, NULL, NULL, NULL),
		   ERR_BAD_FORMAT);
	/* An error value the method does not declare. */
	CHECK_EQ_I(kitchen_test_nothing_decode_reply(VG_IPC_TAG(3, 0, 0), &buf), ERR_BAD_FORMAT);
	size_t n;
	char name[65];
	unsigned char data[100];
	CHECK_EQ_I(kitchen_test_text_decode_reply(VG_IPC_TAG(3, 0, 0), &buf, name, data, &n),
		   ERR_BAD_FORMAT);
	CHECK_EQ_I(kitchen_test_text_decode_reply(VG_IPC_TAG(2, 0, 0), &buf, name, data, &n),
		   KITCHEN_OOPS_TOO_BIG);
	/* Too few words for the outputs. */
	CHECK_EQ_I(kitchen_test_text_decode_reply(VG_IPC_TAG(0, 1, 0), &buf, name, data, &n),
		   ERR_BAD_FORMAT);
	/* A register reply: each word checked, the outputs left alone. */
	uint64_t a2 = 5;
	int8_t b2;
	bool c2;
	kitchen_color_t d2;
	const uint64_t good[4] = { 1ull << 40, (uint64_t)-128, 1, KITCHEN_COLOR_BLUE };
	memcpy(buf.words, good, sizeof(good));
	CHECK_EQ_I(kitchen_test_regs_decode_reply(VG_IPC_TAG(0, 4, 0), &buf, &a2, &b2, &c2, &d2),
		   0);
	CHECK(a2 == 1ull << 40 && b2 == -128 && c2 && d2 == KITCHEN_COLOR_BLUE);
	static const struct {
		int word;
		uint64_t value;
	} bad_words[] = { { 1, 0x80 }, { 1, 1ull << 8 }, { 2, 2 }, { 3, 3 }, { 3, 1ull << 8 | 1 } };
	for (size_t i = 0; i < sizeof(bad_words) / sizeof(bad_words[0]); i++) {
		memcpy(buf.words, good, sizeof(good));
		buf.words[bad_words[i].word] = bad_words[i].value;
		a2 = 5;
		CHECK_EQ_I(kitchen_test_regs_decode_reply(VG_IPC_TAG(0, 4, 0), &buf, &a2, &b2, &c2,
							  &d2),
			   ERR_OUT_OF_RANGE);
		CHECK_EQ_U(a2, 5);
	}
	memcpy(buf.words, good, sizeof(good));
	CHECK_EQ_I(kitchen_test_regs_decode_reply(VG_IPC_TAG(0, 3, 0), &buf, &a2, &b2, &c2, &d2),
		   ERR_BAD_FORMAT);
	CHECK_EQ_I(kitchen_test_regs_decode_reply(VG_IPC_TAG(ERR_NOT_FOUND, 0, 0), &buf, &a2, &b2,
						  &c2, &d2),
		   ERR_NOT_FOUND);
	CHECK_EQ_I(kitchen_test_regs_decode_reply(VG_IPC_TAG(0, 4, 0) | 1ull << 60, &buf, &a2, &b2,
						  &c2, &d2),
		   ERR_BAD_FORMAT);
	CHECK_EQ_U(a2, 5);
	(void)y;
}

/* ---- the serving loop over the transport calls ---- */

TEST(ipc, serve_loop)
{
	setup();
	struct vg_ipc_buffer msg;
	uint64_t tag;
	memset(&msg, 0, sizeof(msg));
	CHECK_EQ_I(kitchen_test_nothing_encode(&msg, &tag), 0);
	loopback_queue(tag, &msg, 5);
	loopback_queue(VG_IPC_TAG(12345, 0, 0), &msg, 6);
	CHECK_EQ_I(kitchen_test_poke_encode(&msg, &tag, 3, "hi"), 0);
	loopback_queue(tag, &msg, 7);
	CHECK_EQ_I(ipc_serve(1, kitchen_test_dispatch, &server), ERR_PEER_CLOSED);
	CHECK_EQ_I(loopback_nreplies(), 3);
	CHECK_EQ_U(loopback_reply(0), ipc_status_tag(0));
	CHECK_EQ_U(loopback_reply(1), ipc_status_tag(ERR_NOT_SUPPORTED));
	CHECK_EQ_U(impl.poke_what, 3);
	CHECK_EQ_I(impl.calls, 2);
}

/* A reply that cannot move (the caller's handle table full, say): the
 * caller gets the error instead, the handles the reply carried are closed,
 * and the loop goes on serving the next caller. */
TEST(ipc, serve_loop_survives_a_lost_reply)
{
	setup();
	struct vg_ipc_buffer msg;
	uint64_t tag;
	memset(&msg, 0, sizeof(msg));
	CHECK_EQ_I(kitchen_test_nothing_encode(&msg, &tag), 0);
	loopback_queue(tag, &msg, 5);
	loopback_queue(tag, &msg, 6);
	loopback_fail_next_reply(ERR_NO_MEMORY);
	CHECK_EQ_I(ipc_serve(1, kitchen_test_dispatch, &server), ERR_PEER_CLOSED);
	CHECK_EQ_I(loopback_nreplies(), 2);
	CHECK_EQ_U(loopback_reply(0), ipc_status_tag(ERR_NO_MEMORY));
	CHECK_EQ_U(loopback_reply(1), ipc_status_tag(0));
	CHECK_EQ_I(impl.calls, 2);
}
