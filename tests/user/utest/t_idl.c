// SPDX-License-Identifier: BSD-2-Clause
// Generated stubs and dispatchers on the target: the kitchen service (every
// parameter kind, bin/kitchen) in a process of its own served by an event
// loop, called
// synchronously; malformed messages refused with an error reply while the
// server goes on serving.
#include "../kitchen_svc.h"
#include "../utest.h"

/* The kitchen service in a child process; *ep: a handle to call it. */
static long start_kitchen(vg_handle_t *ep, vg_handle_t *child)
{
	vg_handle_t srv;
	long st = vg_endpoint_create(&srv);
	if (st)
		return st;
	if ((st = vg_handle_duplicate(srv, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, ep)))
		return st;
	return spawn_server("bin/kitchen", srv, child);
}

static void stop_child(vg_handle_t child, vg_handle_t ep)
{
	vg_handle_close(ep);
	vg_process_kill(child, 0);
	vg_handle_close(child);
}

UTEST(idl_kitchen_sync_calls_every_kind)
{
	vg_handle_t ep, child;
	CHECK_EQ(start_kitchen(&ep, &child), 0);

	uint8_t a;
	uint16_t b;
	uint32_t c;
	uint64_t d;
	int8_t e;
	int16_t f;
	int32_t g;
	int64_t h;
	CHECK_EQ(kitchen_test_ints(ep, 255, 7, 0xfffffffe, 1ull << 40, -128, -2, -1, INT64_MAX, &a,
				   &b, &c, &d, &e, &f, &g, &h),
		 0);
	CHECK(a == 0 && b == 8 && c == 0xffffffff && d == (1ull << 40) + 1 && e == -127 &&
	      f == -1 && g == 0 && h == INT64_MIN);

	struct kitchen_shape s = { { -5, 9 }, KITCHEN_COLOR_BLUE, true, 77 }, s2;
	bool flag2;
	kitchen_color_t c2;
	CHECK_EQ(kitchen_test_misc(ep, true, KITCHEN_COLOR_GREEN, KITCHEN_DELTA_DOWN, &s, &flag2,
				   &c2, &s2),
		 0);
	CHECK(!flag2 && c2 == KITCHEN_COLOR_GREEN && s2.origin.x == -4 && s2.origin.y == 9 &&
	      s2.tint == KITCHEN_COLOR_BLUE && s2.filled && s2.weight == 77);

	char name2[KITCHEN_TEST_TEXT_NAME2_MAX + 1];
	unsigned char data2[KITCHEN_TEST_TEXT_DATA2_MAX];
	size_t n2;
	CHECK_EQ(kitchen_test_text(ep, "verdigris", "\x01\x02\xff", 3, name2, data2, &n2), 0);
	CHECK_EQ(strcmp(name2, "sirgidrev"), 0);
	CHECK(n2 == 3 && data2[0] == 0xfe && data2[1] == 0xfd && data2[2] == 0);
	CHECK_EQ(kitchen_test_text(ep, "missing", "", 0, name2, data2, &n2),
		 KITCHEN_OOPS_NOT_FOUND);

	uint32_t nums[50], nums2[50];
	for (int i = 0; i < 50; i++)
		nums[i] = (uint32_t)i * 3;
	kitchen_color_t cols[3] = { KITCHEN_COLOR_RED, KITCHEN_COLOR_GREEN, KITCHEN_COLOR_BLUE },
			cols2[8];
	bool bits[16] = { true, false, true }, bits2[16];
	size_t nn, nc, nb;
	CHECK_EQ(kitchen_test_lists(ep, nums, 50, cols, 3, bits, 3, nums2, &nn, cols2, &nc, bits2,
				    &nb),
		 0);
	CHECK(nn == 50 && nums2[49] == 49 * 6 && nc == 3 && cols2[0] == KITCHEN_COLOR_BLUE &&
	      nb == 3 && !bits2[0] && bits2[1] && !bits2[2]);

	/* Handles both ways: the VMO comes back reduced to read. */
	vg_handle_t vmo, ep2, back;
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	CHECK_EQ(vg_endpoint_create(&ep2), 0);
	CHECK_EQ(vg_vmo_write(vmo, 0, "abc", 3), 0);
	CHECK_EQ(kitchen_test_give(ep, vmo, ep2, &back), 0);
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(back, &info), 0);
	CHECK(info.type == VG_OBJ_VMO && (info.rights & VG_RIGHT_READ) &&
	      !(info.rights & VG_RIGHT_WRITE));
	char got[4] = { 0 };
	CHECK_EQ(vg_vmo_read(back, 0, got, 3), 0);
	CHECK_EQ(strcmp(got, "abc"), 0);
	CHECK_EQ(vg_handle_info(vmo, &info), ERR_BAD_HANDLE); /* moved */
	vg_handle_close(back);

	/* Payloads in VMOs, at their maximum and empty. */
	static unsigned char blob[KITCHEN_TEST_BIG_BLOB_MAX], blob2[KITCHEN_TEST_BIG_BLOB2_MAX];
	static char path[KITCHEN_TEST_BIG_PATH_MAX + 1];
	for (size_t i = 0; i < sizeof(blob); i++)
		blob[i] = (unsigned char)(i * 7 + 1);
	memset(path, 'p', KITCHEN_TEST_BIG_PATH_MAX);
	uint32_t n;
	CHECK_EQ(kitchen_test_big(ep, blob, sizeof(blob), path, blob2, &n2, &n), 0);
	CHECK(n2 == sizeof(blob) && n == KITCHEN_TEST_BIG_PATH_MAX);
	CHECK_EQ(memcmp(blob, blob2, sizeof(blob)), 0);
	CHECK_EQ(kitchen_test_big(ep, blob, 0, "", blob2, &n2, &n), 0);
	CHECK(n2 == 0 && n == 0);

	/* A register message both ways. */
	uint64_t ra;
	int8_t rb;
	bool rc;
	kitchen_color_t rd;
	CHECK_EQ(kitchen_test_regs(ep, 200, -3, false, KITCHEN_DELTA_DOWN, &ra, &rb, &rc, &rd), 0);
	CHECK(ra == 400 && rb == 3 && rc && rd == KITCHEN_COLOR_GREEN);

	/* An event, then a call: the server saw the event first. */
	CHECK_EQ(kitchen_test_poke_send(ep, 5, "why not"), 0);
	CHECK_EQ(kitchen_test_nothing(ep), 0);
	/* Arguments are checked before anything is sent. */
	CHECK_EQ(kitchen_test_text(ep, NULL, "", 0, name2, data2, &n2), ERR_INVALID_ARGS);
	CHECK_EQ(kitchen_test_misc(ep, true, 3, KITCHEN_DELTA_UP, &s, &flag2, &c2, &s2),
		 ERR_INVALID_ARGS);
	stop_child(child, ep);
}

