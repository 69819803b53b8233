// SPDX-License-Identifier: BSD-2-Clause
// Word expansion: tilde, parameters, command substitution, arithmetic,
// then field splitting, pathname expansion and quote removal. The raw word
// is expanded into characters that each carry flags (quoted, subject to
// splitting), so that splitting and globbing know what came from where.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

enum { XQ = 1, XSPLIT = 2, XBRK = 4, XMARK = 8 };

struct xbuf {
	char *c;
	unsigned char *f;
	size_t n, cap;
};

static void xadd(struct xbuf *b, char c, int f)
{
	if (b->n + 1 >= b->cap) {
		b->cap = b->cap * 2 + 32;
		b->c = xrealloc(b->c, b->cap);
		b->f = xrealloc(b->f, b->cap);
	}
	b->c[b->n] = c;
	b->f[b->n++] = (unsigned char)f;
}

static void xadds(struct xbuf *b, const char *s, size_t n, int f)
{
	for (size_t i = 0; i < n; i++)
		xadd(b, s[i], f);
}

static void xfree(struct xbuf *b)
{
	free(b->c);
	free(b->f);
}

/* inq: 0 unquoted, 1 in double quotes, 2 here-document body */
static void expand_part(struct xbuf *b, const char *s, size_t len, int inq, enum expand_mode mode);

static _Noreturn void bad_subst(const char *s, size_t n)
{
	sh_error("${%.*s}: bad substitution", (int)n, s);
	sh_abort(2);
}

/* Flags for text produced by an expansion. */
static int result_flags(int inq, enum expand_mode mode)
{
	if (inq)
		return XQ;
	return mode == EX_FIELDS ? XSPLIT : 0;
}

static const char *ifs(void)
{
	const char *v = var_get("IFS");
	return v ? v : " \t\n";
}

/* The value of a parameter other than @ and *; NULL if unset. */
static char *param_get(const char *name, size_t n)
{
	char buf[32];
	if (n == 1 && !isalnum((unsigned char)name[0]) && name[0] != '_') {
		switch (name[0]) {
		case '?': snprintf(buf, sizeof buf, "%d", sh.status); return xstrdup(buf);
		case '$': snprintf(buf, sizeof buf, "%ld", (long)sh.pid); return xstrdup(buf);
		case '!':
			if (!sh.lastbg)
				return NULL;
			snprintf(buf, sizeof buf, "%ld", (long)sh.lastbg);
			return xstrdup(buf);
		case '#': snprintf(buf, sizeof buf, "%d", pos.n); return xstrdup(buf);
		case '-': return xstrdup(sh_options());
		}
		return NULL;
	}
	if (isdigit((unsigned char)name[0])) {
		long k = 0;
		for (size_t i = 0; i < n && k < 100000000; i++)
			k = k * 10 + (name[i] - '0');
		if (k == 0)
			return xstrdup(sh.arg0);
		return k <= pos.n ? xstrdup(pos.v[k - 1]) : NULL;
	}
	char *nm = xstrndup(name, n);
	const char *v = var_get(nm);
	free(nm);
	return v ? xstrdup(v) : NULL;
}

static char *join_params(void)
{
	struct strbuf sb = { 0 };
	const char *f = ifs();
	for (int i = 0; i < pos.n; i++) {
		if (i && *f)
			sb_addc(&sb, *f);
		sb_adds(&sb, pos.v[i]);
	}
	return sb_take(&sb);
}

static void nounset_check(const char *name, size_t n)
{
	if (sh.nounset) {
		sh_error("%.*s: parameter not set", (int)n, name);
		sh_abort(2);
	}
}

/* $@ and $*: one field per parameter (quoted "$*": one field). */
static void expand_all_params(struct xbuf *b, char which, int inq, enum expand_mode mode)
{
	if (inq && which == '*') {
		char *j = join_params();
		xadds(b, j, strlen(j), XQ);
		free(j);
		return;
	}
	int f = result_flags(inq, mode);
	for (int i = 0; i < pos.n; i++) {
		if (i) {
			if (mode == EX_FIELDS)
				xadd(b, ' ', XBRK);
			else
				xadd(b, ' ', f);
		}
		xadds(b, pos.v[i], strlen(pos.v[i]), f);
		if (inq && !*pos.v[i])
			xadd(b, 0, XMARK);
	}
}

