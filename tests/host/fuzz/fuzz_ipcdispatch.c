// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for a generated dispatcher (tests/idl/kitchen.idl): the
// input is a message as the kernel would deliver it (a tag, handles of
// arbitrary types and rights, words). Whatever it holds, the dispatcher
// must reply with a well-formed message (a status alone, or outputs with
// status 0), call the implementation only with valid inputs, and leave no
// handle open and no payload mapped. Half the inputs are raw messages; the
// other half start from a valid request of one method, edited in a few
// places, so that the checks deep inside each decoder are reached too.
#include <ipc/transport.h>
#include <ipc_loopback.h>
#include <kitchen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void fail(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

static char name_copy[65];
static unsigned char blob[65536];

static void check_color(kitchen_color_t c)
{
	if (!kitchen_color_valid(c))
		fail("an invalid enum reached the implementation");
}

static long do_ints(void *ctx, uint64_t badge, uint8_t a, uint16_t b, uint32_t c, uint64_t d,
		    int8_t e, int16_t f, int32_t g, int64_t h, uint8_t *a2, uint16_t *b2,
		    uint32_t *c2, uint64_t *d2, int8_t *e2, int16_t *f2, int32_t *g2, int64_t *h2)
{
	(void)ctx, (void)badge;
	*a2 = a, *b2 = b, *c2 = c, *d2 = d, *e2 = e, *f2 = f, *g2 = g, *h2 = h;
	return 0;
}

static long do_misc(void *ctx, uint64_t badge, bool flag, kitchen_color_t c, kitchen_delta_t dd,
		    const struct kitchen_shape *s, bool *flag2, kitchen_color_t *c2,
		    struct kitchen_shape *s2)
{
	(void)ctx, (void)badge;
	check_color(c);
	check_color(s->tint);
	if (!kitchen_delta_valid((uint64_t)(int64_t)dd))
		fail("an invalid delta reached the implementation");
	*flag2 = flag, *c2 = c, *s2 = *s;
	return 0;
}

static long do_text(void *ctx, uint64_t badge, const char *name, size_t name_len, const void *data,
		    size_t data_len, const char **name2, const void **data2, size_t *data2_len)
{
	(void)ctx, (void)badge, (void)data;
	if (name_len > 64 || strlen(name) != name_len || data_len > 100)
		fail("a bad string or bytes reached the implementation");
	memcpy(name_copy, name, name_len + 1);
	*name2 = name_copy;
	*data2 = blob;
	*data2_len = data_len;
	return name_len == 1 ? KITCHEN_OOPS_TOO_BIG : 0;
}

static long do_lists(void *ctx, uint64_t badge, const uint32_t *nums, size_t nums_count,
		     const kitchen_color_t *colors, size_t colors_count, const bool *bits,
		     size_t bits_count, const uint32_t **nums2, size_t *nums2_count,
		     const kitchen_color_t **colors2, size_t *colors2_count, const bool **bits2,
		     size_t *bits2_count)
{
	(void)ctx, (void)badge, (void)nums, (void)bits;
	for (size_t i = 0; i < colors_count; i++)
		check_color(colors[i]);
	*nums2 = (const uint32_t *)blob, *nums2_count = nums_count;
	*colors2 = NULL, *colors2_count = 0;
	*bits2 = NULL, *bits2_count = bits_count ? 0 : 0;
	return 0;
}

static long do_give(void *ctx, uint64_t badge, vg_handle_t mem, vg_handle_t ep, vg_handle_t *back)
{
	(void)ctx, (void)badge;
	if (!loopback_handle_alive(mem) || !loopback_handle_alive(ep))
		fail("a dead handle reached the implementation");
	ipc_rt_handle_close(ep);
	*back = mem;
	return 0;
}

static long do_big(void *ctx, uint64_t badge, const void *b, size_t blob_len, const char *path,
		   size_t path_len, const void **blob2, size_t *blob2_len, uint32_t *n)
{
	(void)ctx, (void)badge, (void)b;
	if (strlen(path) != path_len)
		fail("a bad payload string reached the implementation");
	*blob2 = blob, *blob2_len = blob_len, *n = (uint32_t)path_len;
	return 0;
}

