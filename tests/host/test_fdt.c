// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/fdt.c: the accessors over dtc-compiled fixtures and QEMU's own
// device trees, and fdt_open's refusal of malformed blobs. Every blob sits in
// a heap buffer of exactly its size, so ASan reports any read past it.
#define _DEFAULT_SOURCE
#include <fdt_build.h>
#include <fdt_walk.h>
#include <kernel/fdt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <verdigris/errors.h>
#include <vtest.h>

/* ---- helpers ---- */

struct loaded {
	uint8_t *blob;
	size_t size;
	struct fdt f;
};

static struct loaded open_fixture(const char *name)
{
	struct loaded l;
	l.blob = vtest_load(name, &l.size);
	const char *why = NULL;
	int err = fdt_open(&l.f, l.blob, l.size, &why);
	CHECK_MSG(err == 0, "%s refused: %s", name, why ? why : "(no reason)");
	return l;
}

static void close_fixture(struct loaded *l)
{
	free(l->blob);
}

static int path(const struct loaded *l, const char *p)
{
	return fdt_path(&l->f, p);
}

/* Expects refusal with a reason containing want (NULL: any reason), and
 * an fdt left empty so that accessors on it find nothing. */
static void expect_refused_at(const char *file, int line, const uint8_t *blob, size_t max,
			      const char *want)
{
	struct fdt f;
	memset(&f, 0x5a, sizeof(f));
	const char *why = NULL;
	int err = fdt_open(&f, blob, max, &why);
	if (err != ERR_BAD_FORMAT)
		vtest_fail(file, line, "fdt_open returned %d, expected ERR_BAD_FORMAT", err);
	if (!why || !*why)
		vtest_fail(file, line, "refused without a reason");
	if (want && !strstr(why, want))
		vtest_fail(file, line, "reason \"%s\", expected \"%s\"", why, want);
	if (f.blob || f.st || f.size || fdt_path(&f, "/") != -1 || fdt_next_node(&f, -1) != -1)
		vtest_fail(file, line, "a refused fdt is still usable");
	uint64_t a, s;
	if (fdt_rsvmap(&f, 0, &a, &s) || fdt_first_child(&f, 0) != -1)
		vtest_fail(file, line, "a refused fdt is still usable");
}
#define EXPECT_REFUSED(blob, max, want) expect_refused_at(__FILE__, __LINE__, blob, max, want)

static void expect_accepted_at(const char *file, int line, const uint8_t *blob, size_t max)
{
	struct fdt f;
	const char *why = NULL;
	if (fdt_open(&f, blob, max, &why))
		vtest_fail(file, line, "refused: %s", why);
	const char *bad = fdt_walk_all(&f, NULL);
	if (bad)
		vtest_fail(file, line, "walk: %s", bad);
}
#define EXPECT_ACCEPTED(blob, max) expect_accepted_at(__FILE__, __LINE__, blob, max)

static void build_and_expect_refused_at(const char *file, int line, const struct fb *b,
					const char *want)
{
	size_t size;
	uint8_t *blob = fb_blob(b, &size);
	expect_refused_at(file, line, blob, size, want);
	free(blob);
}
#define BUILD_REFUSED(b, want) build_and_expect_refused_at(__FILE__, __LINE__, b, want)

/* A copy of a fixture to mutate. */
static uint8_t *board_copy(size_t *size)
{
	return vtest_load("board.dtb", size);
}

/* An independent walk of the structure block: offset of every token. */
struct tok {
	uint32_t off, type;
};

static size_t tokens(const uint8_t *blob, struct tok *out, size_t max)
{
	const uint8_t *st = blob + fb_get32(blob + FDT_H_OFF_STRUCT);
	uint32_t size = fb_get32(blob + FDT_H_SIZE_STRUCT), off = 0;
	size_t n = 0;
	while (off + 4 <= size && n < max) {
		uint32_t t = fb_get32(st + off);
		out[n++] = (struct tok){ off, t };
		if (t == FB_BEGIN)
			off = (off + 4 + (uint32_t)strlen((const char *)st + off + 4) + 1 + 3) &
				~3u;
		else if (t == FB_PROP)
			off = (off + 12 + fb_get32(st + off + 4) + 3) & ~3u;
		else if (t == FB_FINISH)
			break;
		else
			off += 4;
	}
	return n;
}

/* Offset (in the blob) of the k'th token of the given type; k < 0 counts
 * from the end. */
static uint32_t token_at(const uint8_t *blob, uint32_t type, int k)
{
	static struct tok t[4096];
	size_t n = tokens(blob, t, 4096);
	uint32_t base = fb_get32(blob + FDT_H_OFF_STRUCT);
	int seen = 0;
	if (k >= 0) {
		for (size_t i = 0; i < n; i++)
			if (t[i].type == type && seen++ == k)
				return base + t[i].off;
	} else {
		for (size_t i = n; i-- > 0;)
			if (t[i].type == type && --seen == k)
				return base + t[i].off;
	}
	FAIL("no token %u number %d", type, k);
}

/* ---- accepted blobs: the accessors ---- */

TEST(fdt, header_size)
{
	struct loaded l = open_fixture("board.dtb");
	CHECK_EQ_U(fdt_header_size(l.blob), l.size);
	CHECK_EQ_U(l.f.size, l.size);
	l.blob[0] ^= 1;
	CHECK_EQ_U(fdt_header_size(l.blob), 0);
	close_fixture(&l);
}

TEST(fdt, walk_fixtures)
{
	/* Every accessor, cross-checked, over every fixture. */
	static const char *const names[] = { "board.dtb",      "mem32.dtb",
					     "odd-chosen.dtb", "inverted-initrd.dtb",
					     "many-ram.dtb",   "empty-root.dtb" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct loaded l = open_fixture(names[i]);
		struct fdt_walk_stats st;
		const char *bad = fdt_walk_all(&l.f, &st);
		CHECK_MSG(!bad, "%s: %s", names[i], bad);
		CHECK(st.nodes >= 1);
		close_fixture(&l);
	}
}

TEST(fdt, empty_root)
{
	struct loaded l = open_fixture("empty-root.dtb");
	CHECK_EQ_I(path(&l, "/"), 0);
	CHECK_STREQ(fdt_node_name(&l.f, 0), "");
	CHECK_EQ_I(fdt_first_child(&l.f, 0), -1);
	CHECK_EQ_I(fdt_next_sibling(&l.f, 0), -1);
	CHECK_EQ_I(fdt_parent(&l.f, 0), -1);
	CHECK_EQ_I(fdt_next_node(&l.f, 0), -1);
	close_fixture(&l);
}

