// SPDX-License-Identifier: BSD-2-Clause
// The lexer, shared by the parser only.
#ifndef SH_LEX_H
#define SH_LEX_H

#include "sh.h"

enum tok {
	T_EOF,
	T_NEWLINE,
	T_WORD,
	T_SEMI,
	T_AMP,
	T_AND_IF,
	T_OR_IF,
	T_PIPE,
	T_LPAREN,
	T_RPAREN,
	T_DSEMI,
	T_REDIR,
};

struct token {
	enum tok kind;
	char *text; /* T_WORD: the raw word (in the arena); operators: their spelling */
	size_t start, end;
	int line;
	enum redir_kind rk; /* T_REDIR */
	int fd; /* T_REDIR: the explicit descriptor or -1 */
	int heredoc_strip; /* T_REDIR <<- */
};

#define MAX_HEREDOCS 32
#define MAX_ALIAS_NEST 16

struct lexer {
	char *s; /* our own copy: alias substitution rewrites it */
	size_t len, pos;
	int line;
	struct arena *ar;
	struct redir *heredocs[MAX_HEREDOCS];
	int nheredoc;
	int incomplete; /* the input ended inside a construct */
	int final; /* no more input will come: an open here-document ends at EOF */
	int quiet;
	/* Aliases being expanded and where their text ends, against recursion. */
	const char *alias_name[MAX_ALIAS_NEST];
	size_t alias_end[MAX_ALIAS_NEST];
	int nalias;
};

/* 0, or -1 with lx->incomplete set (or an error printed). */
int lex_next(struct lexer *lx, struct token *t);
/* Replace the word token t by the alias text; 1 if done. */
int lex_alias(struct lexer *lx, const struct token *t);
int lex_queue_heredoc(struct lexer *lx, struct redir *r);
const char *tok_spelling(const struct token *t);

#endif
