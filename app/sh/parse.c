// SPDX-License-Identifier: BSD-2-Clause
// The parser: POSIX sh grammar to a syntax tree, one complete command at a
// time so that a script runs up to its first syntax error and aliases
// defined by one line apply to the next.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

struct parser {
	struct lexer lx;
	struct token tok; /* lookahead */
	int have;
	jmp_buf fail;
	enum parse_result why;
	int depth; /* nesting of compound commands, bounded against stack overflow */
};

#define MAX_NESTING 500

struct parser *parser_new(const char *text, size_t len, int first_line)
{
	struct parser *p = xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	p->lx.s = xstrndup(text, len);
	p->lx.len = len;
	p->lx.line = first_line;
	p->lx.final = 1;
	return p;
}

void parser_free(struct parser *p)
{
	free(p->lx.s);
	free(p);
}

static _Noreturn void syntax_error(struct parser *p, const struct token *t)
{
	if (t->kind == T_EOF && !p->lx.final) {
		p->why = P_INCOMPLETE;
		longjmp(p->fail, 1);
	}
	if (!p->lx.quiet) {
		if (t->kind == T_EOF)
			fprintf(stderr, "%s: line %d: syntax error near end of file\n", sh.errname,
				t->line);
		else
			fprintf(stderr, "%s: line %d: syntax error near '%s'\n", sh.errname,
				t->line, tok_spelling(t));
	}
	p->why = P_ERROR;
	longjmp(p->fail, 1);
}

static struct token *peek(struct parser *p)
{
	if (!p->have) {
		if (lex_next(&p->lx, &p->tok) < 0) {
			if (p->lx.incomplete && !p->lx.final) {
				p->why = P_INCOMPLETE;
				longjmp(p->fail, 1);
			}
			if (!p->lx.quiet)
				fprintf(stderr,
					"%s: line %d: syntax error: unterminated quoted string\n",
					sh.errname, p->lx.line);
			p->why = P_ERROR;
			longjmp(p->fail, 1);
		}
		p->have = 1;
	}
	return &p->tok;
}

static struct token next(struct parser *p)
{
	peek(p);
	p->have = 0;
	return p->tok;
}

static int is_kw(struct parser *p, const char *kw)
{
	struct token *t = peek(p);
	return t->kind == T_WORD && !strcmp(t->text, kw);
}

static void expect_kw(struct parser *p, const char *kw)
{
	if (!is_kw(p, kw))
		syntax_error(p, peek(p));
	next(p);
}

static void expect(struct parser *p, enum tok k)
{
	if (peek(p)->kind != k)
		syntax_error(p, peek(p));
	next(p);
}

static void linebreak(struct parser *p)
{
	while (peek(p)->kind == T_NEWLINE)
		next(p);
}

static struct node *new_node(struct parser *p, enum node_kind k)
{
	struct node *n = arena_alloc(p->lx.ar, sizeof *n);
	n->kind = k;
	n->line = p->lx.line;
	return n;
}

static const char *const list_end_kw[] = { "then", "else", "elif", "fi", "do",
					   "done", "esac", "}",	   NULL };

/* Whether the lookahead ends a compound list. */
static int at_list_end(struct parser *p)
{
	struct token *t = peek(p);
	if (t->kind == T_EOF || t->kind == T_RPAREN || t->kind == T_DSEMI)
		return 1;
	for (int i = 0; list_end_kw[i]; i++)
		if (is_kw(p, list_end_kw[i]))
			return 1;
	return 0;
}

static struct node *parse_and_or(struct parser *p);
static struct node *parse_command(struct parser *p);
static struct node *parse_compound_body(struct parser *p, struct token *t);

static struct node *bin(struct parser *p, enum node_kind k, struct node *a, struct node *b)
{
	struct node *n = new_node(p, k);
	n->a = a;
	n->b = b;
	return n;
}

/* A compound list: and-ors separated by ; & or newlines. */
static struct node *parse_compound_list(struct parser *p)
{
	linebreak(p);
	struct node *list = NULL;
	while (!at_list_end(p)) {
		struct node *n = parse_and_or(p);
		struct token *t = peek(p);
		if (t->kind == T_AMP) {
			struct node *b = new_node(p, N_BG);
			b->a = n;
			b->text = n->text;
			n = b;
		}
		list = list ? bin(p, N_SEQ, list, n) : n;
		if (t->kind == T_AMP || t->kind == T_SEMI || t->kind == T_NEWLINE)
			next(p);
		else
			break;
		linebreak(p);
	}
	if (!list)
		syntax_error(p, peek(p));
	return list;
}

