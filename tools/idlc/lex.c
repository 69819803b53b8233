// SPDX-License-Identifier: BSD-2-Clause
// The lexer: identifiers, integers (decimal, 0x hex), punctuation, "->",
// and // or /* */ comments. Only printable ASCII, tabs and newlines.
#include "idlc.h"
#include <string.h>

static int peek(const struct idlc_ctx *c, size_t ahead)
{
	return c->pos + ahead < c->len ? (unsigned char)c->src[c->pos + ahead] : -1;
}

static void advance(struct idlc_ctx *c)
{
	if (c->src[c->pos] == '\n') {
		c->line++;
		c->col = 1;
	} else {
		c->col++;
	}
	c->pos++;
}

void lex_init(struct idlc_ctx *c, const char *src, size_t len)
{
	c->src = src;
	c->len = len;
	c->pos = 0;
	c->line = 1;
	c->col = 1;
}

static bool is_alpha(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
}

static bool is_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

static int hex_value(int ch)
{
	if (is_digit(ch))
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static void skip_space(struct idlc_ctx *c)
{
	for (;;) {
		int ch = peek(c, 0);
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			advance(c);
		} else if (ch == '/' && peek(c, 1) == '/') {
			while (peek(c, 0) != -1 && peek(c, 0) != '\n')
				advance(c);
		} else if (ch == '/' && peek(c, 1) == '*') {
			int line = c->line, col = c->col;
			advance(c);
			advance(c);
			while (!(peek(c, 0) == '*' && peek(c, 1) == '/')) {
				if (peek(c, 0) == -1)
					idlc_error(c, line, col, "unterminated comment");
				advance(c);
			}
			advance(c);
			advance(c);
		} else {
			return;
		}
	}
}

static void lex_int(struct idlc_ctx *c, struct token *t)
{
	uint64_t v = 0;
	unsigned base = 10;
	if (peek(c, 0) == '0' && (peek(c, 1) == 'x' || peek(c, 1) == 'X')) {
		base = 16;
		advance(c);
		advance(c);
		if (hex_value(peek(c, 0)) < 0)
			idlc_error(c, t->line, t->col, "malformed number");
	}
	for (;;) {
		int ch = peek(c, 0),
		    d = base == 16 ? hex_value(ch) : (is_digit(ch) ? ch - '0' : -1);
		if (d < 0)
			break;
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			idlc_error(c, t->line, t->col, "number too large");
		v = v * base + (uint64_t)d;
		advance(c);
	}
	if (is_alpha(peek(c, 0)) || is_digit(peek(c, 0)))
		idlc_error(c, t->line, t->col, "malformed number");
	t->kind = TOK_INT;
	t->value = v;
}

struct token lex_next(struct idlc_ctx *c)
{
	skip_space(c);
	struct token t = { .line = c->line, .col = c->col, .text = c->src + c->pos };
	int ch = peek(c, 0);
	if (ch == -1) {
		t.kind = TOK_EOF;
	} else if (is_alpha(ch)) {
		while (is_alpha(peek(c, 0)) || is_digit(peek(c, 0)))
			advance(c);
		t.kind = TOK_IDENT;
		if (c->src + c->pos - t.text > IDLC_MAX_IDENT)
			idlc_error(c, t.line, t.col, "identifier longer than %d characters",
				   IDLC_MAX_IDENT);
	} else if (is_digit(ch)) {
		lex_int(c, &t);
	} else if (ch == '-' && peek(c, 1) == '>') {
		advance(c);
		advance(c);
		t.kind = TOK_ARROW;
	} else if (ch && ch < 0x7f && strchr("{}()<>,;:=|@-", ch)) {
		advance(c);
		t.kind = TOK_PUNCT;
		t.punct = (char)ch;
	} else if (ch >= 0x21 && ch < 0x7f) {
		idlc_error(c, t.line, t.col, "unexpected character '%c'", ch);
	} else {
		idlc_error(c, t.line, t.col, "unexpected byte 0x%02x", ch);
	}
	t.len = (size_t)(c->src + c->pos - t.text);
	return t;
}