static void do_poke(void *ctx, uint64_t badge, uint32_t what, const char *why, size_t why_len)
{
	(void)ctx, (void)badge, (void)what;
	if (strlen(why) != why_len)
		fail("a bad event string reached the implementation");
}

/* A register message (read word by word by the generated code). */
static long do_regs(void *ctx, uint64_t badge, uint8_t a, int16_t b, bool c, kitchen_delta_t d,
		    uint64_t *a2, int8_t *b2, bool *c2, kitchen_color_t *d2)
{
	(void)ctx, (void)badge;
	if (!kitchen_delta_valid((uint64_t)(int64_t)d) || (uint8_t)c > 1)
		fail("an invalid register value reached the implementation");
	*a2 = a, *b2 = (int8_t)b, *c2 = c, *d2 = KITCHEN_COLOR_BLUE;
	return 0;
}

static const struct kitchen_test_ops ops = { .ints = do_ints,
					     .misc = do_misc,
					     .text = do_text,
					     .lists = do_lists,
					     .give = do_give,
					     .big = do_big,
					     .poke = do_poke,
					     .regs = do_regs };
static struct kitchen_test_server server = { &ops, NULL };
static struct vg_ipc_buffer buf;
static void finish(uint64_t reply);

/* A valid request of method m (values from the input), as the client
 * encodes it; the handles it carries get their type and rights filled in
 * the way the kernel would. */
static uint64_t valid_request(unsigned m, const uint8_t *v, size_t n)
{
	uint64_t w[8] = { 0 };
	memcpy(w, v, n < sizeof(w) ? n : sizeof(w));
	char str[40];
	size_t slen = (size_t)(w[0] % 33);
	for (size_t i = 0; i < slen; i++)
		str[i] = (char)('a' + (w[1] >> (i % 60) & 15));
	str[slen] = 0;
	uint64_t tag = 0;
	switch (m) {
	case 0:
		kitchen_test_ints_encode(&buf, &tag, (uint8_t)w[0], (uint16_t)w[1], (uint32_t)w[2],
					 w[3], (int8_t)w[4], (int16_t)w[5], (int32_t)w[6],
					 (int64_t)w[7]);
		break;
	case 1: {
		struct kitchen_shape s = { { (int32_t)w[2], (int32_t)w[3] }, 7, w[4] & 1, w[5] };
		kitchen_test_misc_encode(&buf, &tag, w[1] & 1, 1, -1, &s);
		break;
	}
	case 2: kitchen_test_text_encode(&buf, &tag, str, v, n < 100 ? n : 100); break;
	case 3: {
		static const kitchen_color_t cs[3] = { 0, 1, 7 };
		static const bool bits[4] = { true, false, true, true };
		kitchen_test_lists_encode(&buf, &tag, (const uint32_t *)(const void *)w,
					  (size_t)(w[0] % 9), cs, 3, bits, 4);
		break;
	}
	case 4:
		kitchen_test_give_encode(&buf, &tag, loopback_handle_new(VG_OBJ_VMO, 0xff, 64),
					 loopback_handle_new(VG_OBJ_ENDPOINT, 0xff, 0));
		break;
	case 5: kitchen_test_big_encode(&buf, &tag, v, n, str); break;
	case 7:
		kitchen_test_regs_encode(&buf, &tag, (uint8_t)w[0], (int16_t)w[1], w[2] & 1,
					 (kitchen_delta_t)(w[3] % 3) - 1);
		break;
	default: kitchen_test_poke_encode(&buf, &tag, (uint32_t)w[0], str); break;
	}
	for (uint32_t i = 0; i < VG_IPC_TAG_HANDLES(tag); i++) {
		uint32_t type = VG_OBJ_VMO, rights = 0xff;
		if (m == 4 && i == 1)
			type = VG_OBJ_ENDPOINT;
		buf.handle_info[i] = type << 16 | rights;
	}
	return tag;
}

/* Structured mode: a valid request, then up to 8 edits (a word index and
 * a value to XOR into it, or into the tag or a handle's info). The edited
 * message is then delivered as the kernel would: exactly the handles the
 * tag counts, each a real object of the type and rights its info says. */
