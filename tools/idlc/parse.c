// SPDX-License-Identifier: BSD-2-Clause
// The parser: builds the syntax tree and checks everything the generators
// rely on (names, numbers, types, limits). The grammar is in docs/IPC.md.
#include "idlc.h"
#include <stdio.h>
#include <string.h>
#include <verdigris/types.h>

struct parser {
	struct idlc_ctx *c;
	struct token tok;
	struct idl *idl;
};

static const struct {
	const char *name;
	uint32_t value;
} objects[] = {
#define OBJ(name, value, text) { #name, value },
#include <verdigris/objects.def>
#undef OBJ
};

static const struct {
	const char *name;
	uint32_t bit;
} rights[] = {
#define RIGHT(name, bit, text) { #name, bit },
#include <verdigris/rights.def>
#undef RIGHT
};

static const char *const scalar_names[] = { "u8",  "u16", "u32", "u64", "i8",
					    "i16", "i32", "i64", "bool" };

/* C keywords and the words of the language: not usable as names. */
static const char *const reserved[] = {
	"auto",		"break",    "case",	"char",	     "const",	 "continue",
	"default",	"do",	    "double",	"else",	     "enum",	 "extern",
	"float",	"for",	    "goto",	"if",	     "inline",	 "int",
	"long",		"register", "restrict", "return",    "short",	 "signed",
	"sizeof",	"static",   "struct",	"switch",    "typedef",	 "union",
	"unsigned",	"void",	    "volatile", "while",     "_Bool",	 "_Static_assert",
	"bool",		"true",	    "false",	"error",     "event",	 "interface",
	"library",	"raises",   "string",	"bytes",     "array",	 "handle",
	"u8",		"u16",	    "u32",	"u64",	     "i8",	 "i16",
	"i32",		"i64",	    "NULL",	"alignas",   "alignof",	 "_Alignas",
	"_Alignof",	"_Atomic",  "_Generic", "_Noreturn", "_Complex", "_Imaginary",
	"_Thread_local"
};

static bool tok_is(const struct token *t, const char *word)
{
	return t->kind == TOK_IDENT && t->len == strlen(word) && !memcmp(t->text, word, t->len);
}

static bool tok_punct(const struct token *t, char p)
{
	return t->kind == TOK_PUNCT && t->punct == p;
}

/* The .def files spell names in upper case; the IDL in lower case. */
static bool eq_nocase(const char *upper_name, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char ch = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
		if (upper_name[i] != ch)
			return false;
	}
	return true;
}

static void next(struct parser *p)
{
	p->tok = lex_next(p->c);
}

static _Noreturn void expected(struct parser *p, const char *what)
{
	const struct token *t = &p->tok;
	if (t->kind == TOK_EOF)
		idlc_error(p->c, t->line, t->col, "expected %s, found end of file", what);
	idlc_error(p->c, t->line, t->col, "expected %s, found '%.*s'", what, (int)t->len, t->text);
}

static void expect_punct(struct parser *p, char ch)
{
	char what[8] = { '\'', ch, '\'', 0 };
	if (!tok_punct(&p->tok, ch))
		expected(p, what);
	next(p);
}

static void expect_word(struct parser *p, const char *word)
{
	if (!tok_is(&p->tok, word)) {
		char what[32];
		snprintf(what, sizeof(what), "'%s'", word);
		expected(p, what);
	}
	next(p);
}

/* A name for something new: not reserved, not in the ipc_ name space. */
static const char *new_name(struct parser *p, const char *what)
{
	const struct token *t = &p->tok;
	if (t->kind != TOK_IDENT)
		expected(p, what);
	char *name = idlc_strndup(p->c, t->text, t->len);
	for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		if (!strcmp(name, reserved[i]))
			idlc_error(p->c, t->line, t->col, "'%s' is reserved", name);
	if (!strncmp(name, "ipc_", 4) || !strncmp(name, "IPC_", 4))
		idlc_error(p->c, t->line, t->col, "names beginning with ipc_ are reserved");
	next(p);
	return name;
}

static uint64_t expect_int(struct parser *p, const char *what)
{
	if (p->tok.kind != TOK_INT)
		expected(p, what);
	uint64_t v = p->tok.value;
	next(p);
	return v;
}

static struct decl *find_decl(const struct idl *idl, const char *name, size_t len)
{
	for (int i = 0; i < idl->ndecls; i++)
		if (strlen(idl->decls[i]->name) == len && !memcmp(idl->decls[i]->name, name, len))
			return idl->decls[i];
	return NULL;
}