TEST(fdt, children_in_order)
{
	struct loaded l = open_fixture("board.dtb");
	static const char *const want[] = { "chosen",
					    "cpus",
					    "memory@40000000",
					    "memory-like@70000000",
					    "reserved-memory",
					    "soc",
					    "empty-node",
					    "props",
					    "deep",
					    "twins",
					    "cells" };
	size_t i = 0;
	for (int c = fdt_first_child(&l.f, 0); c >= 0; c = fdt_next_sibling(&l.f, c), i++) {
		CHECK(i < ARRAY_SIZE(want));
		CHECK_STREQ(fdt_node_name(&l.f, c), want[i]);
	}
	CHECK_EQ_U(i, ARRAY_SIZE(want));
	close_fixture(&l);
}

TEST(fdt, next_node_document_order)
{
	/* fdt_next_node visits exactly the BEGIN_NODE tokens, in order. */
	struct loaded l = open_fixture("board.dtb");
	static struct tok t[4096];
	size_t n = tokens(l.blob, t, 4096);
	int node = -1;
	size_t begins = 0;
	for (size_t i = 0; i < n; i++) {
		if (t[i].type != FB_BEGIN)
			continue;
		node = fdt_next_node(&l.f, node);
		CHECK_EQ_I(node, t[i].off);
		begins++;
	}
	CHECK_EQ_I(fdt_next_node(&l.f, node), -1);
	CHECK(begins > 40);
	close_fixture(&l);
}

TEST(fdt, leaf_and_last_sibling)
{
	struct loaded l = open_fixture("board.dtb");
	int leaf = path(&l, "/deep/a/b/c/d/leaf");
	CHECK(leaf > 0);
	CHECK_EQ_I(fdt_first_child(&l.f, leaf), -1);
	CHECK_EQ_I(fdt_next_sibling(&l.f, leaf), -1);
	CHECK_EQ_I(fdt_next_sibling(&l.f, path(&l, "/cells")), -1);
	CHECK_EQ_I(fdt_first_child(&l.f, path(&l, "/empty-node")), -1);
	/* In document order, the node after the deepest leaf is the next
	 * sibling of its outermost ancestor below the root: /twins. */
	CHECK_EQ_I(fdt_next_node(&l.f, leaf), path(&l, "/twins"));
	close_fixture(&l);
}

TEST(fdt, parent)
{
	struct loaded l = open_fixture("board.dtb");
	CHECK_EQ_I(fdt_parent(&l.f, 0), -1);
	CHECK_EQ_I(fdt_parent(&l.f, path(&l, "/soc")), 0);
	CHECK_EQ_I(fdt_parent(&l.f, path(&l, "/soc/serial@10000000")), path(&l, "/soc"));
	CHECK_EQ_I(fdt_parent(&l.f, path(&l, "/deep/a/b/c/d/leaf")), path(&l, "/deep/a/b/c/d"));
	CHECK_EQ_I(fdt_parent(&l.f, path(&l, "/twins/node@2")), path(&l, "/twins"));
	/* Offsets that are not nodes have no parent. */
	CHECK_EQ_I(fdt_parent(&l.f, 4), -1);
	CHECK_EQ_I(fdt_parent(&l.f, -1), -1);
	close_fixture(&l);
}

TEST(fdt, path_exact)
{
	struct loaded l = open_fixture("board.dtb");
	CHECK_EQ_I(path(&l, "/"), 0);
	int soc = path(&l, "/soc");
	CHECK(soc > 0);
	CHECK_STREQ(fdt_node_name(&l.f, soc), "soc");
	int u = path(&l, "/soc/uart@9001000");
	CHECK(u > 0);
	CHECK_STREQ(fdt_node_name(&l.f, u), "uart@9001000");
	CHECK_STREQ(fdt_node_name(&l.f, path(&l, "/memory@40000000")), "memory@40000000");
	CHECK_STREQ(fdt_node_name(&l.f, path(&l, "/deep/a/b/c/d/leaf")), "leaf");
	close_fixture(&l);
}

TEST(fdt, path_without_unit_address)
{
	/* A component without '@' matches a name with a unit address; the
	 * first such sibling wins, as in libfdt. */
	struct loaded l = open_fixture("board.dtb");
	CHECK_STREQ(fdt_node_name(&l.f, path(&l, "/memory")), "memory@40000000");
	CHECK_STREQ(fdt_node_name(&l.f, path(&l, "/soc/uart")), "uart@9000000");
	CHECK_STREQ(fdt_node_name(&l.f, path(&l, "/twins/node")), "node@1");
	CHECK_STREQ(fdt_node_name(&l.f, path(&l, "/cpus/cpu")), "cpu@0");
	/* "memory-like@70000000" is not "memory" plus a unit address. */
	CHECK(path(&l, "/memory") != path(&l, "/memory-like"));
	close_fixture(&l);
}

TEST(fdt, path_not_found)
{
	struct loaded l = open_fixture("board.dtb");
	CHECK_EQ_I(path(&l, "/nonexistent"), -1);
	CHECK_EQ_I(path(&l, "/soc/uart@9002000"), -1); /* wrong unit address */
	CHECK_EQ_I(path(&l, "/soc/uart@9"), -1); /* a prefix of it */
	CHECK_EQ_I(path(&l, "/memory@4"), -1);
	CHECK_EQ_I(path(&l, "/mem"), -1); /* a prefix of a name */
	CHECK_EQ_I(path(&l, "/soc/uart@9000000/x"), -1);
	CHECK_EQ_I(path(&l, "soc"), -1); /* relative */
	CHECK_EQ_I(path(&l, ""), -1);
	CHECK_EQ_I(path(&l, "/twins/node@3"), -1);
	close_fixture(&l);
}

TEST(fdt, path_extra_slashes)
{
	/* Empty components are skipped: "//soc/" is "/soc". */
	struct loaded l = open_fixture("board.dtb");
	int soc = path(&l, "/soc");
	CHECK_EQ_I(path(&l, "//soc"), soc);
	CHECK_EQ_I(path(&l, "/soc/"), soc);
	CHECK_EQ_I(path(&l, "/soc//uart@9000000"), path(&l, "/soc/uart@9000000"));
	close_fixture(&l);
}

