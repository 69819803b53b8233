// SPDX-License-Identifier: BSD-2-Clause
// regcomp: parses a basic or extended regular expression (POSIX XBD 9) into a
// tree, then compiles the tree into the program regexec runs
// (internal/regex.h). Besides POSIX, basic expressions take GNU's \+, \? and
// \| and extended ones take back-references, as glibc does.
#include "../internal/regex.h"
#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

enum node_type {
	N_EMPTY,
	N_CHAR,
	N_ANY,
	N_SET,
	N_BOL,
	N_EOL,
	N_BREF,
	N_GROUP,
	N_CAT,
	N_ALT,
	N_REP
};

struct node {
	enum node_type type;
	int l, r; /* children (N_CAT, N_ALT; l alone for N_GROUP, N_REP) */
	int val; /* byte, set index, group number */
	int min, max; /* N_REP: max -1 is unbounded */
	int tag; /* N_GROUP, N_REP: its tag (internal/regex.h) */
	int tlo, thi; /* the tags of this node and inside it, empty if tlo > thi */
};

struct parser {
	const unsigned char *p;
	int cflags;
	bool ere;
	int err;
	struct node *nodes;
	int nnodes, capnodes;
	uint8_t (*sets)[32];
	int nsets, capsets;
	int nsub;
	uint32_t closed; /* groups 1..31 that are complete (for \n) */
	bool has_bref;
};

static int new_node(struct parser *ps, enum node_type type)
{
	if (ps->err)
		return -1;
	if (ps->nnodes == ps->capnodes) {
		int cap = ps->capnodes ? ps->capnodes * 2 : 32;
		struct node *n = realloc(ps->nodes, (size_t)cap * sizeof(*n));
		if (!n) {
			ps->err = REG_ESPACE;
			return -1;
		}
		ps->nodes = n;
		ps->capnodes = cap;
	}
	struct node *n = &ps->nodes[ps->nnodes];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->l = n->r = -1;
	return ps->nnodes++;
}

static int binary(struct parser *ps, enum node_type type, int l, int r)
{
	int i = new_node(ps, type);
	if (i < 0)
		return -1;
	ps->nodes[i].l = l;
	ps->nodes[i].r = r;
	return i;
}

static int leaf(struct parser *ps, enum node_type type, int val)
{
	int i = new_node(ps, type);
	if (i >= 0)
		ps->nodes[i].val = val;
	return i;
}

static int fold(int c)
{
	return tolower(c);
}

static int char_node(struct parser *ps, int c)
{
	return leaf(ps, N_CHAR, (ps->cflags & REG_ICASE) ? fold(c) : c);
}

/* ---- bracket expressions ---- */

static const struct {
	const char *name;
	int (*fn)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank }, { "cntrl", iscntrl },
	{ "digit", isdigit }, { "graph", isgraph }, { "lower", islower }, { "print", isprint },
	{ "punct", ispunct }, { "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

static void set_add(uint8_t *set, int c)
{
	set[c >> 3] |= (uint8_t)(1u << (c & 7));
}

/* A "[.x.]" or "[=x=]" element: one character (the C locale has no
 * multi-character collating elements). Returns the character or -1. */
static int bracket_symbol(struct parser *ps, char delim)
{
	const unsigned char *s = ps->p + 2, *end = s;
	while (*end && !(end[0] == delim && end[1] == ']'))
		end++;
	if (!*end) {
		ps->err = REG_EBRACK;
		return -1;
	}
	if (end - s != 1) {
		ps->err = REG_ECOLLATE;
		return -1;
	}
	ps->p = end + 2;
	return *s;
}

/* One endpoint of a range or a single character; -2 for a class (added to
 * set already), -1 on error. */
static int bracket_element(struct parser *ps, uint8_t *set)
{
	if (ps->p[0] == '[' && ps->p[1] == '.')
		return bracket_symbol(ps, '.');
	if (ps->p[0] == '[' && ps->p[1] == '=') {
		int c = bracket_symbol(ps, '=');
		if (c >= 0)
			set_add(set, c);
		return c < 0 ? -1 : -2;
	}
	if (ps->p[0] == '[' && ps->p[1] == ':') {
		const unsigned char *s = ps->p + 2, *end = s;
		while (*end && !(end[0] == ':' && end[1] == ']'))
			end++;
		if (!*end) {
			ps->err = REG_EBRACK;
			return -1;
		}
		for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++) {
			if (strlen(classes[k].name) == (size_t)(end - s) &&
			    !memcmp(classes[k].name, s, (size_t)(end - s))) {
				for (int c = 1; c < 256; c++)
					if (classes[k].fn(c))
						set_add(set, c);
				ps->p = end + 2;
				return -2;
			}
		}
		ps->err = REG_ECTYPE;
		return -1;
	}
	if (!*ps->p) {
		ps->err = REG_EBRACK;
		return -1;
	}
	return *ps->p++;
}