static void add_word(struct parser *p, char ***v, int *n, char *w)
{
	char **nv = arena_alloc(p->lx.ar, sizeof *nv * (*n + 2));
	if (*n)
		memcpy(nv, *v, sizeof *nv * *n);
	nv[(*n)++] = w;
	*v = nv;
}

/* The delimiter of a here-document: quote removal, and whether any quoting
 * was there (then the body is not expanded). */
static void heredoc_delim(struct parser *p, struct redir *r)
{
	const char *w = r->word;
	struct strbuf b = { 0 };
	r->expand = 1;
	for (size_t i = 0; w[i]; i++) {
		if (w[i] == '\\' && w[i + 1]) {
			sb_addc(&b, w[++i]);
			r->expand = 0;
		} else if (w[i] == '\'' || w[i] == '"') {
			char q = w[i];
			r->expand = 0;
			for (i++; w[i] && w[i] != q; i++)
				sb_addc(&b, w[i]);
			if (!w[i])
				break;
		} else
			sb_addc(&b, w[i]);
	}
	r->delim = arena_strndup(p->lx.ar, b.s ? b.s : "", b.n);
	sb_free(&b);
}

static struct redir *parse_redir(struct parser *p)
{
	struct token op = next(p);
	struct token w = next(p);
	if (w.kind != T_WORD)
		syntax_error(p, &w);
	struct redir *r = arena_alloc(p->lx.ar, sizeof *r);
	r->kind = op.rk;
	r->word = w.text;
	int in = op.rk == R_IN || op.rk == R_DUPIN || op.rk == R_RDWR || op.rk == R_HEREDOC;
	r->fd = op.fd >= 0 ? op.fd : !in;
	if (op.rk == R_HEREDOC) {
		r->strip_tabs = op.heredoc_strip;
		heredoc_delim(p, r);
		r->word = "";
		if (lex_queue_heredoc(&p->lx, r) < 0)
			syntax_error(p, &w);
	}
	return r;
}

static void parse_redirs(struct parser *p, struct redir **list)
{
	while (list && *list)
		list = &(*list)->next;
	while (peek(p)->kind == T_REDIR) {
		*list = parse_redir(p);
		list = &(*list)->next;
	}
}

static int is_assignment(const char *w)
{
	const char *eq = strchr(w, '=');
	return eq && eq > w && is_name(w, (size_t)(eq - w));
}

static struct node *parse_simple(struct parser *p)
{
	struct node *n = new_node(p, N_CMD);
	struct redir **rtail = &n->redirs;
	for (;;) {
		struct token *t = peek(p);
		if (t->kind == T_REDIR) {
			*rtail = parse_redir(p);
			rtail = &(*rtail)->next;
		} else if (t->kind == T_WORD) {
			if (n->nwords == 0 && is_assignment(t->text))
				add_word(p, &n->assigns, &n->nassigns, next(p).text);
			else {
				if (n->nwords == 0 && lex_alias(&p->lx, t)) {
					p->have = 0;
					continue;
				}
				add_word(p, &n->words, &n->nwords, next(p).text);
			}
		} else
			break;
	}
	if (!n->nwords && !n->nassigns && !n->redirs)
		syntax_error(p, peek(p));
	return n;
}

static struct node *parse_if(struct parser *p)
{
	struct node *n = new_node(p, N_IF);
	next(p);
	n->a = parse_compound_list(p);
	expect_kw(p, "then");
	n->b = parse_compound_list(p);
	if (is_kw(p, "elif")) {
		n->c = parse_if(p);
		return n; /* the nested if consumed the fi */
	}
	if (is_kw(p, "else")) {
		next(p);
		n->c = parse_compound_list(p);
	}
	expect_kw(p, "fi");
	return n;
}

static struct node *parse_do_group(struct parser *p)
{
	expect_kw(p, "do");
	struct node *body = parse_compound_list(p);
	expect_kw(p, "done");
	return body;
}