TEST(fdt, prop_lookup)
{
	struct loaded l = open_fixture("board.dtb");
	int n = path(&l, "/props");
	uint32_t len = 99;
	const uint8_t *v = fdt_prop(&l.f, n, "u32", &len);
	CHECK(v);
	CHECK_EQ_U(len, 4);
	CHECK_EQ_U(fdt_be32(v), 0xdeadbeef);
	v = fdt_prop(&l.f, n, "empty-prop", &len);
	CHECK(v);
	CHECK_EQ_U(len, 0);
	v = fdt_prop(&l.f, n, "u64", &len);
	CHECK(v && len == 8);
	CHECK_EQ_U(fdt_cells(v, 2), 0x123456789abcdef0ull);
	CHECK_EQ_U(fdt_cells(v, 1), 0x12345678);
	CHECK(!fdt_prop(&l.f, n, "missing", &len));
	CHECK(!fdt_prop(&l.f, n, "u3", &len)); /* a prefix of a name */
	CHECK(!fdt_prop(&l.f, n, "u32x", &len)); /* a name plus more */
	/* Properties of a child are not the parent's. */
	CHECK(!fdt_prop(&l.f, path(&l, "/soc"), "clock-frequency", &len));
	close_fixture(&l);
}

TEST(fdt, prop_str)
{
	struct loaded l = open_fixture("board.dtb");
	int n = path(&l, "/props");
	CHECK_STREQ(fdt_prop_str(&l.f, n, "str"), "hello");
	CHECK_STREQ(fdt_prop_str(&l.f, n, "strlist"), "a"); /* the first string */
	CHECK(!fdt_prop_str(&l.f, n, "unterminated"));
	CHECK(!fdt_prop_str(&l.f, n, "empty-prop"));
	CHECK(!fdt_prop_str(&l.f, n, "bytes")); /* ends in 05, not NUL */
	CHECK(!fdt_prop_str(&l.f, n, "missing"));
	CHECK_STREQ(fdt_prop_str(&l.f, 0, "model"), "Verdigris test board");
	close_fixture(&l);
}

TEST(fdt, prop_u32)
{
	struct loaded l = open_fixture("board.dtb");
	int n = path(&l, "/props");
	CHECK_EQ_U(fdt_prop_u32(&l.f, n, "u32", 7), 0xdeadbeef);
	CHECK_EQ_U(fdt_prop_u32(&l.f, n, "missing", 7), 7);
	CHECK_EQ_U(fdt_prop_u32(&l.f, n, "u64", 7), 7); /* wrong size */
	CHECK_EQ_U(fdt_prop_u32(&l.f, n, "empty-prop", 7), 7); /* wrong size */
	CHECK_EQ_U(fdt_prop_u32(&l.f, path(&l, "/soc/serial"), "clock-frequency", 0), 3686400);
	close_fixture(&l);
}

TEST(fdt, is_compatible)
{
	struct loaded l = open_fixture("board.dtb");
	int u = path(&l, "/soc/uart@9000000");
	CHECK(fdt_is_compatible(&l.f, u, "arm,pl011"));
	CHECK(fdt_is_compatible(&l.f, u, "arm,primecell")); /* second in the list */
	CHECK(!fdt_is_compatible(&l.f, u, "arm,pl01")); /* no prefixes */
	CHECK(!fdt_is_compatible(&l.f, u, "pl011")); /* no suffixes */
	CHECK(!fdt_is_compatible(&l.f, u, "arm,pl011arm,primecell"));
	CHECK(!fdt_is_compatible(&l.f, u, ""));
	CHECK(!fdt_is_compatible(&l.f, path(&l, "/cpus"), "anything")); /* no property */
	CHECK(fdt_is_compatible(&l.f, 0, "verdigris,generic"));
	/* /props has compatible = "ab\0cd" without a final NUL: "cd" is not
	 * a complete string, so it is no part of the list. */
	int p = path(&l, "/props");
	CHECK(fdt_is_compatible(&l.f, p, "ab"));
	CHECK(!fdt_is_compatible(&l.f, p, "cd"));
	close_fixture(&l);
}

TEST(fdt, find_compatible)
{
	struct loaded l = open_fixture("board.dtb");
	int a = fdt_find_compatible(&l.f, -1, "arm,pl011");
	CHECK_EQ_I(a, path(&l, "/soc/uart@9000000"));
	int b = fdt_find_compatible(&l.f, a, "arm,pl011");
	CHECK_EQ_I(b, path(&l, "/soc/uart@9001000"));
	CHECK_EQ_I(fdt_find_compatible(&l.f, b, "arm,pl011"), -1);
	CHECK_EQ_I(fdt_find_compatible(&l.f, -1, "ns16550a"), path(&l, "/soc/serial@10000000"));
	CHECK_EQ_I(fdt_find_compatible(&l.f, -1, "no,such-device"), -1);
	/* The root itself is found too. */
	CHECK_EQ_I(fdt_find_compatible(&l.f, -1, "verdigris,test-board"), 0);
	/* Starting after the last match finds nothing earlier. */
	CHECK_EQ_I(fdt_find_compatible(&l.f, path(&l, "/cells"), "simple-bus"), -1);
	close_fixture(&l);
}

/* fdt_reg of path's idx'th entry, expected to succeed with (a, s). */
static void reg_is_at(const char *file, int line, const struct loaded *l, const char *p, int idx,
		      uint64_t a, uint64_t s)
{
	uint64_t ga = 0xbad, gs = 0xbad;
	int n = fdt_path(&l->f, p);
	if (n < 0)
		vtest_fail(file, line, "no node %s", p);
	if (!fdt_reg(&l->f, n, idx, &ga, &gs))
		vtest_fail(file, line, "%s reg[%d] refused", p, idx);
	if (ga != a || gs != s)
		vtest_fail(file, line,
			   "%s reg[%d] = (%#" PRIx64 ", %#" PRIx64 "), expected (%#" PRIx64
			   ", %#" PRIx64 ")",
			   p, idx, ga, gs, a, s);
}
#define REG_IS(l, p, idx, a, s) reg_is_at(__FILE__, __LINE__, l, p, idx, a, s)

static bool reg_ok(const struct loaded *l, const char *p, int idx)
{
	uint64_t a, s;
	return fdt_reg(&l->f, fdt_path(&l->f, p), idx, &a, &s);
}

TEST(fdt, reg_2_2_cells)
{
	struct loaded l = open_fixture("board.dtb");
	REG_IS(&l, "/memory@40000000", 0, 0x40000000, 0x20000000);
	REG_IS(&l, "/memory@40000000", 1, 0x100000000ull, 0x40000000);
	CHECK(!reg_ok(&l, "/memory@40000000", 2));
	REG_IS(&l, "/cells/c22/dev", 0, 0xfedcba9800000000ull, 0x4000);
	close_fixture(&l);
}

TEST(fdt, reg_1_1_cells)
{
	struct loaded l = open_fixture("board.dtb");
	REG_IS(&l, "/soc/uart@9000000", 0, 0x9000000, 0x1000);
	REG_IS(&l, "/soc/intc", 1, 0x8010000, 0x2000);
	REG_IS(&l, "/cells/c11/dev", 0, 0x1000, 0x100);
	REG_IS(&l, "/cells/c11/dev", 1, 0x2000, 0x200);
	CHECK(!reg_ok(&l, "/cells/c11/dev", 2));
	close_fixture(&l);
}

