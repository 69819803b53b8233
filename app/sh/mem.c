// SPDX-License-Identifier: BSD-2-Clause
// Allocation helpers, growable strings and string lists, and the arenas
// that parse trees live in.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fputs("sh: out of memory\n", stderr);
		_Exit(2);
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("sh: out of memory\n", stderr);
		_Exit(2);
	}
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void sb_addn(struct strbuf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2 + 16;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = 0;
}

void sb_addc(struct strbuf *b, char c)
{
	sb_addn(b, &c, 1);
}

void sb_adds(struct strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

char *sb_take(struct strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->n = b->cap = 0;
	return s;
}

void sb_free(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->n = b->cap = 0;
}

void sl_add(struct strlist *l, char *s)
{
	if (l->n + 2 > l->cap) {
		l->cap = l->cap * 2 + 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

void sl_free(struct strlist *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* An arena is a list of blocks freed together. */
struct block {
	struct block *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

struct arena {
	int refs;
	struct block *blocks;
};

struct arena *arena_new(void)
{
	struct arena *a = xmalloc(sizeof *a);
	a->refs = 1;
	a->blocks = NULL;
	return a;
}

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct block *b = a->blocks;
	if (!b || b->used + n > b->size) {
		size_t size = n > 4000 ? n : 4000;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		b->next = a->blocks;
		a->blocks = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

void arena_ref(struct arena *a)
{
	a->refs++;
}

void arena_unref(struct arena *a)
{
	if (!a || --a->refs > 0)
		return;
	for (struct block *b = a->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}