static int parse_bracket(struct parser *ps)
{
	uint8_t set[32] = { 0 };
	bool negate = *ps->p == '^';
	if (negate)
		ps->p++;
	bool first = true;
	while (first || *ps->p != ']') {
		if (!*ps->p) {
			ps->err = REG_EBRACK;
			return -1;
		}
		int lo;
		if (first && *ps->p == ']')
			lo = *ps->p++;
		else
			lo = bracket_element(ps, set);
		first = false;
		if (lo == -1)
			return -1;
		if (lo == -2)
			continue;
		if (ps->p[0] == '-' && ps->p[1] != ']' && ps->p[1]) {
			ps->p++;
			int hi = bracket_element(ps, set);
			if (hi == -1)
				return -1;
			if (hi == -2 || hi < lo) {
				ps->err = REG_ERANGE;
				return -1;
			}
			for (int c = lo; c <= hi; c++)
				set_add(set, c);
		} else {
			set_add(set, lo);
		}
	}
	ps->p++;
	if (ps->cflags & REG_ICASE)
		for (int c = 0; c < 256; c++)
			if (set[c >> 3] & (1u << (c & 7))) {
				set_add(set, tolower(c));
				set_add(set, toupper(c));
			}
	if (negate) {
		for (int k = 0; k < 32; k++)
			set[k] = (uint8_t)~set[k];
		if (ps->cflags & REG_NEWLINE)
			set['\n' >> 3] &= (uint8_t) ~(1u << ('\n' & 7));
	}
	set[0] &= (uint8_t)~1u; /* NUL ends the string: never matched */
	if (ps->nsets == ps->capsets) {
		int cap = ps->capsets ? ps->capsets * 2 : 4;
		uint8_t(*s)[32] = realloc(ps->sets, (size_t)cap * 32);
		if (!s) {
			ps->err = REG_ESPACE;
			return -1;
		}
		ps->sets = s;
		ps->capsets = cap;
	}
	memcpy(ps->sets[ps->nsets], set, 32);
	return leaf(ps, N_SET, ps->nsets++);
}

/* ---- the grammar ---- */

static int parse_alt(struct parser *ps, int depth);

/* "\{m,n\}" or "{m,n}" after its opening brace; 0 on success. */
static int parse_bound(struct parser *ps, int *min, int *max)
{
	const unsigned char *p = ps->p;
	long lo = -1, hi;
	if (isdigit(*p))
		for (lo = 0; isdigit(*p); p++)
			lo = lo < 100000 ? lo * 10 + (*p - '0') : lo;
	hi = lo;
	if (*p == ',') {
		p++;
		hi = -1;
		if (isdigit(*p))
			for (hi = 0; isdigit(*p); p++)
				hi = hi < 100000 ? hi * 10 + (*p - '0') : hi;
	}
	if (ps->ere ? *p != '}' : (p[0] != '\\' || p[1] != '}')) {
		ps->err = *p ? REG_BADBR : REG_EBRACE;
		return -1;
	}
	if (lo < 0 || lo > RE_BOUND_MAX || hi > RE_BOUND_MAX || (hi >= 0 && hi < lo)) {
		ps->err = REG_BADBR;
		return -1;
	}
	ps->p = p + (ps->ere ? 1 : 2);
	*min = (int)lo;
	*max = (int)hi;
	return 0;
}

