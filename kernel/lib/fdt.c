// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/fdt.h>
#include <kernel/string.h>
#include <verdigris/errors.h>

#define FDT_MAGIC 0xd00dfeed
#define TOK_BEGIN 1
#define TOK_END 2
#define TOK_PROP 3
#define TOK_NOP 4
#define TOK_FINISH 9
#define HEADER_SIZE 40

uint32_t fdt_be32(const void *p)
{
	const uint8_t *b = p;
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

uint64_t fdt_cells(const void *p, int n)
{
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v = v << 32 | fdt_be32((const uint8_t *)p + 4 * i);
	return v;
}

uint32_t fdt_header_size(const void *blob)
{
	return fdt_be32(blob) == FDT_MAGIC ? fdt_be32((const uint8_t *)blob + 4) : 0;
}

/* Reads the token at *off (bounded); returns 0 past the end. */
static uint32_t token(const struct fdt *f, uint32_t off)
{
	return off <= f->st_size - 4 && f->st_size >= 4 ? fdt_be32(f->st + off) : 0;
}

/* Length of a NUL-terminated string at s within avail bytes, or -1. */
static int64_t bounded_strlen(const char *s, uint32_t avail)
{
	for (uint32_t i = 0; i < avail; i++)
		if (!s[i])
			return i;
	return -1;
}

static uint32_t pad4(uint32_t x)
{
	return (x + 3) & ~3u;
}

/* Checks the structure block token by token. */
static const char *check_structure(const struct fdt *f)
{
	uint32_t off = 0;
	int depth = 0;
	bool seen_root = false;
	for (;;) {
		if (off > f->st_size - 4 || f->st_size < 4)
			return "structure block ends without FDT_END";
		uint32_t tok = fdt_be32(f->st + off);
		off += 4;
		switch (tok) {
		case TOK_BEGIN: {
			if (depth == 0 && seen_root)
				return "more than one root node";
			seen_root = true;
			int64_t n = bounded_strlen((const char *)f->st + off, f->st_size - off);
			if (n < 0)
				return "node name runs past the structure block";
			off = pad4(off + (uint32_t)n + 1);
			if (++depth > FDT_MAX_DEPTH)
				return "nodes nested too deeply";
			break;
		}
		case TOK_END:
			if (--depth < 0)
				return "FDT_END_NODE without a node";
			break;
		case TOK_PROP: {
			if (depth == 0)
				return "property outside any node";
			if (off > f->st_size - 8 || f->st_size < 8)
				return "property header runs past the structure block";
			uint32_t len = fdt_be32(f->st + off);
			uint32_t nameoff = fdt_be32(f->st + off + 4);
			off += 8;
			if (len > f->st_size - off)
				return "property value runs past the structure block";
			if (nameoff >= f->str_size ||
			    bounded_strlen(f->str + nameoff, f->str_size - nameoff) < 0)
				return "property name offset outside the strings block";
			off = pad4(off + len);
			break;
		}
		case TOK_NOP: break;
		case TOK_FINISH:
			if (depth != 0)
				return "FDT_END inside an open node";
			if (!seen_root)
				return "no root node";
			return NULL;
		default: return "unknown token in the structure block";
		}
		if (off > f->st_size)
			return "structure block overrun";
	}
}

static const char *check_header(struct fdt *f, const uint8_t *b, size_t max_size)
{
	if (max_size < HEADER_SIZE)
		return "blob smaller than a header";
	if (fdt_be32(b) != FDT_MAGIC)
		return "bad magic (not a device tree)";
	uint32_t total = fdt_be32(b + 4);
	uint32_t off_st = fdt_be32(b + 8), off_str = fdt_be32(b + 12), off_rsv = fdt_be32(b + 16);
	uint32_t version = fdt_be32(b + 20), last_comp = fdt_be32(b + 24);
	uint32_t size_str = fdt_be32(b + 32);
	if (total < HEADER_SIZE || total > max_size)
		return "totalsize out of range";
	if (version < 16 || last_comp > 17)
		return "unsupported version";
	uint32_t size_st = version >= 17 ? fdt_be32(b + 36) : total - MIN(off_st, total);
	if (off_st < HEADER_SIZE || off_st > total || size_st > total - off_st)
		return "structure block outside the blob";
	if (off_str < HEADER_SIZE || off_str > total || size_str > total - off_str)
		return "strings block outside the blob";
	if (off_rsv < HEADER_SIZE || off_rsv > total || (off_rsv & 7))
		return "reservation map outside the blob or misaligned";
	if (off_st & 3)
		return "structure block misaligned";
	*f = (struct fdt){ .blob = b,
			   .size = total,
			   .st = b + off_st,
			   .st_size = size_st,
			   .str = (const char *)b + off_str,
			   .str_size = size_str,
			   .rsv_off = off_rsv };
	/* The reservation map must end with a (0, 0) entry inside the blob. */
	for (uint32_t o = off_rsv;; o += 16) {
		if (o > total - 16)
			return "reservation map is not terminated";
		if (!fdt_cells(b + o, 2) && !fdt_cells(b + o + 8, 2))
			break;
	}
	return NULL;
}

int fdt_open(struct fdt *f, const void *blob, size_t max_size, const char **why)
{
	const char *err = check_header(f, blob, max_size);
	if (!err)
		err = check_structure(f);
	if (err) {
		if (why)
			*why = err;
		memset(f, 0, sizeof(*f));
		return ERR_BAD_FORMAT;
	}
	return 0;
}

/* Offset just past the header token and name of the node at off. */
static uint32_t after_name(const struct fdt *f, uint32_t off)
{
	int64_t n = bounded_strlen((const char *)f->st + off + 4, f->st_size - off - 4);
	return pad4(off + 4 + (uint32_t)(n < 0 ? 0 : n) + 1);
}

/* Offset of the next token after the one at off (for any token but END). */
static uint32_t skip_token(const struct fdt *f, uint32_t off)
{
	switch (token(f, off)) {
	case TOK_BEGIN: return after_name(f, off);
	case TOK_PROP: return pad4(off + 12 + token(f, off + 4));
	default: return off + 4;
	}
}

/* Offset past the END_NODE of the node at off. */
static uint32_t skip_node(const struct fdt *f, uint32_t off)
{
	int depth = 0;
	do {
		uint32_t tok = token(f, off);
		if (tok == TOK_BEGIN)
			depth++;
		else if (tok == TOK_END)
			depth--;
		else if (tok == TOK_FINISH || tok == 0)
			return f->st_size;
		off = skip_token(f, off);
	} while (depth > 0 && off < f->st_size);
	return off;
}

static bool is_node(const struct fdt *f, int node)
{
	return f->st && node >= 0 && token(f, (uint32_t)node) == TOK_BEGIN;
}

const char *fdt_node_name(const struct fdt *f, int node)
{
	return is_node(f, node) ? (const char *)f->st + node + 4 : "";
}

/* First BEGIN_NODE at or after off at the current level, or -1 on END. */
static int next_node_at_level(const struct fdt *f, uint32_t off)
{
	for (;;) {
		uint32_t tok = token(f, off);
		if (tok == TOK_BEGIN)
			return (int)off;
		if (tok != TOK_PROP && tok != TOK_NOP)
			return -1;
		off = skip_token(f, off);
	}
}

int fdt_first_child(const struct fdt *f, int node)
{
	return is_node(f, node) ? next_node_at_level(f, after_name(f, (uint32_t)node)) : -1;
}

int fdt_next_sibling(const struct fdt *f, int node)
{
	return is_node(f, node) ? next_node_at_level(f, skip_node(f, (uint32_t)node)) : -1;
}

int fdt_next_node(const struct fdt *f, int after)
{
	uint32_t off = after < 0 ? 0 : skip_token(f, (uint32_t)after);
	for (; off < f->st_size; off = skip_token(f, off)) {
		uint32_t tok = token(f, off);
		if (tok == TOK_BEGIN)
			return (int)off;
		if (tok == TOK_FINISH || tok == 0)
			break;
	}
	return -1;
}

static bool name_matches(const char *name, const char *comp, size_t len)
{
	if (strncmp(name, comp, len))
		return false;
	if (name[len] == 0)
		return true;
	/* "memory" matches "memory@40000000" when the path gave no unit address. */
	for (size_t i = 0; i < len; i++)
		if (comp[i] == '@')
			return false;
	return name[len] == '@';
}

int fdt_path(const struct fdt *f, const char *path)
{
	if (!f->st || path[0] != '/')
		return -1;
	/* The root is the first node, after any leading FDT_NOP tokens. */
	int node = fdt_next_node(f, -1);
	if (node < 0)
		return -1;
	const char *p = path + 1;
	while (*p) {
		const char *end = p;
		while (*end && *end != '/')
			end++;
		size_t len = (size_t)(end - p);
		if (len) {
			int c = fdt_first_child(f, node);
			while (c >= 0 && !name_matches(fdt_node_name(f, c), p, len))
				c = fdt_next_sibling(f, c);
			if (c < 0)
				return -1;
			node = c;
		}
		p = *end ? end + 1 : end;
	}
	return node;
}

int fdt_parent(const struct fdt *f, int node)
{
	if (!is_node(f, node) || node == 0)
		return -1;
	/* Walk from the root, keeping the stack of open nodes. */
	int stack[FDT_MAX_DEPTH + 1];
	int depth = 0;
	for (uint32_t off = 0; off < f->st_size;) {
		uint32_t tok = token(f, off);
		if (tok == TOK_BEGIN) {
			if ((int)off == node)
				return depth > 0 ? stack[depth - 1] : -1;
			if (depth > FDT_MAX_DEPTH)
				return -1;
			stack[depth++] = (int)off;
		} else if (tok == TOK_END) {
			if (--depth < 0)
				return -1;
		} else if (tok == TOK_FINISH || tok == 0) {
			return -1;
		}
		off = skip_token(f, off);
	}
	return -1;
}

const void *fdt_prop(const struct fdt *f, int node, const char *name, uint32_t *len)
{
	if (!is_node(f, node))
		return NULL;
	for (uint32_t off = after_name(f, (uint32_t)node);; off = skip_token(f, off)) {
		uint32_t tok = token(f, off);
		if (tok == TOK_NOP)
			continue;
		if (tok != TOK_PROP)
			return NULL;
		uint32_t plen = token(f, off + 4), nameoff = token(f, off + 8);
		if (plen > f->st_size - off - 12 || nameoff >= f->str_size)
			return NULL;
		int64_t n = bounded_strlen(f->str + nameoff, f->str_size - nameoff);
		if (n >= 0 && !strcmp(f->str + nameoff, name)) {
			if (len)
				*len = plen;
			return f->st + off + 12;
		}
	}
}

const char *fdt_prop_str(const struct fdt *f, int node, const char *name)
{
	uint32_t len;
	const char *s = fdt_prop(f, node, name, &len);
	if (!s || len == 0 || s[len - 1] != 0)
		return NULL;
	return s;
}

uint32_t fdt_prop_u32(const struct fdt *f, int node, const char *name, uint32_t dflt)
{
	uint32_t len;
	const void *p = fdt_prop(f, node, name, &len);
	return p && len == 4 ? fdt_be32(p) : dflt;
}

bool fdt_is_compatible(const struct fdt *f, int node, const char *compat)
{
	uint32_t len;
	const char *s = fdt_prop(f, node, "compatible", &len);
	if (!s)
		return false;
	/* A list of NUL-terminated strings; a last one without NUL is ignored. */
	uint32_t i = 0;
	while (i < len) {
		int64_t n = bounded_strlen(s + i, len - i);
		if (n < 0)
			return false;
		if (!strcmp(s + i, compat))
			return true;
		i += (uint32_t)n + 1;
	}
	return false;
}

int fdt_find_compatible(const struct fdt *f, int after, const char *compat)
{
	for (int n = fdt_next_node(f, after); n >= 0; n = fdt_next_node(f, n))
		if (fdt_is_compatible(f, n, compat))
			return n;
	return -1;
}

bool fdt_reg(const struct fdt *f, int node, int idx, uint64_t *addr, uint64_t *size)
{
	int parent = fdt_parent(f, node);
	if (parent < 0 || idx < 0)
		return false;
	uint32_t ac = fdt_prop_u32(f, parent, "#address-cells", 2);
	uint32_t sc = fdt_prop_u32(f, parent, "#size-cells", 1);
	if (ac < 1 || ac > 2 || sc > 2)
		return false;
	uint32_t len;
	const uint8_t *p = fdt_prop(f, node, "reg", &len);
	uint32_t entry = 4 * (ac + sc);
	if (!p || ((uint64_t)idx + 1) * entry > len)
		return false;
	p += (uint32_t)idx * entry;
	*addr = fdt_cells(p, (int)ac);
	*size = sc ? fdt_cells(p + 4 * ac, (int)sc) : 0;
	return true;
}

bool fdt_rsvmap(const struct fdt *f, int idx, uint64_t *addr, uint64_t *size)
{
	if (!f->blob || idx < 0)
		return false;
	/* fdt_open proved the map is terminated inside the blob. */
	for (uint32_t i = 0, o = f->rsv_off; o <= f->size - 16; i++, o += 16) {
		uint64_t a = fdt_cells(f->blob + o, 2), s = fdt_cells(f->blob + o + 8, 2);
		if (!a && !s)
			return false;
		if (i == (uint32_t)idx) {
			*addr = a;
			*size = s;
			return true;
		}
	}
	return false;
}