TEST(fdt, reg_mixed_cells)
{
	struct loaded l = open_fixture("board.dtb");
	REG_IS(&l, "/cells/c21/dev", 0, 0x100000000ull, 0x300);
	REG_IS(&l, "/cells/c12/dev", 0, 0x3000, 0x100000000ull);
	close_fixture(&l);
}

TEST(fdt, reg_size_cells_zero)
{
	struct loaded l = open_fixture("board.dtb");
	REG_IS(&l, "/cells/c10/dev", 0, 5, 0);
	REG_IS(&l, "/cells/c10/dev", 2, 7, 0);
	CHECK(!reg_ok(&l, "/cells/c10/dev", 3));
	REG_IS(&l, "/cpus/cpu@1", 0, 1, 0);
	close_fixture(&l);
}

TEST(fdt, reg_default_cells)
{
	/* No #address-cells / #size-cells in the parent: 2 and 1. A cell count
	 * property of the wrong size counts as missing. */
	struct loaded l = open_fixture("board.dtb");
	REG_IS(&l, "/cells/cdefault/dev", 0, 0x5000, 0x600);
	REG_IS(&l, "/cells/badcount/dev", 0, 0x7000, 0x10);
	close_fixture(&l);
}

TEST(fdt, reg_refused)
{
	struct loaded l = open_fixture("board.dtb");
	CHECK(!reg_ok(&l, "/cells/c31/dev", 0)); /* 3 address cells */
	CHECK(!reg_ok(&l, "/cells/c13/dev", 0)); /* 3 size cells */
	CHECK(!reg_ok(&l, "/cells/c01/dev", 0)); /* 0 address cells */
	CHECK(!reg_ok(&l, "/cells/short/dev", 0)); /* shorter than one entry */
	CHECK(!reg_ok(&l, "/soc", 0)); /* no reg at all */
	uint64_t a = 1, s = 2;
	CHECK(!fdt_reg(&l.f, 0, 0, &a, &s)); /* the root has no parent */
	CHECK(!fdt_reg(&l.f, -1, 0, &a, &s));
	CHECK(a == 1 && s == 2); /* untouched on refusal */
	close_fixture(&l);
}

TEST(fdt, reg_index_bounds)
{
	struct loaded l = open_fixture("board.dtb");
	CHECK(!reg_ok(&l, "/soc/uart@9000000", -1));
	CHECK(!reg_ok(&l, "/soc/uart@9000000", 1));
	CHECK(!reg_ok(&l, "/soc/uart@9000000", INT_MAX));
	CHECK(!reg_ok(&l, "/soc/uart@9000000", INT_MIN));
	CHECK(!reg_ok(&l, "/cells/c10/dev", INT_MAX / 4));
	close_fixture(&l);
}

TEST(fdt, rsvmap)
{
	struct loaded l = open_fixture("board.dtb");
	uint64_t a, s;
	CHECK(fdt_rsvmap(&l.f, 0, &a, &s));
	CHECK_EQ_U(a, 0x10000000);
	CHECK_EQ_U(s, 0x4000);
	CHECK(fdt_rsvmap(&l.f, 1, &a, &s));
	CHECK_EQ_U(a, 0x20000800);
	CHECK_EQ_U(s, 0x100);
	CHECK(!fdt_rsvmap(&l.f, 2, &a, &s));
	CHECK(!fdt_rsvmap(&l.f, -1, &a, &s));
	CHECK(!fdt_rsvmap(&l.f, INT_MAX, &a, &s));
	close_fixture(&l);
	l = open_fixture("mem32.dtb");
	CHECK(!fdt_rsvmap(&l.f, 0, &a, &s));
	close_fixture(&l);
}

TEST(fdt, bad_node_numbers)
{
	/* Offsets that are not BEGIN_NODE tokens are refused by every accessor. */
	struct loaded l = open_fixture("board.dtb");
	int soc = path(&l, "/soc");
	static const int bad[] = { -1, -100, INT_MIN, INT_MAX };
	int inside[] = { 1, 2, 3, soc + 4, (int)l.f.st_size - 4, (int)l.f.st_size };
	for (size_t i = 0; i < ARRAY_SIZE(bad) + ARRAY_SIZE(inside); i++) {
		int n = i < ARRAY_SIZE(bad) ? bad[i] : inside[i - ARRAY_SIZE(bad)];
		uint64_t a, s;
		CHECK_MSG(fdt_first_child(&l.f, n) == -1, "first_child(%d)", n);
		CHECK_MSG(fdt_next_sibling(&l.f, n) == -1, "next_sibling(%d)", n);
		CHECK_MSG(fdt_parent(&l.f, n) == -1, "parent(%d)", n);
		CHECK_MSG(!*fdt_node_name(&l.f, n), "node_name(%d)", n);
		CHECK_MSG(!fdt_prop(&l.f, n, "reg", NULL), "prop(%d)", n);
		CHECK_MSG(!fdt_reg(&l.f, n, 0, &a, &s), "reg(%d)", n);
		CHECK_MSG(!fdt_is_compatible(&l.f, n, "simple-bus"), "is_compatible(%d)", n);
	}
	close_fixture(&l);
}

TEST(fdt, nop_tokens_skipped)
{
	/* NOP tokens may sit anywhere between other tokens. */
	struct fb b;
	fb_init(&b);
	fb_u32(&b, FB_NOP);
	fb_begin(&b, "");
	fb_u32(&b, FB_NOP);
	fb_prop_u32(&b, "#address-cells", 1);
	fb_u32(&b, FB_NOP);
	fb_prop_u32(&b, "#size-cells", 1);
	fb_begin(&b, "dev@10");
	fb_u32(&b, FB_NOP);
	uint8_t reg[8] = { 0, 0, 0, 0x10, 0, 0, 0, 0x20 };
	fb_prop(&b, "reg", reg, 8);
	fb_end(&b);
	fb_u32(&b, FB_NOP);
	fb_begin(&b, "other");
	fb_end(&b);
	fb_end(&b);
	fb_u32(&b, FB_NOP);
	fb_finish(&b);
	size_t size;
	uint8_t *blob = fb_blob(&b, &size);
	struct fdt f;
	const char *why;
	CHECK(!fdt_open(&f, blob, size, &why));
	CHECK(!fdt_walk_all(&f, NULL));
	int root = fdt_next_node(&f, -1);
	CHECK_EQ_I(root, 4); /* after the leading NOP */
	int dev = fdt_path(&f, "/dev");
	CHECK(dev > 0);
	uint64_t a, s;
	CHECK(fdt_reg(&f, dev, 0, &a, &s) && a == 0x10 && s == 0x20);
	CHECK_STREQ(fdt_node_name(&f, fdt_next_sibling(&f, dev)), "other");
	free(blob);
}

