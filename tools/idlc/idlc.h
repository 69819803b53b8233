/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * idlc, the IDL compiler: the syntax tree, the phases and the limits.
 * The language and the generated code are described in docs/IPC.md.
 *
 * Phases: lex.c (tokens), parse.c (syntax tree and every check), layout.c
 * (wire layout of each message), gen_*.c (text into memory buffers),
 * compile.c (the whole pipeline on a source text), main.c (files).
 */
#ifndef IDLC_H
#define IDLC_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Limits: a bigger input is an error, never a crash or a long run. */
#define IDLC_MAX_SOURCE (1u << 20) /* bytes of one .idl file */
#define IDLC_MAX_IDENT 64
#define IDLC_MAX_DECLS 256 /* top-level declarations */
#define IDLC_MAX_MEMBERS 256 /* enum members, methods per interface */
#define IDLC_MAX_FIELDS 32 /* struct fields, parameters of one direction */
#define IDLC_MAX_DEPTH 8 /* struct nesting */
#define IDLC_MAX_SIZE (16u << 20) /* string, bytes: maximum size in bytes */
#define IDLC_MAX_COUNT (1u << 20) /* array: maximum elements */

enum tok_kind { TOK_EOF, TOK_IDENT, TOK_INT, TOK_PUNCT, TOK_ARROW };

struct token {
	enum tok_kind kind;
	const char *text; /* in the source, not terminated */
	size_t len;
	uint64_t value; /* TOK_INT */
	char punct; /* TOK_PUNCT */
	int line, col;
};

enum type_kind {
	TY_U8,
	TY_U16,
	TY_U32,
	TY_U64,
	TY_I8,
	TY_I16,
	TY_I32,
	TY_I64,
	TY_BOOL,
	TY_ENUM,
	TY_STRUCT,
	TY_STRING,
	TY_BYTES,
	TY_ARRAY,
	TY_HANDLE,
};

struct decl;

struct type {
	enum type_kind kind;
	struct decl *ref; /* TY_ENUM, TY_STRUCT */
	uint64_t max; /* TY_STRING, TY_BYTES: bytes; TY_ARRAY: elements */
	struct type *elem; /* TY_ARRAY */
	uint32_t obj; /* TY_HANDLE: object type value */
	const char *obj_name; /* TY_HANDLE: as in objects.def, lower case */
	uint32_t rights; /* TY_HANDLE: rights bits required */
	const char *const *rights_names; /* TY_HANDLE: lower-case name of each bit */
};

struct field {
	const char *name;
	struct type *type;
	int line, col;
	bool vmo; /* layout: carried in a shared VMO */
};

struct member {
	const char *name;
	int64_t value;
};

struct method {
	const char *name;
	uint32_t ordinal;
	bool event;
	struct field *ins, *outs;
	int nins, nouts;
	struct decl *raises; /* an error declaration, or NULL */
	/* layout: the maximum words and handles of request and reply */
	uint32_t req_words, req_handles, rep_words, rep_handles;
	int line, col;
};

enum decl_kind { D_ENUM, D_ERROR, D_STRUCT, D_INTERFACE };

struct decl {
	enum decl_kind kind;
	const char *name;
	int line, col;
	/* D_ENUM, D_ERROR */
	enum type_kind base;
	struct member *members;
	int nmembers;
	/* D_STRUCT */
	struct field *fields;
	int nfields;
	int depth; /* 1 + the deepest struct inside */
	uint32_t words; /* encoded size */
	/* D_INTERFACE */
	uint32_t id;
	struct method *methods;
	int nmethods;
};

struct idl {
	const char *file; /* as named on the command line */
	const char *library;
	struct decl **decls;
	int ndecls;
};

/* Allocation and the first error: errors long-jump back to compile.c. */
struct idlc_ctx {
	const char *file;
	const char *src;
	size_t len;
	size_t pos;
	int line, col;
	jmp_buf fail;
	char err[512];
	void *arena;
};

void *idlc_alloc(struct idlc_ctx *c, size_t size);
void idlc_arena_free(struct idlc_ctx *c);
char *idlc_strndup(struct idlc_ctx *c, const char *s, size_t n);
_Noreturn void idlc_error(struct idlc_ctx *c, int line, int col, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 4, 5)));

void lex_init(struct idlc_ctx *c, const char *src, size_t len);
struct token lex_next(struct idlc_ctx *c);

struct idl *parse_idl(struct idlc_ctx *c);
void layout_idl(struct idlc_ctx *c, struct idl *idl);

/* A growing text buffer; out of memory ends the program (exit 2). */
struct text {
	char *data;
	size_t len, cap;
};
void text_printf(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void text_free(struct text *t);

/* Every output of one .idl file. */
enum { OUT_HEADER, OUT_CLIENT, OUT_SERVER, OUT_DOC, OUT_ASYNC_HEADER, OUT_ASYNC, OUT_COUNT };
struct idlc_output {
	char *name[OUT_COUNT]; /* file names: <library>.h, ... */
	struct text text[OUT_COUNT];
};

void gen_header(const struct idl *idl, struct text *t);
void gen_client(const struct idl *idl, struct text *t);
void gen_server(const struct idl *idl, struct text *t);
void gen_doc(const struct idl *idl, struct text *t);
void gen_async_header(const struct idl *idl, struct text *t);
void gen_async(const struct idl *idl, struct text *t);

/* Shared by the generators. */
const char *type_c_scalar(const struct idl *idl, const struct type *ty, char *buf, size_t size);
unsigned type_bits(enum type_kind k);
bool type_signed(enum type_kind k);
bool type_fixed(const struct type *ty);
size_t type_elem_size(const struct type *ty);
void upper(char *dst, size_t size, const char *a, const char *b, const char *c);

/* The whole pipeline on one source text. Returns 0 and fills out, or 1 with
 * "file:line:col: message" in err. */
int idlc_compile(const char *file, const char *src, size_t len, struct idlc_output *out, char *err,
		 size_t errsize);
void idlc_output_free(struct idlc_output *out);

#endif
