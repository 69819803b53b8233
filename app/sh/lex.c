// SPDX-License-Identifier: BSD-2-Clause
// The lexer: words (raw, with their quotes: the expander interprets them),
// operators, redirection operators with their descriptor, and the bodies
// of here-documents read after the newline that ends their command.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

static const struct {
	const char *op;
	enum tok kind;
	enum redir_kind rk;
} ops[] = {
	/* Longest first. */
	{ "<<-", T_REDIR, R_HEREDOC },
	{ "&&", T_AND_IF, 0 },
	{ "||", T_OR_IF, 0 },
	{ ";;", T_DSEMI, 0 },
	{ "<<", T_REDIR, R_HEREDOC },
	{ ">>", T_REDIR, R_APPEND },
	{ "<&", T_REDIR, R_DUPIN },
	{ ">&", T_REDIR, R_DUPOUT },
	{ "<>", T_REDIR, R_RDWR },
	{ ">|", T_REDIR, R_CLOBBER },
	{ ";", T_SEMI, 0 },
	{ "&", T_AMP, 0 },
	{ "|", T_PIPE, 0 },
	{ "(", T_LPAREN, 0 },
	{ ")", T_RPAREN, 0 },
	{ "<", T_REDIR, R_IN },
	{ ">", T_REDIR, R_OUT },
};

static int is_meta(char c)
{
	return c && strchr(" \t\n;&|<>()", c) != NULL;
}

const char *tok_spelling(const struct token *t)
{
	switch (t->kind) {
	case T_EOF: return "end of file";
	case T_NEWLINE: return "newline";
	case T_WORD: return t->text;
	default: return t->text;
	}
}

/* Here-document bodies start on the line after the operator. */
static int read_heredocs(struct lexer *lx)
{
	for (int h = 0; h < lx->nheredoc; h++) {
		struct redir *r = lx->heredocs[h];
		struct strbuf body = { 0 };
		size_t dl = strlen(r->delim);
		for (;;) {
			if (lx->pos >= lx->len) {
				if (!lx->final) {
					sb_free(&body);
					lx->incomplete = 1;
					return -1;
				}
				break; /* end of input ends the document */
			}
			const char *nl = memchr(lx->s + lx->pos, '\n', lx->len - lx->pos);
			size_t end = nl ? (size_t)(nl - lx->s) : lx->len;
			size_t b = lx->pos;
			if (r->strip_tabs)
				while (b < end && lx->s[b] == '\t')
					b++;
			lx->pos = nl ? end + 1 : end;
			lx->line++;
			if (end - b == dl && !memcmp(lx->s + b, r->delim, dl))
				break;
			sb_addn(&body, lx->s + b, end - b);
			sb_addc(&body, '\n');
		}
		r->word = arena_strndup(lx->ar, body.s ? body.s : "", body.n);
		sb_free(&body);
	}
	lx->nheredoc = 0;
	return 0;
}

int lex_queue_heredoc(struct lexer *lx, struct redir *r)
{
	if (lx->nheredoc == MAX_HEREDOCS)
		return -1;
	lx->heredocs[lx->nheredoc++] = r;
	return 0;
}

int lex_next(struct lexer *lx, struct token *t)
{
	const char *s = lx->s;
	memset(t, 0, sizeof *t);
	t->fd = -1;
	/* Blanks, line continuations and comments. */
	for (;;) {
		if (lx->pos < lx->len && (s[lx->pos] == ' ' || s[lx->pos] == '\t'))
			lx->pos++;
		else if (lx->pos + 1 < lx->len && s[lx->pos] == '\\' && s[lx->pos + 1] == '\n') {
			lx->pos += 2;
			lx->line++;
		} else if (lx->pos < lx->len && s[lx->pos] == '#') {
			while (lx->pos < lx->len && s[lx->pos] != '\n')
				lx->pos++;
		} else
			break;
	}
	while (lx->nalias && lx->pos >= lx->alias_end[lx->nalias - 1])
		lx->nalias--;
	t->start = lx->pos;
	t->line = lx->line;
	if (lx->pos >= lx->len) {
		t->kind = T_EOF;
		t->text = "end of file";
		return 0;
	}
	if (s[lx->pos] == '\n') {
		lx->pos++;
		lx->line++;
		t->kind = T_NEWLINE;
		t->text = "newline";
		t->end = lx->pos;
		return read_heredocs(lx);
	}
	/* A descriptor number directly before a redirection operator. */
	size_t d = lx->pos;
	while (d < lx->len && isdigit((unsigned char)s[d]))
		d++;
	if (d > lx->pos && d < lx->len && (s[d] == '<' || s[d] == '>') && d - lx->pos < 4) {
		int fd = 0;
		for (size_t i = lx->pos; i < d; i++)
			fd = fd * 10 + (s[i] - '0');
		lx->pos = d;
		if (lex_next(lx, t) < 0)
			return -1;
		t->fd = fd;
		t->start = d - 1;
		return 0;
	}
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		size_t n = strlen(ops[i].op);
		if (lx->pos + n <= lx->len && !memcmp(s + lx->pos, ops[i].op, n)) {
			t->kind = ops[i].kind;
			t->rk = ops[i].rk;
			t->text = (char *)ops[i].op;
			t->heredoc_strip = n == 3;
			lx->pos += n;
			t->end = lx->pos;
			return 0;
		}
	}
	/* A word. */
	size_t i = lx->pos;
	while (i < lx->len && !is_meta(s[i])) {
		if (s[i] && strchr("\\'\"`$", s[i])) {
			long e = scan_construct(s, i, lx->len);
			if (e < 0) {
				lx->incomplete = 1;
				return -1;
			}
			for (size_t k = i; k < (size_t)e; k++)
				lx->line += s[k] == '\n';
			i = (size_t)e;
		} else
			i++;
	}
	t->kind = T_WORD;
	t->text = arena_strndup(lx->ar, s + lx->pos, i - lx->pos);
	lx->pos = i;
	t->end = i;
	return 0;
}

int lex_alias(struct lexer *lx, const struct token *t)
{
	const char *val = alias_get(t->text);
	if (!val || lx->nalias == MAX_ALIAS_NEST)
		return 0;
	for (int i = 0; i < lx->nalias; i++)
		if (!strcmp(lx->alias_name[i], t->text))
			return 0;
	size_t vl = strlen(val), wl = t->end - t->start;
	char *ns = xmalloc(lx->len - wl + vl + 1);
	memcpy(ns, lx->s, t->start);
	memcpy(ns + t->start, val, vl);
	memcpy(ns + t->start + vl, lx->s + t->end, lx->len - t->end + 1);
	free(lx->s);
	lx->s = ns;
	lx->len = lx->len - wl + vl;
	lx->pos = t->start;
	/* Outer expansions end later by the length difference. */
	for (int i = 0; i < lx->nalias; i++)
		lx->alias_end[i] = lx->alias_end[i] + vl - wl;
	lx->alias_name[lx->nalias] = arena_strndup(lx->ar, t->text, strlen(t->text));
	lx->alias_end[lx->nalias++] = t->start + vl;
	return 1;
}