/* Remove the shortest/longest prefix/suffix matching pat. */
static char *trim(const char *v, const char *pat, int suffix, int longest)
{
	size_t n = strlen(v);
	char *tmp = xstrdup(v);
	for (size_t k = 0; k <= n; k++) {
		size_t len = longest ? n - k : k; /* length of the removed part */
		int ok;
		if (!suffix) {
			char c = tmp[len];
			tmp[len] = 0;
			ok = pattern_match(pat, tmp);
			tmp[len] = c;
			if (ok) {
				char *r = xstrdup(v + len);
				free(tmp);
				return r;
			}
		} else {
			ok = pattern_match(pat, v + n - len);
			if (ok) {
				tmp[n - len] = 0;
				return tmp;
			}
		}
	}
	free(tmp);
	return xstrdup(v);
}

static void expand_braced(struct xbuf *b, const char *body, size_t blen, int inq,
			  enum expand_mode mode)
{
	const char *s = body;
	int length = 0;
	if (blen > 1 && s[0] == '#') {
		length = 1;
		s++;
		blen--;
	}
	size_t n = 0;
	if (blen && (isalpha((unsigned char)s[0]) || s[0] == '_'))
		while (n < blen && (isalnum((unsigned char)s[n]) || s[n] == '_'))
			n++;
	else if (blen && isdigit((unsigned char)s[0]))
		while (n < blen && isdigit((unsigned char)s[n]))
			n++;
	else if (blen && strchr("@*#?-$!", s[0]))
		n = 1;
	if (n == 0)
		bad_subst(body, blen + length);
	const char *op = s + n;
	size_t oplen = blen - n;
	int all = n == 1 && (s[0] == '@' || s[0] == '*');
	char *val = all ? (pos.n ? join_params() : NULL) : param_get(s, n);
	if (length) {
		if (oplen)
			bad_subst(body, blen + 1);
		if (!val && !all)
			nounset_check(s, n);
		char buf[32];
		snprintf(buf, sizeof buf, "%zu", all ? (size_t)pos.n : val ? strlen(val) : 0);
		xadds(b, buf, strlen(buf), result_flags(inq, mode));
		free(val);
		return;
	}
	if (oplen == 0) {
		if (all)
			expand_all_params(b, s[0], inq, mode);
		else if (!val)
			nounset_check(s, n);
		else
			xadds(b, val, strlen(val), result_flags(inq, mode));
		free(val);
		return;
	}
	int colon = op[0] == ':';
	char o = op[colon];
	const char *word = op + colon + 1;
	size_t wlen = oplen - colon - 1;
	if (oplen <= (size_t)colon || !strchr("-=?+#%", o) || (colon && strchr("#%", o)))
		bad_subst(body, blen);
	int isset = val && (!colon || *val);
	if (o == '#' || o == '%') {
		int longest = wlen && word[0] == o;
		if (longest) {
			word++;
			wlen--;
		}
		if (!val)
			nounset_check(s, n);
		char *w = xstrndup(word, wlen);
		char *pat = expand_string(w, EX_PATTERN);
		free(w);
		char *r = trim(val ? val : "", pat, o == '%', longest);
		xadds(b, r, strlen(r), result_flags(inq, mode));
		free(r);
		free(pat);
		free(val);
		return;
	}
	if (o == '-' || o == '=' || o == '?' || o == '+') {
		int use_word = (o == '+') ? isset : !isset;
		if (!use_word) {
			if (val)
				xadds(b, val, strlen(val), result_flags(inq, mode));
			else if (all)
				expand_all_params(b, s[0], inq, mode);
			free(val);
			return;
		}
		free(val);
		if (o == '-' || o == '+') {
			expand_part(b, word, wlen, inq, mode);
			return;
		}
		char *w = xstrndup(word, wlen);
		char *text = expand_string(w, EX_STRING);
		free(w);
		if (o == '?') {
			sh_error("%.*s: %s", (int)n, s, *text ? text : "parameter not set");
			free(text);
			sh_abort(2);
		}
		char *name = xstrndup(s, n);
		if (!is_name(name, n)) {
			sh_error("%s: cannot assign in this way", name);
			free(name);
			free(text);
			sh_abort(2);
		}
		var_set(name, text, 0);
		xadds(b, text, strlen(text), result_flags(inq, mode));
		free(name);
		free(text);
	}
}

static void add_cmdsubst(struct xbuf *b, const char *text, size_t len, int inq,
			 enum expand_mode mode)
{
	char *out = cmdsubst(text, len);
	xadds(b, out, strlen(out), result_flags(inq, mode));
	free(out);
}

/* `...`: backslash quotes only $ ` \ (and " inside double quotes). */
static void expand_backquote(struct xbuf *b, const char *s, size_t len, int inq,
			     enum expand_mode mode)
{
	struct strbuf cmd = { 0 };
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len &&
		    (strchr("$`\\", s[i + 1]) || (inq == 1 && s[i + 1] == '"')))
			i++;
		sb_addc(&cmd, s[i]);
	}
	add_cmdsubst(b, cmd.s ? cmd.s : "", cmd.n, inq, mode);
	sb_free(&cmd);
}

