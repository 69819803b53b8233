// SPDX-License-Identifier: BSD-2-Clause
// Executing the syntax tree: lists, and-or lists, compound commands,
// function definitions and calls, and running a whole string or file.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct func {
	struct func *next;
	char *name;
	struct node *def; /* N_FUNC */
};
static struct func *funcs;

struct node *func_get(const char *name)
{
	for (struct func *f = funcs; f; f = f->next)
		if (!strcmp(f->name, name))
			return f->def;
	return NULL;
}

void func_set(const char *name, struct node *def)
{
	arena_ref(def->arena);
	for (struct func *f = funcs; f; f = f->next)
		if (!strcmp(f->name, name)) {
			arena_unref(f->def->arena);
			f->def = def;
			return;
		}
	struct func *f = xmalloc(sizeof *f);
	f->name = xstrdup(name);
	f->def = def;
	f->next = funcs;
	funcs = f;
}

int func_unset(const char *name)
{
	for (struct func **pp = &funcs; *pp; pp = &(*pp)->next)
		if (!strcmp((*pp)->name, name)) {
			struct func *f = *pp;
			*pp = f->next;
			arena_unref(f->def->arena);
			free(f->name);
			free(f);
			return 0;
		}
	return -1;
}

void func_each(void (*fn)(const char *name, void *ctx), void *ctx)
{
	for (struct func *f = funcs; f; f = f->next)
		fn(f->name, ctx);
}

/* Deeper than this, a recursion is taken for a runaway one (the stack is finite). */
#define MAX_CALL_DEPTH 1000

int call_function(struct node *def, char **argv)
{
	if (sh.func_depth >= MAX_CALL_DEPTH) {
		sh_error("%s: functions nested too deeply", argv[0]);
		sh_abort(2);
	}
	int argc = 0;
	while (argv[argc])
		argc++;
	struct posparams saved = pos_save();
	pos_set(argv + 1, argc - 1);
	var_push_scope();
	sh.func_depth++;
	int st = exec_node(def->a, 0);
	sh.func_depth--;
	if (sh.returning) {
		sh.returning = 0;
		st = sh.status;
	}
	var_pop_scope();
	pos_restore(saved);
	return sh.status = st;
}

/* Conditions (if, while, the left of && ||, !) do not trigger set -e. */
static int condition(struct node *n)
{
	sh.errexit_off++;
	int st = exec_node(n, 0);
	sh.errexit_off--;
	return st;
}

static int exec_loop(struct node *n)
{
	int st = 0;
	sh.loop_depth++;
	for (;;) {
		int c = condition(n->a);
		if (sh.returning)
			break;
		if (sh.breaks) {
			sh.breaks--;
			break;
		}
		if (sh.continues) {
			if (--sh.continues)
				break;
			continue;
		}
		if ((c == 0) != (n->kind == N_WHILE))
			break;
		st = exec_node(n->b, 0);
		if (sh.returning)
			break;
		if (sh.breaks) {
			sh.breaks--;
			break;
		}
		if (sh.continues && --sh.continues)
			break;
	}
	sh.loop_depth--;
	return st;
}

static int exec_for(struct node *n)
{
	struct strlist items = { 0 };
	if (n->nwords < 0) {
		for (int i = 0; i < pos.n; i++)
			sl_add(&items, xstrdup(pos.v[i]));
	} else
		expand_words(n->words, n->nwords, &items);
	int st = 0;
	sh.loop_depth++;
	for (int i = 0; i < items.n; i++) {
		var_set(n->name, items.v[i], 0);
		st = exec_node(n->a, 0);
		if (sh.returning)
			break;
		if (sh.breaks) {
			sh.breaks--;
			break;
		}
		if (sh.continues && --sh.continues)
			break;
	}
	sh.loop_depth--;
	sl_free(&items);
	return st;
}

static int exec_case(struct node *n)
{
	char *word = expand_string(n->name, EX_STRING);
	int st = 0;
	for (struct case_item *it = n->items; it; it = it->next) {
		for (int i = 0; i < it->npats; i++) {
			char *pat = expand_string(it->pats[i], EX_PATTERN);
			int m = pattern_match(pat, word);
			free(pat);
			if (m) {
				free(word);
				return it->body ? exec_node(it->body, 0) : 0;
			}
		}
	}
	free(word);
	return st;
}

/* Compound commands with their redirections. */
static int exec_compound(struct node *n, int flags)
{
	int err = 0;
	struct redir_save *rs = NULL;
	if (n->redirs) {
		rs = redir_apply(n->redirs, 0, &err);
		if (err) {
			redir_undo(rs);
			return 1;
		}
	}
	int st = 0;
	switch (n->kind) {
	case N_GROUP: st = exec_node(n->a, flags); break;
	case N_IF: {
		int c = condition(n->a);
		if (CONTROL_PENDING())
			st = c;
		else if (c == 0)
			st = exec_node(n->b, flags);
		else if (n->c)
			st = exec_node(n->c, flags);
		break;
	}
	case N_WHILE:
	case N_UNTIL: st = exec_loop(n); break;
	case N_FOR: st = exec_for(n); break;
	case N_CASE: st = exec_case(n); break;
	default: break;
	}
	redir_undo(rs);
	return st;
}

static void errexit_check(int st)
{
	if (st && sh.errexit && !sh.errexit_off)
		sh_exit(st);
}

int exec_node(struct node *n, int flags)
{
	int st = 0;
	if (!n)
		return 0;
	switch (n->kind) {
	case N_SEQ:
		exec_node(n->a, flags & ~EF_LAST);
		if (CONTROL_PENDING())
			return sh.status;
		return exec_node(n->b, flags);
	case N_AND:
	case N_OR:
		st = condition(n->a);
		sh.status = st;
		if (CONTROL_PENDING())
			return st;
		if ((st == 0) == (n->kind == N_AND))
			return exec_node(n->b, flags);
		return st;
	case N_BG: st = exec_background(n); break;
	case N_PIPE:
		st = exec_pipeline(n);
		sh.status = st;
		if (!n->bang)
			errexit_check(st);
		break;
	case N_CMD:
		st = exec_simple(n, flags);
		sh.status = st;
		errexit_check(st);
		break;
	case N_SUBSHELL:
		st = exec_subshell(n, flags);
		sh.status = st;
		errexit_check(st);
		break;
	case N_FUNC:
		func_set(n->name, n);
		st = 0;
		break;
	default: st = exec_compound(n, flags); break;
	}
	if (sig_pending)
		traps_run();
	if (!sh.returning)
		sh.status = st;
	return st;
}

int exec_string(const char *text)
{
	struct parser *p = parser_new(text, strlen(text), 1);
	int st = 0;
	for (;;) {
		struct node *n;
		struct arena *a;
		enum parse_result r = parse_next(p, &n, &a);
		if (r == P_EOF) {
			arena_unref(a);
			break;
		}
		if (r != P_OK) {
			arena_unref(a);
			parser_free(p);
			sh_abort(2);
		}
		if (sh.verbose)
			fprintf(stderr, "%s\n", n->text ? n->text : "");
		if (!sh.noexec)
			st = exec_node(n, 0);
		arena_unref(a);
		if (CONTROL_PENDING())
			break;
	}
	parser_free(p);
	return st;
}

int exec_file(int fd)
{
	struct strbuf b = { 0 };
	char buf[4096];
	for (;;) {
		ssize_t r = read(fd, buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		sb_addn(&b, buf, (size_t)r);
	}
	char *text = sb_take(&b);
	sh.status = 0;
	int st = exec_string(text);
	free(text);
	return st;
}