static struct node *parse_for(struct parser *p)
{
	struct node *n = new_node(p, N_FOR);
	next(p);
	struct token name = next(p);
	if (name.kind != T_WORD || !is_name(name.text, strlen(name.text)))
		syntax_error(p, &name);
	n->name = name.text;
	linebreak(p);
	if (is_kw(p, "in")) {
		next(p);
		while (peek(p)->kind == T_WORD)
			add_word(p, &n->words, &n->nwords, next(p).text);
		if (peek(p)->kind != T_SEMI && peek(p)->kind != T_NEWLINE)
			syntax_error(p, peek(p));
		next(p);
	} else {
		n->nwords = -1;
		if (peek(p)->kind == T_SEMI)
			next(p);
	}
	linebreak(p);
	n->a = parse_do_group(p);
	return n;
}

static struct node *parse_case(struct parser *p)
{
	struct node *n = new_node(p, N_CASE);
	next(p);
	struct token w = next(p);
	if (w.kind != T_WORD)
		syntax_error(p, &w);
	n->name = w.text;
	linebreak(p);
	expect_kw(p, "in");
	linebreak(p);
	struct case_item **tail = &n->items;
	while (!is_kw(p, "esac")) {
		struct case_item *it = arena_alloc(p->lx.ar, sizeof *it);
		if (peek(p)->kind == T_LPAREN)
			next(p);
		for (;;) {
			struct token pt = next(p);
			if (pt.kind != T_WORD)
				syntax_error(p, &pt);
			add_word(p, &it->pats, &it->npats, pt.text);
			if (peek(p)->kind != T_PIPE)
				break;
			next(p);
		}
		expect(p, T_RPAREN);
		linebreak(p);
		if (peek(p)->kind != T_DSEMI && !is_kw(p, "esac"))
			it->body = parse_compound_list(p);
		*tail = it;
		tail = &it->next;
		if (peek(p)->kind == T_DSEMI) {
			next(p);
			linebreak(p);
		} else if (!is_kw(p, "esac"))
			syntax_error(p, peek(p));
	}
	next(p);
	return n;
}

static struct node *parse_compound(struct parser *p)
{
	struct token *t = peek(p);
	struct node *n;
	if (p->depth >= MAX_NESTING) {
		if (!p->lx.quiet)
			fprintf(stderr, "%s: line %d: commands nested too deeply\n", sh.errname,
				t->line);
		p->why = P_ERROR;
		longjmp(p->fail, 1);
	}
	p->depth++;
	n = parse_compound_body(p, t);
	p->depth--;
	return n;
}

static struct node *parse_compound_body(struct parser *p, struct token *t)
{
	struct node *n;
	if (t->kind == T_LPAREN) {
		next(p);
		n = new_node(p, N_SUBSHELL);
		n->a = parse_compound_list(p);
		expect(p, T_RPAREN);
	} else if (is_kw(p, "{")) {
		next(p);
		n = new_node(p, N_GROUP);
		n->a = parse_compound_list(p);
		expect_kw(p, "}");
	} else if (is_kw(p, "if")) {
		n = parse_if(p);
	} else if (is_kw(p, "while") || is_kw(p, "until")) {
		n = new_node(p, is_kw(p, "while") ? N_WHILE : N_UNTIL);
		next(p);
		n->a = parse_compound_list(p);
		n->b = parse_do_group(p);
	} else if (is_kw(p, "for")) {
		n = parse_for(p);
	} else if (is_kw(p, "case")) {
		n = parse_case(p);
	} else
		return NULL;
	parse_redirs(p, &n->redirs);
	return n;
}

static struct node *parse_command(struct parser *p)
{
	struct token *t = peek(p);
	if (t->kind == T_WORD) {
		for (int i = 0; list_end_kw[i]; i++)
			if (!strcmp(t->text, list_end_kw[i]))
				syntax_error(p, t);
		if (!strcmp(t->text, "!") || !strcmp(t->text, "in"))
			syntax_error(p, t);
	}
	struct node *n = parse_compound(p);
	if (n)
		return n;
	n = parse_simple(p);
	/* name ( ) compound-command: a function definition */
	if (n->nwords == 1 && !n->nassigns && !n->redirs && peek(p)->kind == T_LPAREN) {
		if (!is_name(n->words[0], strlen(n->words[0])))
			syntax_error(p, peek(p));
		next(p);
		expect(p, T_RPAREN);
		linebreak(p);
		struct node *f = new_node(p, N_FUNC);
		f->name = n->words[0];
		f->a = parse_compound(p);
		if (!f->a)
			syntax_error(p, peek(p));
		f->arena = p->lx.ar;
		return f;
	}
	return n;
}