static void expand_arith(struct xbuf *b, const char *s, size_t len, int inq, enum expand_mode mode)
{
	char *raw = xstrndup(s, len);
	/* Parameters, substitutions and quote removal, no splitting. */
	struct xbuf t = { 0 };
	expand_part(&t, raw, len, 1, EX_STRING);
	char *expr = xstrndup(t.c ? t.c : "", t.n);
	for (size_t i = 0; i < t.n; i++)
		if (!expr[i])
			expr[i] = ' ';
	xfree(&t);
	free(raw);
	long v;
	if (arith_eval(expr, &v) < 0) {
		free(expr);
		sh_abort(2);
	}
	free(expr);
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", v);
	xadds(b, buf, strlen(buf), result_flags(inq, mode));
}

/* At s[*i] == '$': one expansion; *i moves past it. */
static void expand_dollar(struct xbuf *b, const char *s, size_t len, size_t *i, int inq,
			  enum expand_mode mode)
{
	size_t p = *i;
	long e = scan_construct(s, p, len);
	if (e < 0)
		e = (long)len;
	if (p + 1 >= len) {
		xadd(b, '$', inq ? XQ : 0);
		*i = p + 1;
		return;
	}
	char c = s[p + 1];
	if (c == '{') {
		*i = (size_t)e;
		expand_braced(b, s + p + 2, (size_t)e - p - 3, inq, mode);
	} else if (c == '(') {
		*i = (size_t)e;
		if (s[p + 2] == '(' && (size_t)e - p >= 5)
			expand_arith(b, s + p + 3, (size_t)e - p - 5, inq, mode);
		else
			add_cmdsubst(b, s + p + 2, (size_t)e - p - 3, inq, mode);
	} else if (isalpha((unsigned char)c) || c == '_') {
		size_t k = p + 1;
		while (k < len && (isalnum((unsigned char)s[k]) || s[k] == '_'))
			k++;
		*i = k;
		expand_braced(b, s + p + 1, k - p - 1, inq, mode);
	} else if (isdigit((unsigned char)c) || strchr("@*#?-$!", c)) {
		*i = p + 2;
		expand_braced(b, s + p + 1, 1, inq, mode);
	} else {
		xadd(b, '$', inq ? XQ : 0);
		*i = p + 1;
	}
}

static void expand_tilde(struct xbuf *b, const char *s, size_t len, size_t *i,
			 enum expand_mode mode)
{
	size_t k = *i + 1;
	while (k < len && s[k] != '/' && !(mode == EX_ASSIGN && s[k] == ':'))
		k++;
	const char *home = var_get("HOME");
	if (k != *i + 1 || !home) { /* ~user: not supported, left as it is */
		xadd(b, '~', 0);
		(*i)++;
		return;
	}
	xadds(b, home, strlen(home), XQ);
	*i = k;
}

static void expand_part(struct xbuf *b, const char *s, size_t len, int inq, enum expand_mode mode)
{
	for (size_t i = 0; i < len;) {
		char c = s[i];
		if (c == '\\') {
			if (i + 1 >= len) {
				xadd(b, '\\', XQ);
				i++;
			} else if (s[i + 1] == '\n') {
				i += 2;
			} else if (!inq || strchr(inq == 2 ? "$`\\" : "$`\"\\", s[i + 1])) {
				xadd(b, s[i + 1], XQ);
				i += 2;
			} else {
				xadd(b, '\\', XQ);
				i++;
			}
		} else if (c == '\'' && !inq) {
			long e = scan_construct(s, i, len);
			if (e < 0)
				e = (long)len + 1;
			xadds(b, s + i + 1, (size_t)e - i - 2, XQ);
			xadd(b, 0, XMARK);
			i = (size_t)e;
		} else if (c == '"' && inq != 2) {
			if (inq) { /* only reached for a stray quote in ${v:-"x"} inside "" */
				long e = scan_construct(s, i, len);
				if (e < 0)
					e = (long)len + 1;
				expand_part(b, s + i + 1, (size_t)e - i - 2, 1, mode);
				i = (size_t)e;
				continue;
			}
			long e = scan_construct(s, i, len);
			if (e < 0)
				e = (long)len + 1;
			const char *in = s + i + 1;
			size_t inlen = (size_t)e - i - 2;
			/* "$@" with no parameters is no field at all. */
			int at = (inlen == 2 && !memcmp(in, "$@", 2)) ||
				(inlen == 4 && !memcmp(in, "${@}", 4));
			expand_part(b, in, inlen, 1, mode);
			if (!(at && pos.n == 0))
				xadd(b, 0, XMARK);
			i = (size_t)e;
		} else if (c == '`') {
			long e = scan_construct(s, i, len);
			if (e < 0)
				e = (long)len + 1;
			expand_backquote(b, s + i + 1, (size_t)e - i - 2, inq, mode);
			i = (size_t)e;
		} else if (c == '$') {
			expand_dollar(b, s, len, &i, inq, mode);
		} else if (c == '~' && !inq && mode != EX_PATTERN &&
			   (i == 0 || (mode == EX_ASSIGN && s[i - 1] == ':'))) {
			expand_tilde(b, s, len, &i, mode);
		} else {
			xadd(b, c, inq ? XQ : 0);
			i++;
		}
	}
}