TEST(fdt, max_size_bounds_the_blob)
{
	/* A totalsize under max_size is fine: the blob may sit in a larger
	 * buffer. */
	size_t size;
	uint8_t *blob = board_copy(&size);
	uint8_t *big = calloc(1, size + 100);
	memcpy(big, blob, size);
	EXPECT_ACCEPTED(big, size + 100);
	EXPECT_ACCEPTED(big, size);
	free(big);
	free(blob);
}

TEST(fdt, version16_accepted)
{
	/* Version 16 headers have no size_dt_struct: the structure block runs
	 * to the end of the blob. */
	size_t size;
	uint8_t *blob = board_copy(&size);
	fb_put32(blob + FDT_H_VERSION, 16);
	fb_put32(blob + FDT_H_SIZE_STRUCT, 0xffffffff); /* must be ignored */
	EXPECT_ACCEPTED(blob, size);
	free(blob);
}

TEST(fdt, depth_limit)
{
	/* FDT_MAX_DEPTH nested nodes (the root counts) are fine; one more is
	 * refused. */
	for (int depth = FDT_MAX_DEPTH; depth <= FDT_MAX_DEPTH + 1; depth++) {
		struct fb b;
		fb_init(&b);
		fb_begin(&b, "");
		for (int i = 1; i < depth; i++)
			fb_begin(&b, "n");
		for (int i = 0; i < depth; i++)
			fb_end(&b);
		fb_finish(&b);
		size_t size;
		uint8_t *blob = fb_blob(&b, &size);
		if (depth == FDT_MAX_DEPTH) {
			EXPECT_ACCEPTED(blob, size);
			struct fdt f;
			CHECK(!fdt_open(&f, blob, size, NULL));
			char p[2 * FDT_MAX_DEPTH + 1] = "";
			for (int i = 1; i < depth; i++)
				strcat(p, "/n");
			int deepest = fdt_path(&f, p);
			CHECK(deepest > 0);
			CHECK_EQ_I(fdt_first_child(&f, deepest), -1);
			CHECK(fdt_parent(&f, deepest) > 0);
		} else {
			EXPECT_REFUSED(blob, size, "too deeply");
		}
		free(blob);
	}
}

/* ---- refused blobs: the header ---- */

TEST(fdt, refuse_bad_magic)
{
	size_t size;
	uint8_t *blob = board_copy(&size);
	blob[3] ^= 0x01;
	EXPECT_REFUSED(blob, size, "magic");
	free(blob);
}

TEST(fdt, refuse_short_buffer)
{
	size_t size;
	uint8_t *blob = board_copy(&size);
	for (size_t n = 0; n < 40; n++) {
		uint8_t *head = vtest_dup(blob, n);
		EXPECT_REFUSED(head, n, "smaller than a header");
		free(head);
	}
	free(blob);
}

TEST(fdt, refuse_totalsize_beyond_buffer)
{
	/* The header claims more than the buffer holds: every truncation. */
	size_t size;
	uint8_t *blob = board_copy(&size);
	for (size_t n = 40; n < size; n++) {
		uint8_t *part = vtest_dup(blob, n);
		EXPECT_REFUSED(part, n, "totalsize");
		free(part);
	}
	free(blob);
}

TEST(fdt, refuse_totalsize_too_small)
{
	size_t size;
	uint8_t *blob = board_copy(&size);
	fb_put32(blob + FDT_H_TOTALSIZE, 39);
	EXPECT_REFUSED(blob, size, "totalsize");
	fb_put32(blob + FDT_H_TOTALSIZE, 0);
	EXPECT_REFUSED(blob, size, "totalsize");
	/* Shrunk below where the strings end: a block falls outside. */
	fb_put32(blob + FDT_H_TOTALSIZE, (uint32_t)size - 1);
	EXPECT_REFUSED(blob, size, "outside");
	free(blob);
}

TEST(fdt, refuse_version)
{
	size_t size;
	uint8_t *blob = board_copy(&size);
	fb_put32(blob + FDT_H_VERSION, 15);
	EXPECT_REFUSED(blob, size, "version");
	fb_put32(blob + FDT_H_VERSION, 1);
	EXPECT_REFUSED(blob, size, "version");
	fb_put32(blob + FDT_H_VERSION, 17);
	fb_put32(blob + FDT_H_LAST_COMP, 18);
	EXPECT_REFUSED(blob, size, "version");
	free(blob);
}

TEST(fdt, refuse_struct_outside)
{
	size_t size;
	uint8_t *blob = board_copy(&size);
	uint32_t off = fb_get32(blob + FDT_H_OFF_STRUCT), len = fb_get32(blob + FDT_H_SIZE_STRUCT);
	static const uint32_t bad_off[] = { 0, 36, 0xfffffff0u };
	for (size_t i = 0; i < ARRAY_SIZE(bad_off); i++) {
		fb_put32(blob + FDT_H_OFF_STRUCT, bad_off[i]);
		EXPECT_REFUSED(blob, size, "structure block outside");
	}
	fb_put32(blob + FDT_H_OFF_STRUCT, (uint32_t)size + 4);
	fb_put32(blob + FDT_H_SIZE_STRUCT, 0);
	EXPECT_REFUSED(blob, size, "structure block outside");
	fb_put32(blob + FDT_H_OFF_STRUCT, off);
	fb_put32(blob + FDT_H_SIZE_STRUCT, (uint32_t)size - off + 1);
	EXPECT_REFUSED(blob, size, "structure block outside");
	fb_put32(blob + FDT_H_SIZE_STRUCT, 0xfffffffc);
	EXPECT_REFUSED(blob, size, "structure block outside");
	fb_put32(blob + FDT_H_SIZE_STRUCT, len);
	EXPECT_ACCEPTED(blob, size);
	free(blob);
}

TEST(fdt, refuse_struct_misaligned)
{
	size_t size;
	uint8_t *blob = board_copy(&size);
	uint32_t off = fb_get32(blob + FDT_H_OFF_STRUCT), len = fb_get32(blob + FDT_H_SIZE_STRUCT);
	fb_put32(blob + FDT_H_OFF_STRUCT, off + 2);
	fb_put32(blob + FDT_H_SIZE_STRUCT, len - 2);
	EXPECT_REFUSED(blob, size, "misaligned");
	free(blob);
}

