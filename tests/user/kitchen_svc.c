// SPDX-License-Identifier: BSD-2-Clause
// The kitchen test service: every method of tests/idl/kitchen.idl.
//   ints   every value + 1 (wrapping)
//   misc   flag negated, colour kept, the shape moved one to the right
//   text   the name reversed, every data byte inverted; "missing" raises
//          not_found
//   lists  numbers doubled, colours reversed, bits negated
//   give   back: the VMO received, reduced to read (and transfer)
//   big    the blob back, n: the path's length
//   poke   adds `what` to kitchen_svc_pokes
//   regs   a2 = a * 2, b2 = b's low byte negated, c2 = !c, d2 = blue for up,
//          green for down, red otherwise
//   join   adds the service's endpoint to the bus as "svc.kitchen"
#include "kitchen_svc.h"
#include <async/server.h>
#include <bus.h>
#include <kernel/string.h>
#include <vg/vg.h>

volatile uint64_t kitchen_svc_pokes;

static long k_ints(void *ctx, uint64_t badge, uint8_t a, uint16_t b, uint32_t c, uint64_t d,
		   int8_t e, int16_t f, int32_t g, int64_t h, uint8_t *a2, uint16_t *b2,
		   uint32_t *c2, uint64_t *d2, int8_t *e2, int16_t *f2, int32_t *g2, int64_t *h2)
{
	(void)ctx;
	(void)badge;
	*a2 = (uint8_t)(a + 1);
	*b2 = (uint16_t)(b + 1);
	*c2 = c + 1;
	*d2 = d + 1;
	*e2 = (int8_t)(uint8_t)((uint8_t)e + 1);
	*f2 = (int16_t)(uint16_t)((uint16_t)f + 1);
	*g2 = (int32_t)((uint32_t)g + 1);
	*h2 = (int64_t)((uint64_t)h + 1);
	return 0;
}

static long k_misc(void *ctx, uint64_t badge, bool flag, kitchen_color_t c, kitchen_delta_t dd,
		   const struct kitchen_shape *s, bool *flag2, kitchen_color_t *c2,
		   struct kitchen_shape *s2)
{
	(void)ctx;
	(void)badge;
	(void)dd;
	*flag2 = !flag;
	*c2 = c;
	*s2 = *s;
	s2->origin.x++;
	return 0;
}

static char text_name[KITCHEN_TEST_TEXT_NAME2_MAX + 1];
static unsigned char text_data[KITCHEN_TEST_TEXT_DATA2_MAX];

static long k_text(void *ctx, uint64_t badge, const char *name, size_t name_len, const void *data,
		   size_t data_len, const char **name2, const void **data2, size_t *data2_len)
{
	(void)ctx;
	(void)badge;
	if (strcmp(name, "missing") == 0)
		return KITCHEN_OOPS_NOT_FOUND;
	for (size_t i = 0; i < name_len; i++)
		text_name[i] = name[name_len - 1 - i];
	text_name[name_len] = 0;
	for (size_t i = 0; i < data_len; i++)
		text_data[i] = (unsigned char)~((const unsigned char *)data)[i];
	*name2 = text_name;
	*data2 = text_data;
	*data2_len = data_len;
	return 0;
}

static uint32_t list_nums[KITCHEN_TEST_LISTS_NUMS2_MAX];
static kitchen_color_t list_colors[KITCHEN_TEST_LISTS_COLORS2_MAX];
static bool list_bits[KITCHEN_TEST_LISTS_BITS2_MAX];

static long k_lists(void *ctx, uint64_t badge, const uint32_t *nums, size_t nums_count,
		    const kitchen_color_t *colors, size_t colors_count, const bool *bits,
		    size_t bits_count, const uint32_t **nums2, size_t *nums2_count,
		    const kitchen_color_t **colors2, size_t *colors2_count, const bool **bits2,
		    size_t *bits2_count)
{
	(void)ctx;
	(void)badge;
	for (size_t i = 0; i < nums_count; i++)
		list_nums[i] = nums[i] * 2;
	for (size_t i = 0; i < colors_count; i++)
		list_colors[i] = colors[colors_count - 1 - i];
	for (size_t i = 0; i < bits_count; i++)
		list_bits[i] = !bits[i];
	*nums2 = list_nums;
	*nums2_count = nums_count;
	*colors2 = list_colors;
	*colors2_count = colors_count;
	*bits2 = list_bits;
	*bits2_count = bits_count;
	return 0;
}