static int int_kind(const struct token *t)
{
	for (int k = TY_U8; k <= TY_I64; k++)
		if (tok_is(t, scalar_names[k]))
			return k;
	return -1;
}

/* Lower-case right names by bit, for the generators. */
static const char *const *rights_by_bit(struct parser *p)
{
	static char store[32][24];
	static const char *names[32];
	(void)p;
	if (!names[0]) {
		for (size_t i = 0; i < sizeof(rights) / sizeof(rights[0]); i++) {
			char *s = store[rights[i].bit];
			snprintf(s, sizeof(store[0]), "%s", rights[i].name);
			for (char *q = s; *q; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q = (char)(*q - 'A' + 'a');
			names[rights[i].bit] = s;
		}
	}
	return names;
}

static uint32_t parse_rights(struct parser *p)
{
	uint32_t bits = 0;
	for (;;) {
		const struct token *t = &p->tok;
		if (t->kind != TOK_IDENT)
			expected(p, "a right");
		size_t i, n = sizeof(rights) / sizeof(rights[0]);
		for (i = 0; i < n; i++)
			if (strlen(rights[i].name) == t->len &&
			    eq_nocase(rights[i].name, t->text, t->len))
				break;
		if (i == n)
			idlc_error(p->c, t->line, t->col, "unknown right '%.*s'", (int)t->len,
				   t->text);
		if (bits & (1u << rights[i].bit))
			idlc_error(p->c, t->line, t->col, "right '%.*s' named twice", (int)t->len,
				   t->text);
		bits |= 1u << rights[i].bit;
		next(p);
		if (!tok_punct(&p->tok, '|'))
			return bits;
		next(p);
	}
}

static void parse_handle(struct parser *p, struct type *ty)
{
	expect_punct(p, '<');
	const struct token *t = &p->tok;
	if (t->kind != TOK_IDENT)
		expected(p, "an object type");
	size_t i, n = sizeof(objects) / sizeof(objects[0]);
	/* "any": a handle of whatever type (the receiver checks only the
	 * rights); it stands for object value 0, which no object has. */
	bool any = t->len == 3 && eq_nocase("ANY", t->text, 3);
	for (i = 0; i < n && !any; i++)
		if (objects[i].value && strlen(objects[i].name) == t->len &&
		    eq_nocase(objects[i].name, t->text, t->len))
			break;
	if (i == n)
		idlc_error(p->c, t->line, t->col, "unknown object type '%.*s'", (int)t->len,
			   t->text);
	ty->obj = any ? 0 : objects[i].value;
	const char *name = any ? "any" : objects[i].name;
	char *lower = idlc_strndup(p->c, name, strlen(name));
	for (char *s = lower; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
	ty->obj_name = lower;
	ty->rights_names = rights_by_bit(p);
	next(p);
	if (tok_punct(&p->tok, ',')) {
		next(p);
		ty->rights = parse_rights(p);
	}
	expect_punct(p, '>');
}

static uint64_t parse_max(struct parser *p, uint64_t limit)
{
	int line = p->tok.line, col = p->tok.col;
	uint64_t v = expect_int(p, "a maximum size");
	if (v == 0 || v > limit)
		idlc_error(p->c, line, col, "maximum must be 1 to %llu", (unsigned long long)limit);
	return v;
}

static struct type *parse_type(struct parser *p)
{
	struct type *ty = idlc_alloc(p->c, sizeof(*ty));
	const struct token t = p->tok;
	if (t.kind != TOK_IDENT)
		expected(p, "a type");
	int k = int_kind(&t);
	if (k >= 0) {
		ty->kind = (enum type_kind)k;
		next(p);
	} else if (tok_is(&t, "bool")) {
		ty->kind = TY_BOOL;
		next(p);
	} else if (tok_is(&t, "string") || tok_is(&t, "bytes")) {
		ty->kind = tok_is(&t, "string") ? TY_STRING : TY_BYTES;
		next(p);
		expect_punct(p, '<');
		ty->max = parse_max(p, IDLC_MAX_SIZE);
		expect_punct(p, '>');
	} else if (tok_is(&t, "array")) {
		ty->kind = TY_ARRAY;
		next(p);
		expect_punct(p, '<');
		int line = p->tok.line, col = p->tok.col;
		ty->elem = parse_type(p);
		if (ty->elem->kind > TY_ENUM)
			idlc_error(p->c, line, col,
				   "array elements must be integers, bools or enums");
		expect_punct(p, ',');
		ty->max = parse_max(p, IDLC_MAX_COUNT);
		expect_punct(p, '>');
	} else if (tok_is(&t, "handle")) {
		ty->kind = TY_HANDLE;
		next(p);
		parse_handle(p, ty);
	} else {
		struct decl *d = find_decl(p->idl, t.text, t.len);
		if (!d)
			idlc_error(p->c, t.line, t.col, "unknown type '%.*s'", (int)t.len, t.text);
		if (d->kind != D_ENUM && d->kind != D_STRUCT)
			idlc_error(p->c, t.line, t.col, "'%s' is not a type", d->name);
		ty->kind = d->kind == D_ENUM ? TY_ENUM : TY_STRUCT;
		ty->ref = d;
		next(p);
	}
	return ty;
}

static void check_new_decl(struct parser *p, const char *name, int line, int col)
{
	if (find_decl(p->idl, name, strlen(name)))
		idlc_error(p->c, line, col, "'%s' is already declared", name);
	if (p->idl->ndecls >= IDLC_MAX_DECLS)
		idlc_error(p->c, line, col, "more than %d declarations", IDLC_MAX_DECLS);
}

static bool fits(enum type_kind k, int64_t v, bool negative, uint64_t mag)
{
	if (type_signed(k)) {
		unsigned bits = type_bits(k);
		int64_t lo = bits == 64 ? INT64_MIN : -((int64_t)1 << (bits - 1));
		int64_t hi = bits == 64 ? INT64_MAX : ((int64_t)1 << (bits - 1)) - 1;
		if (negative)
			return mag <= (uint64_t)INT64_MAX + 1 && v >= lo;
		return mag <= (uint64_t)hi;
	}
	return !negative && (type_bits(k) == 64 || mag >> type_bits(k) == 0);
}

/* enum NAME : INTTYPE { a = 1, b = 2 }  and  error NAME { a = 1 } */
static void parse_enum(struct parser *p, struct decl *d)
{
	if (d->kind == D_ENUM) {
		expect_punct(p, ':');
		int k = int_kind(&p->tok);
		if (k < 0)
			expected(p, "an integer type");
		d->base = (enum type_kind)k;
		next(p);
	} else {
		d->base = TY_I32;
	}
	expect_punct(p, '{');
	d->members = idlc_alloc(p->c, IDLC_MAX_MEMBERS * sizeof(struct member));
	while (!tok_punct(&p->tok, '}')) {
		int line = p->tok.line, col = p->tok.col;
		if (d->nmembers >= IDLC_MAX_MEMBERS)
			idlc_error(p->c, line, col, "more than %d members", IDLC_MAX_MEMBERS);
		const char *name = new_name(p, "a member name");
		expect_punct(p, '=');
		bool negative = false;
		int vline = p->tok.line, vcol = p->tok.col;
		if (tok_punct(&p->tok, '-')) {
			negative = true;
			next(p);
		}
		uint64_t mag = expect_int(p, "a value");
		int64_t v = negative ? (int64_t)(0 - mag) : (int64_t)mag;
		if (d->kind == D_ERROR && (negative || mag == 0 || mag > INT32_MAX))
			idlc_error(p->c, vline, vcol, "error values must be 1 to 2147483647");
		if (!fits(d->base, v, negative, mag))
			idlc_error(p->c, vline, vcol, "value does not fit in %s",
				   scalar_names[d->base]);
		for (int i = 0; i < d->nmembers; i++) {
			if (!strcmp(d->members[i].name, name))
				idlc_error(p->c, line, col, "member '%s' is already declared",
					   name);
			if (d->members[i].value == v)
				idlc_error(p->c, vline, vcol, "value already used by '%s'",
					   d->members[i].name);
		}
		d->members[d->nmembers++] = (struct member){ name, v };
		if (!tok_punct(&p->tok, ','))
			break;
		next(p);
	}
	if (!d->nmembers)
		idlc_error(p->c, p->tok.line, p->tok.col, "'%s' has no members", d->name);
	expect_punct(p, '}');
}

/* struct NAME { field: type; ... } */
static void parse_struct(struct parser *p, struct decl *d)
{
	expect_punct(p, '{');
	d->fields = idlc_alloc(p->c, IDLC_MAX_FIELDS * sizeof(struct field));
	d->depth = 1;
	while (!tok_punct(&p->tok, '}')) {
		int line = p->tok.line, col = p->tok.col;
		if (d->nfields >= IDLC_MAX_FIELDS)
			idlc_error(p->c, line, col, "more than %d fields", IDLC_MAX_FIELDS);
		const char *name = new_name(p, "a field name");
		for (int i = 0; i < d->nfields; i++)
			if (!strcmp(d->fields[i].name, name))
				idlc_error(p->c, line, col, "field '%s' is already declared", name);
		expect_punct(p, ':');
		int tline = p->tok.line, tcol = p->tok.col;
		struct type *ty = parse_type(p);
		if (!type_fixed(ty))
			idlc_error(p->c, tline, tcol,
				   "struct fields must be integers, bools, enums or structs");
		if (ty->kind == TY_STRUCT) {
			if (ty->ref->depth + 1 > d->depth)
				d->depth = ty->ref->depth + 1;
			if (d->depth > IDLC_MAX_DEPTH)
				idlc_error(p->c, tline, tcol, "structs nested deeper than %d",
					   IDLC_MAX_DEPTH);
			d->words += ty->ref->words;
		} else {
			d->words++;
		}
		d->fields[d->nfields++] = (struct field){ name, ty, line, col, false };
		expect_punct(p, ';');
	}
	if (!d->nfields)
		idlc_error(p->c, p->tok.line, p->tok.col, "'%s' has no fields", d->name);
	if (d->words > VG_IPC_MAX_WORDS)
		idlc_error(p->c, d->line, d->col, "'%s' needs %u words; a message holds %d",
			   d->name, d->words, VG_IPC_MAX_WORDS);
	expect_punct(p, '}');
}

/* Names the generated C uses beside a parameter: NAME_len, NAME_count. */
static void check_param_name(struct parser *p, const struct field *fs, int n, const char *name,
			     int line, int col)
{
	for (int i = 0; i < n; i++) {
		const char *other = fs[i].name;
		size_t ol = strlen(other);
		const char *suffix = fs[i].type->kind == TY_ARRAY ? "_count" : "_len";
		bool var = fs[i].type->kind >= TY_STRING && fs[i].type->kind <= TY_ARRAY;
		if (!strcmp(other, name) ||
		    (var && !strncmp(name, other, ol) && !strcmp(name + ol, suffix)))
			idlc_error(p->c, line, col, "parameter '%s' is already declared", name);
	}
}

static void parse_params(struct parser *p, struct field **out, int *n, struct field *others,
			 int nothers)
{
	expect_punct(p, '(');
	*out = idlc_alloc(p->c, IDLC_MAX_FIELDS * sizeof(struct field));
	while (!tok_punct(&p->tok, ')')) {
		int line = p->tok.line, col = p->tok.col;
		if (*n >= IDLC_MAX_FIELDS)
			idlc_error(p->c, line, col, "more than %d parameters", IDLC_MAX_FIELDS);
		const char *name = new_name(p, "a parameter name");
		check_param_name(p, *out, *n, name, line, col);
		check_param_name(p, others, nothers, name, line, col);
		expect_punct(p, ':');
		struct type *ty = parse_type(p);
		(*out)[(*n)++] = (struct field){ name, ty, line, col, false };
		/* A later parameter may not take this one's _len either. */
		if (ty->kind >= TY_STRING && ty->kind <= TY_ARRAY) {
			char gen[IDLC_MAX_IDENT + 8];
			snprintf(gen, sizeof(gen), "%s%s", name,
				 ty->kind == TY_ARRAY ? "_count" : "_len");
			for (int i = 0; i < *n - 1; i++)
				if (!strcmp((*out)[i].name, gen))
					idlc_error(p->c, line, col,
						   "parameter '%s' is already declared", gen);
			for (int i = 0; i < nothers; i++)
				if (!strcmp(others[i].name, gen))
					idlc_error(p->c, line, col,
						   "parameter '%s' is already declared", gen);
		}
		if (!tok_punct(&p->tok, ','))
			break;
		next(p);
	}
	expect_punct(p, ')');
}

/* @N name(ins) [-> (outs)] [raises E];   @N event name(ins); */
static void parse_method(struct parser *p, struct decl *iface, struct method *m)
{
	int line = p->tok.line, col = p->tok.col;
	expect_punct(p, '@');
	int oline = p->tok.line, ocol = p->tok.col;
	uint64_t ord = expect_int(p, "a method number");
	if (ord == 0 || ord > 0xffff)
		idlc_error(p->c, oline, ocol, "method numbers must be 1 to 65535");
	m->ordinal = (uint32_t)ord;
	m->line = line;
	m->col = col;
	if (tok_is(&p->tok, "event")) {
		m->event = true;
		next(p);
	}
	int nline = p->tok.line, ncol = p->tok.col;
	m->name = new_name(p, "a method name");
	for (int i = 0; i < iface->nmethods; i++) {
		if (!strcmp(iface->methods[i].name, m->name))
			idlc_error(p->c, nline, ncol, "method '%s' is already declared", m->name);
		if (iface->methods[i].ordinal == m->ordinal)
			idlc_error(p->c, oline, ocol, "method number %u already used by '%s'",
				   m->ordinal, iface->methods[i].name);
	}
	parse_params(p, &m->ins, &m->nins, NULL, 0);
	if (p->tok.kind == TOK_ARROW) {
		if (m->event)
			idlc_error(p->c, p->tok.line, p->tok.col, "an event has no reply");
		next(p);
		parse_params(p, &m->outs, &m->nouts, m->ins, m->nins);
	}
	if (tok_is(&p->tok, "raises")) {
		if (m->event)
			idlc_error(p->c, p->tok.line, p->tok.col, "an event has no reply");
		next(p);
		const struct token t = p->tok;
		if (t.kind != TOK_IDENT)
			expected(p, "an error name");
		struct decl *e = find_decl(p->idl, t.text, t.len);
		if (!e || e->kind != D_ERROR)
			idlc_error(p->c, t.line, t.col, "'%.*s' is not an error declaration",
				   (int)t.len, t.text);
		m->raises = e;
		next(p);
	}
	expect_punct(p, ';');
}

/* interface NAME @ID { methods } */
static void parse_interface(struct parser *p, struct decl *d)
{
	expect_punct(p, '@');
	int line = p->tok.line, col = p->tok.col;
	uint64_t id = expect_int(p, "an interface number");
	if (id == 0 || id > 0x7fff)
		idlc_error(p->c, line, col, "interface numbers must be 1 to 32767");
	for (int i = 0; i < p->idl->ndecls; i++)
		if (p->idl->decls[i]->kind == D_INTERFACE && p->idl->decls[i]->id == id)
			idlc_error(p->c, line, col, "interface number %llu already used by '%s'",
				   (unsigned long long)id, p->idl->decls[i]->name);
	d->id = (uint32_t)id;
	expect_punct(p, '{');
	d->methods = idlc_alloc(p->c, IDLC_MAX_MEMBERS * sizeof(struct method));
	while (!tok_punct(&p->tok, '}')) {
		if (d->nmethods >= IDLC_MAX_MEMBERS)
			idlc_error(p->c, p->tok.line, p->tok.col, "more than %d methods",
				   IDLC_MAX_MEMBERS);
		parse_method(p, d, &d->methods[d->nmethods]);
		d->nmethods++;
	}
	if (!d->nmethods)
		idlc_error(p->c, p->tok.line, p->tok.col, "'%s' has no methods", d->name);
	expect_punct(p, '}');
}

struct idl *parse_idl(struct idlc_ctx *c)
{
	struct parser p = { .c = c };
	p.idl = idlc_alloc(c, sizeof(*p.idl));
	p.idl->file = c->file;
	p.idl->decls = idlc_alloc(c, IDLC_MAX_DECLS * sizeof(struct decl *));
	next(&p);
	expect_word(&p, "library");
	p.idl->library = new_name(&p, "a library name");
	expect_punct(&p, ';');
	while (p.tok.kind != TOK_EOF) {
		struct decl *d = idlc_alloc(c, sizeof(*d));
		if (tok_is(&p.tok, "enum"))
			d->kind = D_ENUM;
		else if (tok_is(&p.tok, "error"))
			d->kind = D_ERROR;
		else if (tok_is(&p.tok, "struct"))
			d->kind = D_STRUCT;
		else if (tok_is(&p.tok, "interface"))
			d->kind = D_INTERFACE;
		else
			expected(&p, "'enum', 'error', 'struct' or 'interface'");
		next(&p);
		d->line = p.tok.line;
		d->col = p.tok.col;
		d->name = new_name(&p, "a name");
		check_new_decl(&p, d->name, d->line, d->col);
		if (d->kind == D_ENUM || d->kind == D_ERROR)
			parse_enum(&p, d);
		else if (d->kind == D_STRUCT)
			parse_struct(&p, d);
		else
			parse_interface(&p, d);
		p.idl->decls[p.idl->ndecls++] = d;
	}
	return p.idl;
}