TEST(fdt, refuse_strings_outside)
{
	size_t size;
	uint8_t *blob = board_copy(&size);
	uint32_t off = fb_get32(blob + FDT_H_OFF_STRINGS),
		 len = fb_get32(blob + FDT_H_SIZE_STRINGS);
	fb_put32(blob + FDT_H_SIZE_STRINGS, len + 1);
	EXPECT_REFUSED(blob, size, "strings block outside");
	fb_put32(blob + FDT_H_SIZE_STRINGS, 0xffffffff);
	EXPECT_REFUSED(blob, size, "strings block outside");
	fb_put32(blob + FDT_H_SIZE_STRINGS, len);
	fb_put32(blob + FDT_H_OFF_STRINGS, (uint32_t)size + 1);
	EXPECT_REFUSED(blob, size, "strings block outside");
	fb_put32(blob + FDT_H_OFF_STRINGS, 8);
	EXPECT_REFUSED(blob, size, "strings block outside");
	fb_put32(blob + FDT_H_OFF_STRINGS, off);
	EXPECT_ACCEPTED(blob, size);
	free(blob);
}

TEST(fdt, refuse_rsvmap_outside)
{
	size_t size;
	uint8_t *blob = board_copy(&size);
	fb_put32(blob + FDT_H_OFF_RSVMAP, (uint32_t)((size + 8) & ~7u));
	EXPECT_REFUSED(blob, size, "reservation map");
	fb_put32(blob + FDT_H_OFF_RSVMAP, 32);
	EXPECT_REFUSED(blob, size, "reservation map");
	fb_put32(blob + FDT_H_OFF_RSVMAP, 44); /* not 8-byte aligned */
	EXPECT_REFUSED(blob, size, "misaligned");
	free(blob);
}

TEST(fdt, refuse_rsvmap_unterminated)
{
	/* The map must end with a (0, 0) entry inside the blob: place it so
	 * that fewer than 16 bytes remain. */
	size_t size;
	uint8_t *blob = board_copy(&size);
	uint32_t o = (uint32_t)((size - 16 + 8) & ~7u);
	CHECK(o + 16 > size && o <= size);
	fb_put32(blob + FDT_H_OFF_RSVMAP, o);
	EXPECT_REFUSED(blob, size, "not terminated");
	free(blob);

	/* And a map whose entries run to the end of the blob. */
	struct fb b;
	fb_init(&b);
	fb_begin(&b, "");
	fb_end(&b);
	fb_finish(&b);
	size_t bsize;
	uint8_t *good = fb_blob(&b, &bsize);
	/* Point the map at the structure block: non-zero words all the way. */
	fb_put32(good + FDT_H_OFF_RSVMAP, fb_get32(good + FDT_H_OFF_STRUCT));
	EXPECT_REFUSED(good, bsize, "not terminated");
	free(good);

	b.nrsv = 1;
	b.rsv[0][0] = 0x1000;
	b.rsv[0][1] = 0x1000;
	b.rsv_unterminated = true;
	BUILD_REFUSED(&b, NULL);
}

/* ---- refused blobs: the structure block ---- */

TEST(fdt, refuse_missing_fdt_end)
{
	size_t size;
	uint8_t *blob = board_copy(&size);
	fb_put32(blob + token_at(blob, FB_FINISH, 0), FB_NOP);
	EXPECT_REFUSED(blob, size, "without FDT_END");
	free(blob);

	struct fb b;
	fb_init(&b);
	fb_begin(&b, "");
	fb_end(&b);
	BUILD_REFUSED(&b, "without FDT_END");
}

TEST(fdt, refuse_unclosed_node)
{
	/* An END_NODE turned into a NOP: FDT_END arrives inside a node. */
	size_t size;
	uint8_t *blob = board_copy(&size);
	fb_put32(blob + token_at(blob, FB_END, -1), FB_NOP);
	EXPECT_REFUSED(blob, size, "inside an open node");
	free(blob);
	blob = board_copy(&size);
	fb_put32(blob + token_at(blob, FB_END, 3), FB_NOP);
	EXPECT_REFUSED(blob, size, "inside an open node");
	free(blob);
}

TEST(fdt, refuse_extra_end_node)
{
	struct fb b;
	fb_init(&b);
	fb_begin(&b, "");
	fb_end(&b);
	fb_end(&b);
	fb_finish(&b);
	BUILD_REFUSED(&b, "without a node");
	/* Mutated: the BEGIN_NODE of /chosen becomes an END_NODE, which closes
	 * the root early and leaves the rest of the block outside any node. */
	size_t size;
	uint8_t *blob = board_copy(&size);
	fb_put32(blob + token_at(blob, FB_BEGIN, 1), FB_END); /* "chosen" opens no more */
	EXPECT_REFUSED(blob, size, NULL);
	free(blob);
}

TEST(fdt, refuse_two_roots)
{
	struct fb b;
	fb_init(&b);
	fb_begin(&b, "");
	fb_end(&b);
	fb_begin(&b, "");
	fb_end(&b);
	fb_finish(&b);
	BUILD_REFUSED(&b, "more than one root");
}

TEST(fdt, refuse_no_root)
{
	struct fb b;
	fb_init(&b);
	fb_finish(&b);
	BUILD_REFUSED(&b, "no root");
	fb_init(&b);
	fb_u32(&b, FB_NOP);
	fb_finish(&b);
	BUILD_REFUSED(&b, "no root");
	/* An empty structure block. */
	fb_init(&b);
	BUILD_REFUSED(&b, "without FDT_END");
}

TEST(fdt, refuse_property_outside_node)
{
	struct fb b;
	fb_init(&b);
	fb_prop_u32(&b, "x", 1);
	fb_begin(&b, "");
	fb_end(&b);
	fb_finish(&b);
	BUILD_REFUSED(&b, "outside any node");
	fb_init(&b);
	fb_begin(&b, "");
	fb_end(&b);
	fb_prop_u32(&b, "x", 1);
	fb_finish(&b);
	BUILD_REFUSED(&b, "outside any node");
}

TEST(fdt, refuse_unknown_token)
{
	static const uint32_t bad[] = { 0, 5, 8, 10, 0x01000000, 0xffffffff };
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct fb b;
		fb_init(&b);
		fb_begin(&b, "");
		fb_u32(&b, bad[i]);
		fb_end(&b);
		fb_finish(&b);
		BUILD_REFUSED(&b, "unknown token");
	}
}

TEST(fdt, refuse_unterminated_name)
{
	/* A node name running to the end of the structure block. */
	struct fb b;
	fb_init(&b);
	fb_begin(&b, "");
	fb_u32(&b, FB_BEGIN);
	fb_bytes(&b, "abcdefgh", 8, false);
	BUILD_REFUSED(&b, "node name runs past");
	/* The same in a dtc blob: cut the structure block inside a name. */
	struct loaded l = open_fixture("board.dtb");
	int soc = path(&l, "/soc");
	CHECK_STREQ(fdt_node_name(&l.f, soc), "soc");
	fb_put32(l.blob + FDT_H_SIZE_STRUCT, (uint32_t)soc + 4 + 2); /* "so" */
	EXPECT_REFUSED(l.blob, l.size, "node name runs past");
	close_fixture(&l);
}