static long k_give(void *ctx, uint64_t badge, vg_handle_t mem, vg_handle_t ep, vg_handle_t *back)
{
	(void)ctx;
	(void)badge;
	vg_handle_close(ep);
	long st = vg_handle_duplicate(mem, VG_RIGHT_READ | VG_RIGHT_TRANSFER, back);
	vg_handle_close(mem);
	return st;
}

static unsigned char big_blob[KITCHEN_TEST_BIG_BLOB2_MAX];

static long k_big(void *ctx, uint64_t badge, const void *blob, size_t blob_len, const char *path,
		  size_t path_len, const void **blob2, size_t *blob2_len, uint32_t *n)
{
	(void)ctx;
	(void)badge;
	(void)path;
	memcpy(big_blob, blob, blob_len);
	*blob2 = big_blob;
	*blob2_len = blob_len;
	*n = (uint32_t)path_len;
	return 0;
}

static void k_poke(void *ctx, uint64_t badge, uint32_t what, const char *why, size_t why_len)
{
	(void)ctx;
	(void)badge;
	(void)why;
	(void)why_len;
	kitchen_svc_pokes += what;
}

static long k_nothing(void *ctx, uint64_t badge)
{
	(void)ctx;
	(void)badge;
	return 0;
}

static long k_regs(void *ctx, uint64_t badge, uint8_t a, int16_t b, bool c, kitchen_delta_t d,
		   uint64_t *a2, int8_t *b2, bool *c2, kitchen_color_t *d2)
{
	(void)ctx;
	(void)badge;
	*a2 = (uint64_t)a * 2;
	int8_t low = (int8_t)b;
	*b2 = (int8_t)-low;
	*c2 = !c;
	*d2 = d == KITCHEN_DELTA_UP	  ? KITCHEN_COLOR_BLUE
		: d == KITCHEN_DELTA_DOWN ? KITCHEN_COLOR_GREEN
					  : KITCHEN_COLOR_RED;
	return 0;
}

/* The endpoint being served, for join. */
static vg_handle_t svc_ep;

static long k_join(void *ctx, uint64_t badge, vg_handle_t bus)
{
	(void)ctx;
	(void)badge;
	vg_handle_t mine;
	long st = vg_handle_duplicate(
		svc_ep, VG_RIGHT_SIGNAL | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, &mine);
	if (!st && (st = bus_names_add(bus, "svc.kitchen", mine)) == ERR_INVALID_ARGS)
		vg_handle_close(mine); /* not sent: still ours */
	vg_handle_close(bus);
	return st > 0 ? ERR_ACCESS_DENIED : st; /* the bus refused the name */
}

const struct kitchen_test_ops kitchen_svc_ops = {
	.ints = k_ints,
	.misc = k_misc,
	.text = k_text,
	.lists = k_lists,
	.give = k_give,
	.big = k_big,
	.poke = k_poke,
	.nothing = k_nothing,
	.join = k_join,
	.regs = k_regs,
};

static void svc_closed(struct async_loop *loop, struct async_server *s)
{
	(void)s;
	async_loop_quit(loop, 0);
}

long kitchen_svc_serve(vg_handle_t ep)
{
	static struct kitchen_test_server server = { &kitchen_svc_ops, NULL };
	struct async_loop loop;
	struct async_server s = { .closed = svc_closed };
	long st = async_loop_init(&loop);
	if (st)
		return st;
	svc_ep = ep;
	st = async_server_add(&loop, &s, ep, kitchen_test_dispatch, &server);
	if (!st)
		st = async_loop_run(&loop);
	async_loop_destroy(&loop);
	return st;
}
