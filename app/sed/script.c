// SPDX-License-Identifier: BSD-2-Clause
// Compiling a sed script (POSIX sed, "Editing Commands in sed") into the
// commands of sed.h. Errors name the character of the script (counted
// over all -e and -f pieces joined by newlines) where they were found.
#include "../lib/util.h"
#include "sed.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct parser {
	const char *start, *p;
	int cflags;
	struct sed_script *s;
	bool failed;
};

static bool fail(struct parser *ps, const char *why)
{
	if (!ps->failed)
		util_warnx("script, char %ld: %s", (long)(ps->p - ps->start) + 1, why);
	ps->failed = true;
	return false;
}

static void *xalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p) {
		util_warnx("out of memory");
		exit(4);
	}
	return p;
}

static void skip_blanks(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
}

/* The text up to the unescaped delimiter delim, its end consumed. In a
 * regular expression (re) "\delim" becomes delim and "\n" a newline; other
 * escapes stay for regcomp. In a replacement every escape stays for the
 * substitution except "\delim". NULL if the delimiter never comes. */
static char *delimited(struct parser *ps, char delim, bool re)
{
	const char *p = ps->p;
	char *out = xalloc(strlen(p) + 1), *o = out;
	for (; *p && *p != delim; p++) {
		if (*p == '\n' && re)
			break;
		if (*p != '\\' || !p[1]) {
			*o++ = *p;
			continue;
		}
		p++;
		if (*p == delim)
			*o++ = delim;
		else if (*p == 'n' && re)
			*o++ = '\n';
		else {
			*o++ = '\\';
			*o++ = *p;
		}
	}
	if (*p != delim) {
		free(out);
		ps->p = p;
		return NULL;
	}
	ps->p = p + 1;
	return out;
}

/* A regular expression ending at delim; NULL (the last one used) when
 * empty. *ok false on an error. */
static regex_t *regex(struct parser *ps, char delim, bool *ok)
{
	char *text = delimited(ps, delim, true);
	*ok = text != NULL;
	if (!text)
		return fail(ps, "unterminated address regex"), NULL;
	if (!*text) {
		free(text);
		return NULL;
	}
	regex_t *re = xalloc(sizeof(*re));
	int err = regcomp(re, text, ps->cflags);
	free(text);
	if (err) {
		char msg[128];
		regerror(err, re, msg, sizeof(msg));
		free(re);
		*ok = false;
		return fail(ps, msg), NULL;
	}
	return re;
}

static bool address(struct parser *ps, struct sed_addr *a)
{
	if (isdigit((unsigned char)*ps->p)) {
		a->kind = ADDR_LINE;
		a->line = strtol(ps->p, (char **)&ps->p, 10);
		if (a->line == 0)
			return fail(ps, "invalid usage of line address 0");
		return true;
	}
	if (*ps->p == '$') {
		ps->p++;
		a->kind = ADDR_LAST;
		return true;
	}
	char delim = *ps->p;
	if (delim == '\\' && ps->p[1] && ps->p[1] != '\n' && ps->p[1] != '\\') {
		delim = *++ps->p;
	} else if (delim != '/') {
		a->kind = ADDR_NONE;
		return true;
	}
	ps->p++;
	bool ok;
	a->kind = ADDR_RE;
	a->re = regex(ps, delim, &ok);
	return ok;
}

/* The text of a, i and c: "a\<newline>text" (POSIX; a line ending in a
 * backslash continues it) or "a text" (GNU's one-line form). */
static char *text_arg(struct parser *ps)
{
	skip_blanks(ps);
	if (ps->p[0] == '\\' && ps->p[1] == '\n')
		ps->p += 2;
	else if (ps->p[0] == '\\')
		ps->p++;
	char *out = xalloc(strlen(ps->p) + 1), *o = out;
	for (; *ps->p && *ps->p != '\n'; ps->p++) {
		if (*ps->p == '\\' && ps->p[1])
			ps->p++;
		*o++ = *ps->p;
	}
	return out;
}

/* The label of b, t and ':': up to a newline or semicolon. */
static char *label_arg(struct parser *ps)
{
	skip_blanks(ps);
	size_t n = strcspn(ps->p, ";\n");
	while (n && (ps->p[n - 1] == ' ' || ps->p[n - 1] == '\t'))
		n--;
	char *out = xalloc(n + 1);
	memcpy(out, ps->p, n);
	ps->p += n;
	return out;
}

static bool substitute(struct parser *ps, struct sed_cmd *c)
{
	char delim = *ps->p++;
	if (!delim || delim == '\n' || delim == '\\')
		return fail(ps, "unterminated `s' command");
	bool ok;
	c->re = regex(ps, delim, &ok);
	if (!ok)
		return false;
	c->repl = delimited(ps, delim, false);
	if (!c->repl)
		return fail(ps, "unterminated `s' command");
	for (const char *r = c->repl; *r; r++)
		if (*r == '\\' && r[1]) {
			r++;
			if (c->re && *r >= '1' && *r <= '9' && (size_t)(*r - '0') > c->re->re_nsub)
				return fail(ps, "invalid reference on `s' command's RHS");
		}
	c->nth = 1;
	bool have_nth = false;
	for (;; ps->p++) {
		if (*ps->p == 'g' && !c->global)
			c->global = true;
		else if (*ps->p == 'p' && !c->print)
			c->print = true;
		else if (isdigit((unsigned char)*ps->p) && !have_nth) {
			c->nth = strtol(ps->p, (char **)&ps->p, 10);
			ps->p--;
			have_nth = true;
			if (c->nth == 0)
				return fail(ps, "number option to `s' command may not be zero");
		} else
			return true;
	}
}