/* A quantifier at ps->p, if any: sets min and max, advances past it. */
static bool quantifier(struct parser *ps, int *min, int *max)
{
	const unsigned char *p = ps->p;
	bool esc = !ps->ere && p[0] == '\\';
	char c = (char)(esc ? p[1] : p[0]);
	if (c == '*' && !esc) {
		*min = 0, *max = -1;
	} else if (c == '+' && esc == !ps->ere) {
		*min = 1, *max = -1;
	} else if (c == '?' && esc == !ps->ere) {
		*min = 0, *max = 1;
	} else if (c == '{' && esc == !ps->ere) {
		ps->p += esc ? 2 : 1;
		return parse_bound(ps, min, max) == 0;
	} else {
		return false;
	}
	ps->p += esc ? 2 : 1;
	return true;
}

static bool at_alt_end(struct parser *ps)
{
	const unsigned char *p = ps->p;
	if (ps->ere)
		return !*p || *p == '|' || *p == ')';
	return !*p || (p[0] == '\\' && (p[1] == '|' || p[1] == ')'));
}

/* A subexpression, after its opening parenthesis. */
static int parse_group(struct parser *ps, int depth)
{
	if (depth > 200) {
		ps->err = REG_ESPACE;
		return -1;
	}
	int n = ++ps->nsub;
	int sub = parse_alt(ps, depth + 1);
	if (sub < 0)
		return -1;
	if (ps->ere ? *ps->p != ')' : (ps->p[0] != '\\' || ps->p[1] != ')')) {
		ps->err = REG_EPAREN;
		return -1;
	}
	ps->p += ps->ere ? 1 : 2;
	if (n < 32)
		ps->closed |= 1u << n;
	int g = binary(ps, N_GROUP, sub, -1);
	if (g < 0)
		return -1;
	ps->nodes[g].val = n;
	return g;
}

/* One atom; start is true at the beginning of an expression or group (where
 * a BRE's '^' anchors and '*' is literal). */
static int parse_atom(struct parser *ps, int depth, bool start)
{
	const unsigned char *p = ps->p;
	int c = *p;
	if (ps->ere) {
		switch (c) {
		case '(': ps->p++; return parse_group(ps, depth);
		case ')': ps->err = REG_EPAREN; return -1;
		case '*':
		case '+':
		case '?':
		case '{': ps->err = REG_BADRPT; return -1;
		case '^': ps->p++; return leaf(ps, N_BOL, 0);
		case '$': ps->p++; return leaf(ps, N_EOL, 0);
		default: break;
		}
	} else {
		if (c == '\\' && p[1] == '(') {
			ps->p += 2;
			return parse_group(ps, depth);
		}
		if (c == '\\' && p[1] == ')') {
			ps->err = REG_EPAREN;
			return -1;
		}
		if (c == '\\' && p[1] == '{') {
			ps->err = REG_BADRPT;
			return -1;
		}
		if (c == '^' && start) {
			ps->p++;
			return leaf(ps, N_BOL, 0);
		}
		if (c == '$') {
			ps->p++;
			if (at_alt_end(ps))
				return leaf(ps, N_EOL, 0);
			return char_node(ps, '$');
		}
		if (c == '*' && start) {
			ps->p++;
			return char_node(ps, '*');
		}
	}
	if (c == '.') {
		ps->p++;
		return leaf(ps, N_ANY, 0);
	}
	if (c == '[') {
		ps->p++;
		return parse_bracket(ps);
	}
	if (c == '\\') {
		int e = p[1];
		if (!e) {
			ps->err = REG_EESCAPE;
			return -1;
		}
		ps->p += 2;
		if (e >= '1' && e <= '9') {
			if (e - '0' > ps->nsub || !(ps->closed & (1u << (e - '0')))) {
				ps->err = REG_ESUBREG;
				return -1;
			}
			ps->has_bref = true;
			return leaf(ps, N_BREF, e - '0');
		}
		return char_node(ps, e);
	}
	ps->p++;
	return char_node(ps, c);
}

