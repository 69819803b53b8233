// SPDX-License-Identifier: BSD-2-Clause
// See fdt_walk.h. Every loop here is bounded by the blob's size, so an
// accessor that failed to make progress shows up as a reported
// inconsistency instead of a hang.
#define _DEFAULT_SOURCE
#include <fdt_walk.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char problem[256];

#define BAD(...)                                                 \
	do {                                                     \
		snprintf(problem, sizeof(problem), __VA_ARGS__); \
		return problem;                                  \
	} while (0)

/* True if [p, p+len) lies inside the structure block. */
static bool in_struct(const struct fdt *f, const void *p, uint32_t len)
{
	const uint8_t *b = p;
	return b >= f->st && b <= f->st + f->st_size && len <= (size_t)(f->st + f->st_size - b);
}

static const char *const prop_names[] = { "reg",
					  "compatible",
					  "#address-cells",
					  "#size-cells",
					  "device_type",
					  "status",
					  "bootargs",
					  "model",
					  "linux,initrd-start",
					  "",
					  "no-such-property" };

static const char *check_props(const struct fdt *f, int n, struct fdt_walk_stats *st)
{
	for (size_t i = 0; i < sizeof(prop_names) / sizeof(prop_names[0]); i++) {
		uint32_t len = 0xdeadbeef;
		const uint8_t *v = fdt_prop(f, n, prop_names[i], &len);
		if (!v)
			continue;
		st->props_found++;
		if (!in_struct(f, v, len))
			BAD("node %d: property %s (%u bytes) outside the structure block", n,
			    prop_names[i], len);
		if (fdt_prop(f, n, prop_names[i], NULL) != v)
			BAD("node %d: fdt_prop with a NULL length differs", n);
		const char *s = fdt_prop_str(f, n, prop_names[i]);
		if (s && (s != (const char *)v || !len || v[len - 1] != 0))
			BAD("node %d: fdt_prop_str(%s) returned an unterminated value", n,
			    prop_names[i]);
		if (!s && len && v[len - 1] == 0)
			BAD("node %d: fdt_prop_str(%s) refused a terminated value", n,
			    prop_names[i]);
		uint32_t u = fdt_prop_u32(f, n, prop_names[i], 0x5a5a5a5a);
		if (len == 4 ? u != fdt_be32(v) : u != 0x5a5a5a5a)
			BAD("node %d: fdt_prop_u32(%s) wrong", n, prop_names[i]);
	}
	/* Every complete string of the compatible list matches, and only
	 * whole strings match. */
	uint32_t len;
	const char *c = fdt_prop(f, n, "compatible", &len);
	for (uint32_t i = 0; c && i < len;) {
		size_t sl = strnlen(c + i, len - i);
		if (sl == len - i)
			break; /* the unterminated tail is not part of the list */
		if (!fdt_is_compatible(f, n, c + i))
			BAD("node %d: not compatible with its own \"%s\"", n, c + i);
		i += (uint32_t)sl + 1;
	}
	if (fdt_is_compatible(f, n, "\x01never-a-compatible"))
		BAD("node %d: compatible with a made-up string", n);
	return NULL;
}

static const char *check_reg(const struct fdt *f, int n, struct fdt_walk_stats *st)
{
	uint32_t len = 0;
	/* fdt_reg finds the parent by a walk from the root: costly, so only
	 * nodes that have a reg (the kernel asks no others). */
	if (!fdt_prop(f, n, "reg", &len))
		return NULL;
	int idx = 0;
	uint64_t a, s;
	for (; fdt_reg(f, n, idx, &a, &s); idx++) {
		st->regs++;
		if ((uint32_t)idx > len / 4)
			BAD("node %d: fdt_reg entry %d beyond a %u-byte reg", n, idx, len);
	}
	if (fdt_reg(f, n, -1, &a, &s) || fdt_reg(f, n, INT_MAX, &a, &s) ||
	    fdt_reg(f, n, INT_MIN, &a, &s))
		BAD("node %d: fdt_reg accepted an impossible index", n);
	return NULL;
}

