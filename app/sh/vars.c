// SPDX-License-Identifier: BSD-2-Clause
// Shell variables (with export and readonly flags), function-local scopes
// for `local`, and the positional parameters.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <coll/hmap.h>

#include "sh.h"

struct var {
	char *name;
	char *value; /* NULL: unset (but may carry flags, e.g. `export x`) */
	int flags;
};

/* Every variable the shell has seen, by name (struct var *). */
static struct hmap table;

static struct hmap *vars(void)
{
	if (!table.string_keys)
		hmap_init_str(&table);
	return &table;
}

/* A saved variable, restored when the function that made it local returns. */
struct saved {
	struct saved *next;
	char *name;
	char *value;
	int flags;
};
struct scope {
	struct scope *up;
	struct saved *saved;
};
static struct scope *scopes;

struct posparams pos;

int is_name(const char *s, size_t n)
{
	if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return 0;
	return 1;
}

static struct var *lookup(const char *name, int create)
{
	struct hmap_slot *slot = hmap_find_str(vars(), name);
	if (slot)
		return slot->value;
	if (!create)
		return NULL;
	struct var *v = xmalloc(sizeof *v);
	v->name = xstrdup(name);
	v->value = NULL;
	v->flags = 0;
	if (!hmap_put_str(vars(), name, v)) { /* as xmalloc */
		fputs("sh: out of memory\n", stderr);
		_Exit(2);
	}
	return v;
}

const char *var_get(const char *name)
{
	struct var *v = lookup(name, 0);
	return v ? v->value : NULL;
}

void var_set(const char *name, const char *value, int flags)
{
	struct var *v = lookup(name, 1);
	if (v->flags & V_READONLY) {
		/* As dash: a fatal error, the shell (or subshell) exits. */
		sh_error("%s: is read only", name);
		sh_abort(2);
	}
	char *nv = value ? xstrdup(value) : NULL;
	free(v->value);
	v->value = nv;
	v->flags |= flags;
}

void var_unset(const char *name)
{
	struct var *v = lookup(name, 0);
	if (!v)
		return;
	if (v->flags & V_READONLY) {
		sh_error("%s: is read only", name);
		sh_abort(2);
	}
	free(v->value);
	v->value = NULL;
	v->flags = 0;
}

void var_addflags(const char *name, int flags)
{
	lookup(name, 1)->flags |= flags;
}

char **var_environ(struct strlist *extra)
{
	struct strlist l = { 0 };
	for (int i = 0; extra && i < extra->n; i++)
		sl_add(&l, xstrdup(extra->v[i]));
	struct hmap_slot *slot;
	for (size_t it = 0; (slot = hmap_next(vars(), &it));) {
		struct var *v = slot->value;
		if (!(v->flags & V_EXPORT) || !v->value)
			continue;
		size_t nl = strlen(v->name);
		int dup = 0;
		for (int i = 0; extra && i < extra->n; i++)
			if (!strncmp(extra->v[i], v->name, nl) && extra->v[i][nl] == '=')
				dup = 1;
		if (dup)
			continue;
		struct strbuf b = { 0 };
		sb_adds(&b, v->name);
		sb_addc(&b, '=');
		sb_adds(&b, v->value);
		sl_add(&l, sb_take(&b));
	}
	if (!l.v) {
		l.v = xmalloc(sizeof *l.v);
		l.v[0] = NULL;
	}
	return l.v;
}

static int cmp_var(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

/* Values quoted so that the output can be read back by the shell. */
static void print_quoted(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

void var_print(int flags, const char *prefix)
{
	struct var **all = xmalloc(sizeof *all * (vars()->len + 1));
	size_t n = 0;
	struct hmap_slot *slot;
	for (size_t it = 0; (slot = hmap_next(vars(), &it));) {
		struct var *v = slot->value;
		if ((v->flags & flags) == flags && (v->value || flags))
			all[n++] = v;
	}
	qsort(all, n, sizeof *all, cmp_var);
	for (size_t i = 0; i < n; i++) {
		if (prefix)
			printf("%s ", prefix);
		fputs(all[i]->name, stdout);
		if (all[i]->value) {
			putchar('=');
			print_quoted(all[i]->value);
		}
		putchar('\n');
	}
	free(all);
}

void var_import(char **envp)
{
	for (; envp && *envp; envp++) {
		const char *eq = strchr(*envp, '=');
		if (!eq || !is_name(*envp, (size_t)(eq - *envp)))
			continue;
		char *name = xstrndup(*envp, (size_t)(eq - *envp));
		var_set(name, eq + 1, V_EXPORT);
		free(name);
	}
}

void var_push_scope(void)
{
	struct scope *s = xmalloc(sizeof *s);
	s->up = scopes;
	s->saved = NULL;
	scopes = s;
}

void var_pop_scope(void)
{
	struct scope *s = scopes;
	scopes = s->up;
	for (struct saved *v = s->saved, *next; v; v = next) {
		next = v->next;
		struct var *cur = lookup(v->name, 1);
		free(cur->value);
		cur->value = v->value;
		cur->flags = v->flags;
		free(v->name);
		free(v);
	}
	free(s);
}

int var_make_local(const char *name)
{
	if (!scopes)
		return -1;
	for (struct saved *v = scopes->saved; v; v = v->next)
		if (!strcmp(v->name, name))
			return 0;
	struct var *cur = lookup(name, 1);
	struct saved *v = xmalloc(sizeof *v);
	v->name = xstrdup(name);
	v->value = cur->value ? xstrdup(cur->value) : NULL;
	v->flags = cur->flags;
	v->next = scopes->saved;
	scopes->saved = v;
	return 0;
}

void pos_set(char **v, int n)
{
	/* v may point into the current parameters (shift): copy first. */
	char **nv = xmalloc(sizeof *nv * (size_t)(n + 1));
	for (int i = 0; i < n; i++)
		nv[i] = xstrdup(v[i]);
	nv[n] = NULL;
	for (int i = 0; i < pos.n; i++)
		free(pos.v[i]);
	free(pos.v);
	pos.v = nv;
	pos.n = n;
}

struct posparams pos_save(void)
{
	struct posparams p = pos;
	pos.v = NULL;
	pos.n = 0;
	return p;
}

void pos_restore(struct posparams p)
{
	for (int i = 0; i < pos.n; i++)
		free(pos.v[i]);
	free(pos.v);
	pos = p;
}
