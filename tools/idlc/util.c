// SPDX-License-Identifier: BSD-2-Clause
// Allocation (an arena freed at once), the first error, text buffers and
// facts about types shared by the phases.
#include "idlc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct chunk {
	struct chunk *next;
	max_align_t data[];
};

void *idlc_alloc(struct idlc_ctx *c, size_t size)
{
	struct chunk *ch = calloc(1, sizeof(*ch) + size);
	if (!ch) {
		fprintf(stderr, "idlc: out of memory\n");
		exit(2);
	}
	ch->next = c->arena;
	c->arena = ch;
	return ch->data;
}

void idlc_arena_free(struct idlc_ctx *c)
{
	struct chunk *ch = c->arena;
	while (ch) {
		struct chunk *next = ch->next;
		free(ch);
		ch = next;
	}
	c->arena = NULL;
}

char *idlc_strndup(struct idlc_ctx *c, const char *s, size_t n)
{
	char *d = idlc_alloc(c, n + 1);
	memcpy(d, s, n);
	return d;
}

_Noreturn void idlc_error(struct idlc_ctx *c, int line, int col, const char *fmt, ...)
{
	int n = snprintf(c->err, sizeof(c->err), "%s:%d:%d: ", c->file, line, col);
	va_list ap;
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof(c->err))
		vsnprintf(c->err + n, sizeof(c->err) - (size_t)n, fmt, ap);
	va_end(ap);
	longjmp(c->fail, 1);
}

void text_printf(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	if (t->len + (size_t)n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;
		while (cap < t->len + (size_t)n + 1)
			cap *= 2;
		char *d = realloc(t->data, cap);
		if (!d) {
			fprintf(stderr, "idlc: out of memory\n");
			exit(2);
		}
		t->data = d;
		t->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(t->data + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

void text_free(struct text *t)
{
	free(t->data);
	*t = (struct text){ 0 };
}

unsigned type_bits(enum type_kind k)
{
	static const unsigned bits[] = { 8, 16, 32, 64, 8, 16, 32, 64 };
	return k <= TY_I64 ? bits[k] : 0;
}

bool type_signed(enum type_kind k)
{
	return k >= TY_I8 && k <= TY_I64;
}

/* Fixed size: what a struct field or an array element may be. */
bool type_fixed(const struct type *ty)
{
	return ty->kind <= TY_STRUCT;
}

/* Bytes of one array element in C (and on the wire). */
size_t type_elem_size(const struct type *ty)
{
	if (ty->kind == TY_BOOL)
		return 1;
	if (ty->kind == TY_ENUM)
		return type_bits(ty->ref->base) / 8;
	return type_bits(ty->kind) / 8;
}

/* The C type of an integer, bool or enum: "uint32_t", "lib_color_t". */
const char *type_c_scalar(const struct idl *idl, const struct type *ty, char *buf, size_t size)
{
	static const char *const names[] = { "uint8_t", "uint16_t", "uint32_t", "uint64_t",
					     "int8_t",	"int16_t",  "int32_t",	"int64_t" };
	if (ty->kind <= TY_I64)
		return names[ty->kind];
	if (ty->kind == TY_BOOL)
		return "bool";
	if (ty->kind == TY_ENUM) {
		snprintf(buf, size, "%s_%s_t", idl->library, ty->ref->name);
		return buf;
	}
	snprintf(buf, size, "struct %s_%s", idl->library, ty->ref->name);
	return buf;
}

/* "A", "B", "C" joined by '_' in upper case; NULL parts are left out. */
void upper(char *dst, size_t size, const char *a, const char *b, const char *c)
{
	snprintf(dst, size, "%s%s%s%s%s", a, b ? "_" : "", b ? b : "", c ? "_" : "", c ? c : "");
	for (char *s = dst; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}