/* A field's characters as a glob pattern (quoted magic escaped). */
static char *field_pattern(const struct xbuf *b, size_t from, size_t to, int *magic)
{
	struct strbuf p = { 0 };
	*magic = 0;
	for (size_t i = from; i < to; i++) {
		if (b->f[i] & XMARK)
			continue;
		char c = b->c[i];
		if (b->f[i] & XQ) {
			if (strchr("\\*?[]", c))
				sb_addc(&p, '\\');
		} else if (strchr("*?[", c))
			*magic = 1;
		sb_addc(&p, c);
	}
	return sb_take(&p);
}

static char *field_text(const struct xbuf *b, size_t from, size_t to)
{
	struct strbuf p = { 0 };
	for (size_t i = from; i < to; i++)
		if (!(b->f[i] & XMARK))
			sb_addc(&p, b->c[i]);
	return sb_take(&p);
}

static void emit_field(const struct xbuf *b, size_t from, size_t to, struct strlist *out)
{
	int magic = 0;
	if (!sh.noglob) {
		char *pat = field_pattern(b, from, to, &magic);
		if (magic) {
			int before = out->n;
			glob_expand(pat, out);
			if (out->n > before) {
				free(pat);
				return;
			}
		}
		free(pat);
	}
	sl_add(out, field_text(b, from, to));
}

/* Field splitting over the characters that came from unquoted expansions. */
static void split_fields(struct xbuf *b, struct strlist *out)
{
	const char *sep = ifs();
	/* Fields are runs [start, i) of b, copied without the separators. */
	struct xbuf f = { 0 };
	int have = 0, just_delim = 0;
	for (size_t i = 0; i < b->n; i++) {
		char c = b->c[i];
		int fl = b->f[i];
		if (fl & XBRK) {
			if (have)
				emit_field(&f, 0, f.n, out);
			f.n = 0;
			have = 0;
			just_delim = 0;
			continue;
		}
		if ((fl & XSPLIT) && c && strchr(sep, c)) {
			if (strchr(" \t\n", c)) {
				if (have) {
					emit_field(&f, 0, f.n, out);
					f.n = 0;
					have = 0;
					just_delim = 1;
				}
			} else {
				if (!just_delim)
					emit_field(&f, 0, f.n, out);
				f.n = 0;
				have = 0;
				just_delim = 0;
			}
			continue;
		}
		xadd(&f, c, fl);
		have = 1;
		just_delim = 0;
	}
	if (have)
		emit_field(&f, 0, f.n, out);
	xfree(&f);
}

int expand_word(const char *w, enum expand_mode mode, struct strlist *out)
{
	struct xbuf b = { 0 };
	size_t len = strlen(w);
	expand_part(&b, w, len, mode == EX_HEREDOC ? 2 : 0, mode);
	if (mode == EX_FIELDS) {
		split_fields(&b, out);
	} else if (mode == EX_PATTERN) {
		int magic;
		sl_add(out, field_pattern(&b, 0, b.n, &magic));
	} else {
		for (size_t i = 0; i < b.n; i++)
			if (b.f[i] & XBRK)
				b.f[i] = 0;
		sl_add(out, field_text(&b, 0, b.n));
	}
	xfree(&b);
	return 0;
}

char *expand_string(const char *w, enum expand_mode mode)
{
	struct strlist l = { 0 };
	expand_word(w, mode, &l);
	char *s = l.v[0];
	l.v[0] = NULL;
	l.n = 0;
	sl_free(&l);
	return s;
}

int expand_words(char **words, int n, struct strlist *out)
{
	for (int i = 0; i < n; i++)
		expand_word(words[i], EX_FIELDS, out);
	return 0;
}