static struct node *parse_pipeline(struct parser *p)
{
	int bang = 0;
	if (is_kw(p, "!")) {
		next(p);
		bang = 1;
	}
	struct node *first = parse_command(p);
	if (peek(p)->kind != T_PIPE && !bang)
		return first;
	struct node *n = new_node(p, N_PIPE);
	n->bang = bang;
	add_word(p, (char ***)&n->cmds, &n->ncmds, (char *)first);
	while (peek(p)->kind == T_PIPE) {
		next(p);
		linebreak(p);
		add_word(p, (char ***)&n->cmds, &n->ncmds, (char *)parse_command(p));
	}
	return n;
}

static struct node *parse_and_or(struct parser *p)
{
	size_t start = peek(p)->start;
	struct node *n = parse_pipeline(p);
	for (;;) {
		enum tok k = peek(p)->kind;
		if (k != T_AND_IF && k != T_OR_IF)
			break;
		next(p);
		linebreak(p);
		n = bin(p, k == T_AND_IF ? N_AND : N_OR, n, parse_pipeline(p));
	}
	/* The text of the whole and-or, for `jobs` when it runs in the background. */
	size_t end = peek(p)->start;
	while (end > start && strchr(" \t", p->lx.s[end - 1]))
		end--;
	n->text = arena_strndup(p->lx.ar, p->lx.s + start, end - start);
	return n;
}

/* A top-level list, ended by a newline or the end of input. */
static struct node *parse_top(struct parser *p)
{
	struct node *list = NULL;
	for (;;) {
		struct node *n = parse_and_or(p);
		struct token *t = peek(p);
		if (t->kind == T_AMP) {
			struct node *b = new_node(p, N_BG);
			b->a = n;
			b->text = n->text;
			n = b;
		}
		list = list ? bin(p, N_SEQ, list, n) : n;
		int separated = t->kind == T_AMP || t->kind == T_SEMI;
		if (separated) {
			next(p);
			t = peek(p);
		}
		if (t->kind == T_NEWLINE || t->kind == T_EOF) {
			if (t->kind == T_NEWLINE)
				next(p);
			return list;
		}
		if (!separated)
			syntax_error(p, t);
	}
}

enum parse_result parse_next(struct parser *p, struct node **out, struct arena **arena)
{
	*out = NULL;
	*arena = arena_new();
	p->lx.ar = *arena;
	p->have = 0;
	p->lx.nheredoc = 0;
	p->depth = 0;
	if (setjmp(p->fail)) {
		/* Skip the rest of the bad line so that the next call starts fresh. */
		while (p->lx.pos < p->lx.len && p->lx.s[p->lx.pos] != '\n')
			p->lx.pos++;
		p->have = 0;
		return p->why;
	}
	while (peek(p)->kind == T_NEWLINE)
		next(p);
	if (peek(p)->kind == T_EOF)
		return P_EOF;
	*out = parse_top(p);
	/* Give back the lookahead if it went past the newline (it cannot: the
	 * list ends at a newline or EOF, which was consumed or is EOF). */
	p->have = 0;
	return P_OK;
}

static int parse_quiet(const char *text, size_t len, int final)
{
	struct parser *p = parser_new(text, len, 1);
	p->lx.quiet = 1;
	p->lx.final = final;
	int count = 0;
	for (;;) {
		struct node *n;
		struct arena *a;
		enum parse_result r = parse_next(p, &n, &a);
		arena_unref(a);
		if (r == P_OK) {
			count++;
			continue;
		}
		parser_free(p);
		if (r == P_EOF)
			return count;
		return r == P_INCOMPLETE ? -2 : -1;
	}
}

int parse_check_complete(const char *text)
{
	return parse_quiet(text, strlen(text), 0) != -2;
}

int parse_all_quiet(const char *text, size_t len)
{
	return parse_quiet(text, len, 1);
}