static int parse_piece(struct parser *ps, int depth, bool start)
{
	bool bol_before = !ps->ere && start && *ps->p == '^';
	int atom = parse_atom(ps, depth, start);
	if (atom < 0)
		return -1;
	/* A BRE "^*": the star after the anchor is literal. */
	if (bol_before)
		return atom;
	int min, max;
	while (quantifier(ps, &min, &max)) {
		enum node_type t = ps->nodes[atom].type;
		if (!ps->ere && (t == N_BOL || t == N_EOL))
			break;
		int r = binary(ps, N_REP, atom, -1);
		if (r < 0)
			return -1;
		ps->nodes[r].min = min;
		ps->nodes[r].max = max;
		atom = r;
	}
	return ps->err ? -1 : atom;
}

static int parse_cat(struct parser *ps, int depth)
{
	int cat = -1;
	bool start = true;
	while (!at_alt_end(ps)) {
		int piece = parse_piece(ps, depth, start);
		if (piece < 0)
			return -1;
		/* After a BRE's leading '^', a '*' is still literal. */
		start = !ps->ere && start && ps->nodes[piece].type == N_BOL;
		cat = cat < 0 ? piece : binary(ps, N_CAT, cat, piece);
		if (cat < 0)
			return -1;
	}
	return cat < 0 ? leaf(ps, N_EMPTY, 0) : cat;
}

static int parse_alt(struct parser *ps, int depth)
{
	int alt = parse_cat(ps, depth);
	while (alt >= 0) {
		if (ps->ere && *ps->p == '|')
			ps->p++;
		else if (!ps->ere && ps->p[0] == '\\' && ps->p[1] == '|')
			ps->p += 2;
		else
			break;
		int r = parse_cat(ps, depth);
		if (r < 0)
			return -1;
		alt = binary(ps, N_ALT, alt, r);
	}
	return alt;
}

/* ---- tags ---- */

/* Numbers the tags in the order the nodes' text begins (a pre-order walk)
 * so that the tags inside a node are one range. */
static void assign_tags(struct parser *ps, int i, int *ntags, int *group_tag)
{
	struct node *n = &ps->nodes[i];
	int first = *ntags + 1;
	if (n->type == N_GROUP || n->type == N_REP) {
		n->tag = ++*ntags;
		if (n->type == N_GROUP)
			group_tag[n->val] = n->tag;
	}
	if (n->l >= 0)
		assign_tags(ps, n->l, ntags, group_tag);
	if (n->r >= 0)
		assign_tags(ps, n->r, ntags, group_tag);
	n = &ps->nodes[i];
	n->tlo = first;
	n->thi = *ntags;
}

/* ---- code generation ---- */

struct gen {
	struct parser *ps;
	int *group_tag;
	struct re_inst *code;
	int n, cap;
	int nmarks;
};

static int emit(struct gen *g, int op, int x, int y)
{
	if (g->ps->err)
		return -1;
	if (g->n == g->cap) {
		if (g->cap >= RE_CODE_LIMIT) {
			g->ps->err = REG_ESPACE;
			return -1;
		}
		int cap = g->cap ? g->cap * 2 : 64;
		struct re_inst *c = realloc(g->code, (size_t)cap * sizeof(*c));
		if (!c) {
			g->ps->err = REG_ESPACE;
			return -1;
		}
		g->code = c;
		g->cap = cap;
	}
	g->code[g->n] = (struct re_inst){ (uint8_t)op, x, y };
	return g->n++;
}

static void gen_node(struct gen *g, int i);
static void gen_loops(struct gen *g, const struct node *n);

/* One iteration of a repeated node: its groups start out unset, so that a
 * group the last iteration did not reach reports no match (POSIX). */
static void gen_iteration(struct gen *g, const struct node *n)
{
	const struct node *c = &g->ps->nodes[n->l];
	if (c->tlo <= c->thi)
		emit(g, RE_CLEAR, c->tlo, c->thi);
	gen_node(g, n->l);
}

static void gen_rep(struct gen *g, const struct node *n)
{
	emit(g, RE_SAVE, 2 * n->tag, 0);
	gen_loops(g, n);
	emit(g, RE_SAVE, 2 * n->tag + 1, 0);
}