static uint64_t mutated_request(const uint8_t *data, size_t size)
{
	memset(&buf, 0, sizeof(buf));
	size_t nv = size > 72 ? 64 : (size > 8 ? size - 8 : 0);
	uint64_t tag = valid_request(data[0] % 8, data + 8, nv);
	uint32_t sent = VG_IPC_TAG_HANDLES(tag), before[VG_IPC_MAX_HANDLES];
	memcpy(before, buf.handle_info, sizeof(before));
	for (size_t k = 8 + nv; k + 3 <= size && k < 8 + nv + 8 * 3; k += 3) {
		uint8_t where = data[k], what = data[k + 1], shift = data[k + 2] % 64;
		if (where == 0xff)
			tag ^= (uint64_t)what << shift;
		else if (where >= 0xf0)
			buf.handle_info[where & 7] ^= (uint32_t)what << (shift % 24);
		else
			buf.words[where % 64] ^= (uint64_t)what << shift;
	}
	uint32_t nh = VG_IPC_TAG_HANDLES(tag);
	for (uint32_t i = 0; i < VG_IPC_MAX_HANDLES; i++) {
		bool was_sent = i < sent;
		if (i >= nh) {
			if (was_sent)
				ipc_rt_handle_close(buf.handles[i]);
			continue;
		}
		if (was_sent && buf.handle_info[i] == before[i])
			continue;
		if (was_sent)
			ipc_rt_handle_close(buf.handles[i]);
		uint32_t type = VG_IPC_HANDLE_TYPE(buf.handle_info[i]);
		uint32_t rights = VG_IPC_HANDLE_RIGHTS(buf.handle_info[i]);
		buf.handles[i] = loopback_handle_new(type, rights, 64);
		buf.handle_info[i] = type << 16 | rights;
	}
	return tag;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 8)
		return 0;
	loopback_reset();
	if (data[1] & 0x40) {
		uint64_t tag = mutated_request(data, size);
		uint64_t reply = 0;
		kitchen_test_dispatch(&server, 1, tag, &buf, &reply);
		finish(reply);
		return 0;
	}
	uint32_t label = data[1] & 0x80 ? (uint32_t)data[0] << 24 | data[1]
					: (uint32_t)KITCHEN_TEST_ID << 16 | (data[0] % 12);
	uint32_t nwords = (data[2] | (uint32_t)data[3] << 8) & 0x3ff;
	uint32_t nhandles = data[4] & 0xf;
	uint64_t tag = VG_IPC_TAG(label, nwords, nhandles) | (data[5] == 0xff ? 1ull << 62 : 0);
	size_t k = 8;
	memset(&buf, 0, sizeof(buf));
	for (uint32_t i = 0; i < nhandles && i < VG_IPC_MAX_HANDLES; i++, k += 3) {
		uint32_t type = k < size ? data[k] % 7 : VG_OBJ_VMO;
		uint32_t rights = k + 1 < size ? data[k + 1] : 0xff;
		size_t vmo_size = k + 2 < size ? (size_t)data[k + 2] * 64 : 64;
		buf.handles[i] = loopback_handle_new(type, rights, vmo_size);
		buf.handle_info[i] = type << 16 | rights;
	}
	if (k < size) {
		size_t n = size - k;
		if (n > sizeof(buf.words))
			n = sizeof(buf.words);
		memcpy(buf.words, data + k, n);
	}
	uint64_t reply = 0;
	kitchen_test_dispatch(&server, 1, tag, &buf, &reply);
	finish(reply);
	return 0;
}

/* The reply is well formed and nothing is left open or mapped. */
static void finish(uint64_t reply)
{
	if (reply & VG_IPC_TAG_RESERVED)
		fail("reply tag with reserved bits");
	if (VG_IPC_TAG_LABEL(reply) && (VG_IPC_TAG_WORDS(reply) || VG_IPC_TAG_HANDLES(reply)))
		fail("an error reply carries data");
	/* The reply's handles go to the client: close them, then nothing may
	 * be left. */
	for (uint32_t i = 0; i < VG_IPC_TAG_HANDLES(reply); i++)
		ipc_rt_handle_close(buf.handles[i]);
	/* Handles beyond the 8 a message can carry were never delivered. */
	if (loopback_handles_live() != 0)
		fail("a handle was leaked");
	if (loopback_mappings_live() != 0)
		fail("a payload was left mapped");
}