/* A raw call: the reply's status (its label), or the transport's error. */
static long raw_call(vg_handle_t ep, uint64_t tag, struct vg_ipc_buffer *buf)
{
	uint64_t reply;
	long st = vg_ipc_call_msg(ep, tag, buf, &reply);
	if (st)
		return st;
	if (VG_IPC_TAG_WORDS(reply) || VG_IPC_TAG_HANDLES(reply))
		return 1000; /* an error reply carries nothing */
	return (int32_t)VG_IPC_TAG_LABEL(reply);
}

UTEST(idl_malformed_requests_get_error_replies)
{
	vg_handle_t ep, child;
	CHECK_EQ(start_kitchen(&ep, &child), 0);
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	uint64_t tag;
	uint8_t a;
	uint16_t b;
	uint32_t c;
	uint64_t d;
	int8_t e;
	int16_t f;
	int32_t g;
	int64_t h;

	/* Truncated: ints without its last word. */
	CHECK_EQ(kitchen_test_ints_encode(buf, &tag, 1, 2, 3, 4, 5, 6, 7, 8), 0);
	CHECK_EQ(VG_IPC_TAG_WORDS(tag), 8);
	CHECK_EQ(raw_call(ep, VG_IPC_TAG(VG_IPC_TAG_LABEL(tag), 7, 0), buf), ERR_BAD_FORMAT);
	/* Oversized: a word too many, and the most words a message holds. */
	CHECK_EQ(kitchen_test_ints_encode(buf, &tag, 1, 2, 3, 4, 5, 6, 7, 8), 0);
	CHECK_EQ(raw_call(ep, VG_IPC_TAG(VG_IPC_TAG_LABEL(tag), 9, 0), buf), ERR_BAD_FORMAT);
	CHECK_EQ(raw_call(ep, VG_IPC_TAG(VG_IPC_TAG_LABEL(tag), VG_IPC_MAX_WORDS, 0), buf),
		 ERR_BAD_FORMAT);
	/* A value past its width, a string longer than its maximum. */
	CHECK_EQ(kitchen_test_ints_encode(buf, &tag, 1, 2, 3, 4, 5, 6, 7, 8), 0);
	buf->words[0] = 256;
	CHECK_EQ(raw_call(ep, tag, buf), ERR_OUT_OF_RANGE);
	CHECK_EQ(kitchen_test_text_encode(buf, &tag, "abc", "", 0), 0);
	buf->words[0] = KITCHEN_TEST_TEXT_NAME_MAX + 1;
	CHECK_EQ(raw_call(ep, tag, buf), ERR_OUT_OF_RANGE);
	/* Wrong handle rights: a VMO without map; a notification for a VMO. */
	vg_handle_t vmo, weak, ep2, note;
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	CHECK_EQ(vg_handle_duplicate(vmo, VG_RIGHT_READ | VG_RIGHT_TRANSFER, &weak), 0);
	CHECK_EQ(vg_endpoint_create(&ep2), 0);
	CHECK_EQ(kitchen_test_give_encode(buf, &tag, weak, ep2), 0);
	CHECK_EQ(raw_call(ep, tag, buf), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(vg_endpoint_create(&ep2), 0);
	CHECK_EQ(kitchen_test_give_encode(buf, &tag, note, ep2), 0);
	CHECK_EQ(raw_call(ep, tag, buf), ERR_WRONG_TYPE);
	/* An unknown method; reserved tag bits are the kernel's to refuse. */
	CHECK_EQ(raw_call(ep, VG_IPC_TAG(KITCHEN_TEST_ID << 16 | 99, 0, 0), buf),
		 ERR_NOT_SUPPORTED);
	/* And the server still serves. */
	CHECK_EQ(kitchen_test_ints(ep, 1, 2, 3, 4, 5, 6, 7, 8, &a, &b, &c, &d, &e, &f, &g, &h), 0);
	CHECK(a == 2 && h == 9);
	vg_handle_close(vmo);
	stop_child(child, ep);
}