/* The node table of one walk: every node in document order and its parent,
 * so that each fdt_parent answer is asked for (and checked) once. */
struct nodes {
	int *off, *parent;
	unsigned n;
};

/* Index of node offset off, or -1. */
static int index_of(const struct nodes *t, int off)
{
	unsigned lo = 0, hi = t->n;
	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;
		if (t->off[mid] == off)
			return (int)mid;
		if (t->off[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The absolute path of node i from its ancestors; false when it cannot be
 * written as one (a name containing '/', an empty name, too deep). */
static bool path_of(const struct fdt *f, const struct nodes *t, unsigned i, char *buf, size_t size)
{
	int chain[FDT_MAX_DEPTH + 1];
	int depth = 0;
	for (int k = (int)i; t->parent[k] >= 0; k = index_of(t, t->parent[k])) {
		if (depth > FDT_MAX_DEPTH)
			return false;
		chain[depth++] = t->off[k];
	}
	size_t used = 0;
	buf[used++] = '/';
	buf[used] = 0;
	for (int d = depth - 1; d >= 0; d--) {
		const char *name = fdt_node_name(f, chain[d]);
		size_t nl = strlen(name);
		if (!nl || strchr(name, '/') || used + nl + 2 > size)
			return false;
		memcpy(buf + used, name, nl);
		used += nl;
		if (d)
			buf[used++] = '/';
		buf[used] = 0;
	}
	return true;
}

/* The first child of parent that a path component selects: the same name,
 * or, for a component without a unit address, the name plus "@unit". An
 * earlier sibling can therefore shadow the node a path was made from. */
static int first_match(const struct fdt *f, int parent, const char *comp, size_t len)
{
	for (int c = fdt_first_child(f, parent); c >= 0; c = fdt_next_sibling(f, c)) {
		const char *name = fdt_node_name(f, c);
		if (strncmp(name, comp, len))
			continue;
		if (!name[len] || (name[len] == '@' && !memchr(comp, '@', len)))
			return c;
	}
	return -1;
}

static int expected_path_result(const struct fdt *f, const char *path)
{
	int cur = fdt_next_node(f, -1);
	for (const char *p = path + 1; *p && cur >= 0;) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		cur = first_match(f, cur, p, len);
		p += len + (end ? 1 : 0);
	}
	return cur;
}

static const char *check_bogus_nodes(const struct fdt *f)
{
	/* Nonsense node numbers are refused, not followed. */
	int bogus[] = { -1, -4, INT_MIN, (int)f->st_size, (int)f->st_size + 4, INT_MAX & ~3 };
	for (size_t i = 0; i < sizeof(bogus) / sizeof(bogus[0]); i++) {
		int b = bogus[i];
		if (fdt_first_child(f, b) != -1 || fdt_next_sibling(f, b) != -1 ||
		    fdt_parent(f, b) != -1 || fdt_prop(f, b, "reg", NULL) || *fdt_node_name(f, b))
			BAD("accessors accepted node %d", b);
	}
	return NULL;
}

/* Whether node i of n gets the costly checks (fdt_parent and fdt_path each
 * walk from the root): all of a small tree, an even spread of a big one. */
static bool sampled(unsigned i, unsigned n)
{
	return n <= 24 || i % (n / 8) == 0 || i == n - 1;
}

/* The tree structure: document order, children, parents. */
static const char *check_tree(const struct fdt *f, struct nodes *t, unsigned limit)
{
	int root = fdt_next_node(f, -1);
	if (root < 0 || fdt_path(f, "/") != root)
		BAD("fdt_path(\"/\") is not the first node");
	int prev = -1;
	for (int n = root; n >= 0; prev = n, n = fdt_next_node(f, n)) {
		if (t->n >= limit)
			BAD("fdt_next_node does not terminate");
		if (n <= prev)
			BAD("fdt_next_node went backwards: %d after %d", n, prev);
		const char *name = fdt_node_name(f, n);
		if (!in_struct(f, name, (uint32_t)strnlen(name, f->st_size) + 1))
			BAD("node %d: name outside the structure block", n);
		t->off[t->n] = n;
		t->parent[t->n++] = -2;
	}
	/* Children, parents first (document order): every node but the root
	 * is the child of exactly one node that comes before it, and children
	 * come in document order. */
	t->parent[0] = -1;
	unsigned children = 0;
	for (unsigned i = 0; i < t->n; i++) {
		if (t->parent[i] == -2)
			BAD("node %d is nobody's child", t->off[i]);
		int last = t->off[i];
		for (int c = fdt_first_child(f, t->off[i]); c >= 0; c = fdt_next_sibling(f, c)) {
			int ci = index_of(t, c);
			if (ci < 0 || c <= last || t->parent[ci] != -2)
				BAD("node %d: child %d is no node, out of order or another's",
				    t->off[i], c);
			t->parent[ci] = t->off[i];
			last = c;
			children++;
		}
	}
	if (children != t->n - 1)
		BAD("%u nodes but %u children", t->n, children);
	/* fdt_parent agrees. */
	for (unsigned i = 0; i < t->n; i++) {
		if (!sampled(i, t->n))
			continue;
		int p = fdt_parent(f, t->off[i]);
		if (p != t->parent[i])
			BAD("node %d: fdt_parent %d, but it is a child of %d", t->off[i], p,
			    t->parent[i]);
	}
	return NULL;
}

const char *fdt_walk_all(const struct fdt *f, struct fdt_walk_stats *stats)
{
	struct fdt_walk_stats local = { 0 };
	struct fdt_walk_stats *st = stats ? stats : &local;
	memset(st, 0, sizeof(*st));
	unsigned limit = f->st_size / 8 + 2; /* a node takes at least 8 bytes */
	struct nodes t = { malloc(limit * sizeof(int)), malloc(limit * sizeof(int)), 0 };
	const char *err = t.off && t.parent ? check_bogus_nodes(f) : "out of memory";
	if (!err)
		err = check_tree(f, &t, limit);
	for (unsigned i = 0; !err && i < t.n; i++) {
		err = check_props(f, t.off[i], st);
		if (!err && sampled(i, t.n))
			err = check_reg(f, t.off[i], st);
		char path[1024];
		if (!err && sampled(i, t.n) && path_of(f, &t, i, path, sizeof(path))) {
			int want = expected_path_result(f, path);
			int found = fdt_path(f, path);
			if (found != want || want > t.off[i]) {
				snprintf(problem, sizeof(problem),
					 "node %d: fdt_path(\"%s\") gave %d, expected %d", t.off[i],
					 path, found, want);
				err = problem;
			}
		}
	}
	st->nodes = t.n;
	free(t.off);
	free(t.parent);
	if (err)
		return err;

	const char *compats[] = { "ns16550a", "arm,pl011", "virtio,mmio", "" };
	for (size_t i = 0; i < sizeof(compats) / sizeof(compats[0]); i++) {
		unsigned k = 0;
		for (int n = fdt_find_compatible(f, -1, compats[i]); n >= 0;
		     n = fdt_find_compatible(f, n, compats[i])) {
			if (++k > limit)
				BAD("fdt_find_compatible does not terminate");
			if (!fdt_is_compatible(f, n, compats[i]))
				BAD("fdt_find_compatible found incompatible node %d", n);
		}
	}

	uint64_t a, s;
	for (int i = 0; fdt_rsvmap(f, i, &a, &s); i++)
		if (++st->rsv > f->size / 16)
			BAD("fdt_rsvmap does not end");
	if (fdt_rsvmap(f, -1, &a, &s))
		BAD("fdt_rsvmap accepted index -1");
	return NULL;
}