TEST(fdt, refuse_property_length)
{
	/* Lengths that run past the structure block, including ones that
	 * wrap a 32-bit offset. */
	static const uint32_t lens[] = {
		9, 100, 0x7fffffff, 0xfffffff0u, 0xfffffffcu, 0xffffffffu
	};
	for (size_t i = 0; i < ARRAY_SIZE(lens); i++) {
		struct fb b;
		fb_init(&b);
		fb_begin(&b, "");
		fb_prop_raw(&b, fb_string(&b, "p"), lens[i], "abcd", 4);
		fb_finish(&b); /* no END_NODE: the length lands before FDT_END */
		BUILD_REFUSED(&b, "property value runs past");
	}
	/* Mutated: a dtc blob's first property claims the whole blob. */
	size_t size;
	uint8_t *blob = board_copy(&size);
	uint32_t p = token_at(blob, FB_PROP, 0);
	fb_put32(blob + p + 4, (uint32_t)size);
	EXPECT_REFUSED(blob, size, "property value runs past");
	fb_put32(blob + p + 4, 0xfffffff8u);
	EXPECT_REFUSED(blob, size, "property value runs past");
	free(blob);
}

TEST(fdt, refuse_property_header_truncated)
{
	struct fb b;
	fb_init(&b);
	fb_begin(&b, "");
	fb_u32(&b, FB_PROP);
	fb_u32(&b, 0);
	BUILD_REFUSED(&b, "property header runs past");
}

TEST(fdt, refuse_nameoff_out_of_range)
{
	struct fb b;
	fb_init(&b);
	fb_begin(&b, "");
	fb_prop_u32(&b, "name", 1);
	uint32_t strsize = b.str_len;
	fb_prop_raw(&b, strsize, 0, NULL, 0);
	fb_end(&b);
	fb_finish(&b);
	BUILD_REFUSED(&b, "name offset");
	size_t size;
	uint8_t *blob = board_copy(&size);
	uint32_t p = token_at(blob, FB_PROP, 2);
	fb_put32(blob + p + 8, fb_get32(blob + FDT_H_SIZE_STRINGS));
	EXPECT_REFUSED(blob, size, "name offset");
	fb_put32(blob + p + 8, 0xffffffff);
	EXPECT_REFUSED(blob, size, "name offset");
	free(blob);
}

TEST(fdt, refuse_nameoff_unterminated)
{
	/* The strings block ends in the middle of a name. */
	size_t size;
	uint8_t *blob = board_copy(&size);
	uint32_t strsize = fb_get32(blob + FDT_H_SIZE_STRINGS);
	fb_put32(blob + FDT_H_SIZE_STRINGS, strsize - 1);
	EXPECT_REFUSED(blob, size, "name offset");
	free(blob);
}

TEST(fdt, refuse_struct_overrun)
{
	/* A property whose padding runs past the end of the block. */
	struct fb b;
	fb_init(&b);
	fb_begin(&b, "");
	fb_end(&b);
	fb_finish(&b);
	fb_prop_raw(&b, 0, 0, NULL, 0);
	size_t size;
	uint8_t *blob = fb_blob(&b, &size);
	EXPECT_ACCEPTED(blob, size); /* data after FDT_END is ignored */
	free(blob);
	fb_init(&b);
	fb_begin(&b, "");
	uint32_t nameoff = fb_string(&b, "p");
	fb_u32(&b, FB_PROP);
	fb_u32(&b, 1);
	fb_u32(&b, nameoff);
	fb_bytes(&b, "x", 1, false); /* 1 byte, padding would pass the end */
	BUILD_REFUSED(&b, NULL);
}

/* ---- mutation sweeps ---- */

static void open_and_walk(const char *what, const uint8_t *blob, size_t size, unsigned *accepted,
			  unsigned *refused)
{
	struct fdt f;
	const char *why = NULL;
	if (fdt_open(&f, blob, size, &why)) {
		CHECK_MSG(why && *why, "%s: refused without a reason", what);
		(*refused)++;
		return;
	}
	const char *bad = fdt_walk_all(&f, NULL);
	CHECK_MSG(!bad, "%s: accepted, then %s", what, bad);
	(*accepted)++;
}

/* Marks the bytes of a blob that are property values: changing those alters
 * no structure, so the sweeps below spend their time elsewhere. */
static bool *value_bytes(const uint8_t *blob, size_t size)
{
	bool *v = calloc(size, sizeof(bool));
	static struct tok t[4096];
	size_t n = tokens(blob, t, 4096);
	uint32_t st = fb_get32(blob + FDT_H_OFF_STRUCT);
	for (size_t i = 0; i < n; i++) {
		if (t[i].type != FB_PROP)
			continue;
		uint32_t len = fb_get32(blob + st + t[i].off + 4);
		for (uint32_t k = 0; k < len; k++)
			v[st + t[i].off + 12 + k] = true;
	}
	return v;
}

TEST(fdt, mutation_sweep_bytes)
{
	/* Every structural byte of a dtc blob (header, reservation map, tokens,
	 * names, property headers, strings) set to a few values: each result
	 * is either refused with a reason or accepted and fully walkable. */
	size_t size;
	uint8_t *orig = board_copy(&size);
	uint8_t *blob = vtest_dup(orig, size);
	bool *skip = value_bytes(orig, size);
	unsigned acc = 0, ref = 0;
	for (size_t i = 0; i < size; i++) {
		if (skip[i])
			continue;
		uint8_t vals[] = { (uint8_t)(orig[i] ^ 0x01), (uint8_t)(orig[i] ^ 0x80), 0x00,
				   0xff };
		for (size_t v = 0; v < ARRAY_SIZE(vals); v++) {
			blob[i] = vals[v];
			char what[64];
			snprintf(what, sizeof(what), "byte %zu = %#x", i, vals[v]);
			open_and_walk(what, blob, size, &acc, &ref);
		}
		blob[i] = orig[i];
	}
	CHECK(acc > 0 && ref > 0);
	free(skip);
	free(blob);
	free(orig);
}