static bool transliterate(struct parser *ps, struct sed_cmd *c)
{
	char delim = *ps->p++;
	if (!delim || delim == '\n' || delim == '\\')
		return fail(ps, "unterminated `y' command");
	char *from = delimited(ps, delim, true), *to = from ? delimited(ps, delim, true) : NULL;
	bool ok = to != NULL;
	if (!ok)
		fail(ps, "unterminated `y' command");
	for (int k = 0; k < 256; k++)
		c->map[k] = (unsigned char)k;
	/* delimited() left "\\" as two characters: one backslash here */
	const char *f = from, *t = to;
	while (ok && *f && *t) {
		f += *f == '\\' && f[1] == '\\';
		t += *t == '\\' && t[1] == '\\';
		c->map[(unsigned char)*f++] = (unsigned char)*t++;
	}
	if (ok && (*f || *t))
		ok = fail(ps, "strings for `y' command are different lengths");
	free(from);
	free(to);
	return ok;
}

static struct sed_cmd *new_cmd(struct sed_script *s)
{
	s->cmds = realloc(s->cmds, (s->n + 1) * sizeof(*s->cmds));
	if (!s->cmds) {
		util_warnx("out of memory");
		exit(4);
	}
	struct sed_cmd *c = &s->cmds[s->n++];
	memset(c, 0, sizeof(*c));
	return c;
}

/* The command's arguments after its letter. */
static bool arguments(struct parser *ps, struct sed_cmd *c)
{
	switch (c->name) {
	case 's': return substitute(ps, c);
	case 'y': return transliterate(ps, c);
	case 'a':
	case 'i':
	case 'c': c->text = text_arg(ps); return true;
	case 'b':
	case 't':
	case ':':
		c->text = label_arg(ps);
		if (c->name == ':' && !*c->text)
			return fail(ps, "\":\" lacks a label");
		return true;
	case 'q':
	case 'Q':
		skip_blanks(ps);
		if (isdigit((unsigned char)*ps->p))
			c->status = (int)strtol(ps->p, (char **)&ps->p, 10);
		return true;
	case '=':
	case 'd':
	case 'D':
	case 'g':
	case 'G':
	case 'h':
	case 'H':
	case 'n':
	case 'N':
	case 'p':
	case 'P':
	case 'x':
	case '{':
	case '}': return true;
	}
	ps->p--;
	return fail(ps, "unknown command");
}

/* Resolves b and t to the index of their label (or the end: s->n). */
static bool resolve_labels(struct parser *ps)
{
	struct sed_script *s = ps->s;
	for (size_t k = 0; k < s->n; k++) {
		struct sed_cmd *c = &s->cmds[k];
		if (c->name != 'b' && c->name != 't')
			continue;
		c->jump = s->n;
		if (!*c->text)
			continue;
		size_t j = 0;
		while (j < s->n && !(s->cmds[j].name == ':' && !strcmp(s->cmds[j].text, c->text)))
			j++;
		if (j == s->n) {
			util_warnx("can't find label for jump to `%s'", c->text);
			return false;
		}
		c->jump = j;
	}
	return true;
}

bool sed_compile(struct sed_script *s, const char *text, int cflags)
{
	struct parser ps = { text, text, cflags, s, false };
	size_t open[64], depth = 0;
	memset(s, 0, sizeof(*s));
	s->quiet_comment = !strncmp(text, "#n\n", 3) || !strcmp(text, "#n");
	for (;;) {
		while (isspace((unsigned char)*ps.p) || *ps.p == ';')
			ps.p++;
		if (!*ps.p)
			break;
		if (*ps.p == '#') {
			ps.p += strcspn(ps.p, "\n");
			continue;
		}
		struct sed_cmd *c = new_cmd(s);
		if (!address(&ps, &c->a1))
			return false;
		if (c->a1.kind != ADDR_NONE && *ps.p == ',') {
			ps.p++;
			if (!address(&ps, &c->a2))
				return false;
			if (c->a2.kind == ADDR_NONE)
				return fail(&ps, "unexpected `,'");
		}
		skip_blanks(&ps);
		while (*ps.p == '!') {
			c->negate = true;
			ps.p++;
			skip_blanks(&ps);
		}
		c->name = *ps.p;
		if (!c->name || c->name == '\n' || c->name == ';')
			return fail(&ps, "missing command");
		ps.p++;
		if (c->name == '{') {
			if (depth == sizeof(open) / sizeof(open[0]))
				return fail(&ps, "blocks nested too deeply");
			open[depth++] = s->n - 1;
		} else if (c->name == '}') {
			if (!depth)
				return fail(&ps, "unexpected `}'");
			if (c->a1.kind != ADDR_NONE || c->negate)
				return fail(&ps, "} doesn't want any addresses");
			s->cmds[open[--depth]].jump = s->n - 1;
		} else if (c->name == ':' && c->a1.kind != ADDR_NONE) {
			return fail(&ps, ": doesn't want any addresses");
		}
		if (!arguments(&ps, c))
			return false;
		skip_blanks(&ps);
		if (c->name != '{' && *ps.p && !strchr(";\n}#", *ps.p))
			return fail(&ps, "extra characters after command");
	}
	if (depth)
		return fail(&ps, "unmatched `{'");
	return resolve_labels(&ps);
}

static void free_regex(regex_t *re)
{
	if (re) {
		regfree(re);
		free(re);
	}
}

void sed_free(struct sed_script *s)
{
	for (size_t k = 0; k < s->n; k++) {
		struct sed_cmd *c = &s->cmds[k];
		free_regex(c->a1.re);
		free_regex(c->a2.re);
		free_regex(c->re);
		free(c->text);
		free(c->repl);
	}
	free(s->cmds);
	memset(s, 0, sizeof(*s));
}