static void gen_loops(struct gen *g, const struct node *n)
{
	for (int k = 0; k < n->min; k++)
		gen_iteration(g, n);
	if (n->max < 0) {
		int mark = g->nmarks++;
		int head = emit(g, RE_SPLIT, 0, 0);
		emit(g, RE_MARK, mark, 0);
		gen_iteration(g, n);
		emit(g, RE_LOOP, mark, head);
		if (g->ps->err)
			return;
		g->code[head].x = head + 1;
		g->code[head].y = g->n;
		return;
	}
	/* Optional copies, each inside the one before: x{0,2} is (x(x)?)?. */
	int nopt = n->max - n->min, splits[RE_BOUND_MAX];
	for (int k = 0; k < nopt; k++) {
		splits[k] = emit(g, RE_SPLIT, 0, 0);
		gen_iteration(g, n);
	}
	if (g->ps->err)
		return;
	for (int k = 0; k < nopt; k++) {
		g->code[splits[k]].x = splits[k] + 1;
		g->code[splits[k]].y = g->n;
	}
}

static void gen_node(struct gen *g, int i)
{
	if (g->ps->err)
		return;
	const struct node *n = &g->ps->nodes[i];
	switch (n->type) {
	case N_EMPTY: break;
	case N_CHAR: emit(g, RE_CHAR, n->val, 0); break;
	case N_ANY: emit(g, RE_ANY, (g->ps->cflags & REG_NEWLINE) != 0, 0); break;
	case N_SET: emit(g, RE_SET, n->val, 0); break;
	case N_BOL: emit(g, RE_BOL, 0, 0); break;
	case N_EOL: emit(g, RE_EOL, 0, 0); break;
	case N_BREF: emit(g, RE_BREF, g->group_tag[n->val], 0); break;
	case N_GROUP:
		emit(g, RE_SAVE, 2 * n->tag, 0);
		gen_node(g, n->l);
		emit(g, RE_SAVE, 2 * n->tag + 1, 0);
		break;
	case N_CAT:
		gen_node(g, n->l);
		gen_node(g, n->r);
		break;
	case N_ALT: {
		int split = emit(g, RE_SPLIT, 0, 0);
		gen_node(g, n->l);
		int jmp = emit(g, RE_JMP, 0, 0);
		gen_node(g, n->r);
		if (g->ps->err)
			return;
		g->code[split].x = split + 1;
		g->code[split].y = jmp + 1;
		g->code[jmp].x = g->n;
		break;
	}
	case N_REP: gen_rep(g, n); break;
	}
}

int regcomp(regex_t *restrict preg, const char *restrict pattern, int cflags)
{
	struct parser ps = { .p = (const unsigned char *)pattern,
			     .cflags = cflags,
			     .ere = (cflags & REG_EXTENDED) != 0 };
	int root = parse_alt(&ps, 0);
	if (!ps.err && *ps.p)
		ps.err = REG_EPAREN; /* an unmatched ")" or "\)" */
	int ntags = 0;
	int *group_tag = ps.err ? NULL : calloc((size_t)ps.nsub + 1, sizeof(int));
	if (!ps.err && !group_tag)
		ps.err = REG_ESPACE;
	struct gen g = { .ps = &ps, .group_tag = group_tag };
	if (!ps.err && root >= 0) {
		assign_tags(&ps, root, &ntags, group_tag);
		gen_node(&g, root);
		emit(&g, RE_MATCH, 0, 0);
	}
	struct re_prog *prog = ps.err ? NULL : malloc(sizeof(*prog));
	if (!ps.err && !prog)
		ps.err = REG_ESPACE;
	free(ps.nodes);
	if (ps.err) {
		free(group_tag);
		free(g.code);
		free(ps.sets);
		return ps.err;
	}
	*prog = (struct re_prog){ .code = g.code,
				  .ncode = g.n,
				  .sets = ps.sets,
				  .nsets = ps.nsets,
				  .nsub = ps.nsub,
				  .ntags = ntags,
				  .group_tag = group_tag,
				  .nmarks = g.nmarks,
				  .cflags = cflags,
				  .has_bref = ps.has_bref };
	preg->re_nsub = (size_t)ps.nsub;
	preg->__prog = prog;
	return 0;
}

void regfree(regex_t *preg)
{
	struct re_prog *prog = preg->__prog;
	if (!prog)
		return;
	free(prog->code);
	free(prog->sets);
	free(prog->group_tag);
	free(prog);
	preg->__prog = NULL;
}