TEST(fdt, mutation_sweep_words)
{
	/* Every aligned structural word of the structure block replaced by
	 * each token value and by lengths/offsets at the edges. */
	size_t size;
	uint8_t *orig = board_copy(&size);
	uint8_t *blob = vtest_dup(orig, size);
	bool *skip = value_bytes(orig, size);
	uint32_t st = fb_get32(orig + FDT_H_OFF_STRUCT), len = fb_get32(orig + FDT_H_SIZE_STRUCT);
	unsigned acc = 0, ref = 0;
	for (uint32_t o = st; o < st + len; o += 4) {
		if (skip[o])
			continue;
		uint32_t vals[] = { 1,		2,	    3,	       4, 9, len, len - (o - st),
				    0x7fffffff, 0xffffffff, 0xfffffffc };
		for (size_t v = 0; v < ARRAY_SIZE(vals); v++) {
			fb_put32(blob + o, vals[v]);
			char what[64];
			snprintf(what, sizeof(what), "word %u = %#x", o, vals[v]);
			open_and_walk(what, blob, size, &acc, &ref);
		}
		memcpy(blob + o, orig + o, 4);
	}
	CHECK(acc > 0 && ref > 0);
	free(skip);
	free(blob);
	free(orig);
}

TEST(fdt, mutation_random)
{
	/* Random multi-byte corruption of each fixture, fixed seed. */
	static const char *const names[] = { "board.dtb", "mem32.dtb", "odd-chosen.dtb" };
	uint64_t rng = 12345;
	unsigned acc = 0, ref = 0;
	for (size_t n = 0; n < ARRAY_SIZE(names); n++) {
		size_t size;
		uint8_t *orig = vtest_load(names[n], &size);
		for (int iter = 0; iter < 1500; iter++) {
			uint8_t *blob = vtest_dup(orig, size);
			int edits = 1 + (int)vtest_below(&rng, 4);
			for (int e = 0; e < edits; e++) {
				size_t at = 40 + vtest_below(&rng, size - 40);
				blob[at] = (uint8_t)vtest_rand(&rng);
			}
			char what[64];
			snprintf(what, sizeof(what), "%s iteration %d", names[n], iter);
			open_and_walk(what, blob, size, &acc, &ref);
			free(blob);
		}
		free(orig);
	}
	CHECK(acc > 0 && ref > 0);
}

/* ---- QEMU's device trees ---- */

TEST(fdt, qemu_aarch64_virt)
{
	struct loaded l = open_fixture("qemu-aarch64-virt.dtb");
	CHECK(!fdt_walk_all(&l.f, NULL));
	CHECK_STREQ(fdt_prop_str(&l.f, 0, "compatible"), "linux,dummy-virt");
	int mem = path(&l, "/memory");
	CHECK(mem > 0);
	CHECK_STREQ(fdt_node_name(&l.f, mem), "memory@40000000");
	CHECK_STREQ(fdt_prop_str(&l.f, mem, "device_type"), "memory");
	REG_IS(&l, "/memory", 0, 0x40000000, 512ull << 20);
	int uart = fdt_find_compatible(&l.f, -1, "arm,pl011");
	CHECK(uart > 0);
	uint64_t a, s;
	CHECK(fdt_reg(&l.f, uart, 0, &a, &s));
	CHECK_EQ_U(a, 0x9000000);
	CHECK_EQ_U(s, 0x1000);
	CHECK(fdt_is_compatible(&l.f, uart, "arm,primecell"));
	CHECK(fdt_find_compatible(&l.f, -1, "arm,cortex-a15-gic") > 0);
	CHECK(fdt_find_compatible(&l.f, -1, "virtio,mmio") > 0);
	CHECK(fdt_is_compatible(&l.f, path(&l, "/cpus/cpu@0"), "arm,cortex-a72"));
	CHECK_STREQ(fdt_prop_str(&l.f, path(&l, "/chosen"), "stdout-path"), "/pl011@9000000");
	CHECK_EQ_I(path(&l, "/pl011@9000000"), uart);
	CHECK_EQ_U(fdt_prop_u32(&l.f, 0, "#address-cells", 0), 2);
	close_fixture(&l);
}

TEST(fdt, qemu_riscv64_virt)
{
	struct loaded l = open_fixture("qemu-riscv64-virt.dtb");
	CHECK(!fdt_walk_all(&l.f, NULL));
	CHECK_STREQ(fdt_prop_str(&l.f, 0, "compatible"), "riscv-virtio");
	REG_IS(&l, "/memory", 0, 0x80000000, 512ull << 20);
	int uart = fdt_find_compatible(&l.f, -1, "ns16550a");
	CHECK(uart > 0);
	CHECK_EQ_I(uart, path(&l, "/soc/serial@10000000"));
	CHECK_EQ_I(fdt_parent(&l.f, uart), path(&l, "/soc"));
	uint64_t a, s;
	CHECK(fdt_reg(&l.f, uart, 0, &a, &s));
	CHECK_EQ_U(a, 0x10000000);
	CHECK_EQ_U(s, 0x100);
	int cpu = path(&l, "/cpus/cpu@0");
	CHECK(fdt_is_compatible(&l.f, cpu, "riscv"));
	CHECK_STREQ(fdt_prop_str(&l.f, cpu, "device_type"), "cpu");
	CHECK(fdt_prop_str(&l.f, cpu, "riscv,isa") != NULL);
	CHECK_EQ_U(fdt_prop_u32(&l.f, path(&l, "/cpus"), "timebase-frequency", 0), 10000000);
	CHECK(fdt_find_compatible(&l.f, -1, "sifive,plic-1.0.0") > 0 ||
	      fdt_find_compatible(&l.f, -1, "riscv,plic0") > 0);
	close_fixture(&l);
}

TEST(fdt, qemu_blobs_mutated)
{
	/* Random corruption of QEMU's blobs, as the fuzzer does, but always
	 * part of the unit tests. */
	static const char *const names[] = { "qemu-aarch64-virt.dtb", "qemu-riscv64-virt.dtb" };
	uint64_t rng = 777;
	unsigned acc = 0, ref = 0;
	for (size_t n = 0; n < ARRAY_SIZE(names); n++) {
		size_t size;
		uint8_t *orig = vtest_load(names[n], &size);
		uint32_t used =
			fb_get32(orig + FDT_H_OFF_STRINGS) + fb_get32(orig + FDT_H_SIZE_STRINGS);
		uint32_t total = fb_get32(orig + FDT_H_TOTALSIZE);
		CHECK(used <= total && total <= size);
		for (int iter = 0; iter < 300; iter++) {
			uint8_t *blob = vtest_dup(orig, total);
			for (int e = 0; e < 3; e++)
				blob[vtest_below(&rng, used)] = (uint8_t)vtest_rand(&rng);
			char what[80];
			snprintf(what, sizeof(what), "%s iteration %d", names[n], iter);
			open_and_walk(what, blob, total, &acc, &ref);
			free(blob);
		}
		free(orig);
	}
	CHECK(acc > 0);
}
