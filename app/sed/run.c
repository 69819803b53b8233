// SPDX-License-Identifier: BSD-2-Clause
// Running a compiled sed script: one cycle per input line (the files one
// after the other, as one stream), the pattern and hold spaces, the text
// queued by 'a' for the end of the cycle.
#include "../lib/util.h"
#include "sed.h"
#include <stdlib.h>
#include <string.h>

struct buf {
	char *s;
	size_t len, cap;
};

static void buf_reserve(struct buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 128;
	while (cap < b->len + more + 1)
		cap *= 2;
	b->s = realloc(b->s, cap);
	if (!b->s) {
		util_warnx("out of memory");
		exit(4);
	}
	b->cap = cap;
}

static void buf_add(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

static void buf_set(struct buf *b, const char *s, size_t n)
{
	b->len = 0;
	buf_add(b, s, n);
}

struct input {
	char **files;
	FILE *f;
	struct buf next; /* the line read ahead, to know which line is the last */
	bool have_next, next_nl;
	int status;
};

struct state {
	struct sed_script *s;
	struct input in;
	struct buf ps, hold;
	bool ps_nl; /* the line in the pattern space ended in a newline */
	bool missing_nl; /* the last output lacked its newline (GNU's rule) */
	long line;
	bool quiet, replaced;
	regex_t *last_re;
	const char **append;
	size_t nappend;
};

/* Reads the next line of the stream into in->next. */
static void read_ahead(struct input *in)
{
	in->have_next = false;
	for (;;) {
		if (!in->f) {
			if (!*in->files)
				return;
			const char *name = *in->files++;
			in->f = strcmp(name, "-") ? fopen(name, "r") : stdin;
			if (!in->f) {
				util_warn(name);
				in->status = 2;
				continue;
			}
		}
		char *line = NULL;
		size_t cap = 0;
		ssize_t n = getline(&line, &cap, in->f);
		if (n > 0) {
			in->next_nl = line[n - 1] == '\n';
			buf_set(&in->next, line, (size_t)n - in->next_nl);
			free(line);
			in->have_next = true;
			return;
		}
		free(line);
		if (ferror(in->f)) {
			util_warn("read error");
			in->status = 2;
		}
		if (in->f != stdin)
			fclose(in->f);
		in->f = NULL;
	}
}

/* Writes text and, unless it is the pattern space of a line that had no
 * newline, a newline; a newline owed by earlier output comes first. */
static void output(struct state *st, const char *s, size_t n, bool nl)
{
	if (st->missing_nl)
		putchar('\n');
	fwrite(s, 1, n, stdout);
	if (nl)
		putchar('\n');
	st->missing_nl = !nl;
}

static void flush_append(struct state *st)
{
	for (size_t k = 0; k < st->nappend; k++)
		output(st, st->append[k], strlen(st->append[k]), true);
	st->nappend = 0;
}

/* Replaces (append false) or extends the pattern space with the next
 * line; false at the end of the input. */
static bool next_line(struct state *st, bool append)
{
	flush_append(st);
	if (!st->in.have_next)
		return false;
	if (append)
		buf_add(&st->ps, "\n", 1);
	else
		st->ps.len = 0;
	buf_add(&st->ps, st->in.next.s, st->in.next.len);
	st->ps_nl = st->in.next_nl;
	st->line++;
	read_ahead(&st->in);
	return true;
}

static regex_t *pick_re(struct state *st, regex_t *re)
{
	if (re)
		st->last_re = re;
	if (!st->last_re) {
		util_warnx("no previous regular expression");
		exit(1);
	}
	return st->last_re;
}

static bool addr_matches(struct state *st, struct sed_addr *a)
{
	switch (a->kind) {
	case ADDR_NONE: return true;
	case ADDR_LINE: return st->line == a->line;
	case ADDR_LAST: return !st->in.have_next;
	case ADDR_RE: return regexec(pick_re(st, a->re), st->ps.s, 0, NULL, 0) == 0;
	}
	return false;
}

static bool selected(struct state *st, struct sed_cmd *c)
{
	if (c->a2.kind == ADDR_NONE)
		return addr_matches(st, &c->a1);
	if (!c->in_range) {
		if (!addr_matches(st, &c->a1))
			return false;
		/* a line number at or before the first line selects one line */
		c->in_range = !(c->a2.kind == ADDR_LINE && c->a2.line <= st->line) &&
			!(c->a2.kind == ADDR_LAST && !st->in.have_next);
		return true;
	}
	if (c->a2.kind == ADDR_LINE ? st->line >= c->a2.line : addr_matches(st, &c->a2))
		c->in_range = false;
	return true;
}

/* The replacement of s for one match, "&" and "\1".."\9" filled in. */
static void replacement(struct buf *out, const char *repl, const char *subject, const regmatch_t *m)
{
	for (const char *r = repl; *r; r++) {
		int group = -1;
		if (*r == '&')
			group = 0;
		else if (*r == '\\' && r[1] >= '0' && r[1] <= '9')
			group = *++r - '0';
		else if (*r == '\\' && r[1] == 'n') {
			r++;
			buf_add(out, "\n", 1);
			continue;
		} else if (*r == '\\' && r[1])
			r++;
		if (group < 0)
			buf_add(out, r, 1);
		else if (m[group].rm_so >= 0)
			buf_add(out, subject + m[group].rm_so,
				(size_t)(m[group].rm_eo - m[group].rm_so));
	}
}

static bool substitute(struct state *st, struct sed_cmd *c)
{
	regex_t *re = pick_re(st, c->re);
	regmatch_t m[10];
	struct buf out = { 0 };
	const char *subject = st->ps.s;
	size_t pos = 0;
	long count = 0;
	bool done = false;
	buf_add(&out, "", 0);
	while (pos <= st->ps.len && regexec(re, subject + pos, 10, m, pos ? REG_NOTBOL : 0) == 0) {
		for (int k = 0; k < 10; k++)
			if (m[k].rm_so >= 0) {
				m[k].rm_so += (regoff_t)pos;
				m[k].rm_eo += (regoff_t)pos;
			}
		size_t so = (size_t)m[0].rm_so, eo = (size_t)m[0].rm_eo;
		buf_add(&out, subject + pos, so - pos);
		if (++count >= c->nth) {
			replacement(&out, c->repl, subject, m);
			done = true;
		} else {
			buf_add(&out, subject + so, eo - so);
		}
		pos = eo;
		if (so == eo) {
			/* an empty match: the next search starts one further on */
			if (pos < st->ps.len)
				buf_add(&out, subject + pos, 1);
			pos++;
		}
		if (done && !c->global)
			break;
	}
	if (!done) {
		free(out.s);
		return false;
	}
	if (pos < st->ps.len)
		buf_add(&out, subject + pos, st->ps.len - pos);
	free(st->ps.s);
	st->ps = out;
	return true;
}

enum flow { GO_ON, END_CYCLE, NEW_CYCLE, RESTART, QUIT, QUIT_SILENT };

/* Runs command k; sets *next to the command that follows. */
static enum flow execute(struct state *st, size_t k, size_t *next)
{
	struct sed_cmd *c = &st->s->cmds[k];
	*next = k + 1;
	if (selected(st, c) == c->negate) {
		if (c->name == '{')
			*next = c->jump + 1;
		return GO_ON;
	}
	char *nl;
	switch (c->name) {
	case '=':
		if (st->missing_nl)
			putchar('\n');
		st->missing_nl = false;
		printf("%ld\n", st->line);
		break;
	case 'a':
		st->append = realloc(st->append, (st->nappend + 1) * sizeof(*st->append));
		if (!st->append)
			exit(4);
		st->append[st->nappend++] = c->text;
		break;
	case 'i': output(st, c->text, strlen(c->text), true); break;
	case 'c':
		if (!c->in_range || c->negate)
			output(st, c->text, strlen(c->text), true);
		return NEW_CYCLE;
	case 'd': return NEW_CYCLE;
	case 'D':
		nl = memchr(st->ps.s, '\n', st->ps.len);
		if (!nl)
			return NEW_CYCLE;
		st->ps.len -= (size_t)(nl + 1 - st->ps.s);
		memmove(st->ps.s, nl + 1, st->ps.len + 1);
		return RESTART;
	case 'p': output(st, st->ps.s, st->ps.len, true); break;
	case 'P':
		nl = memchr(st->ps.s, '\n', st->ps.len);
		output(st, st->ps.s, nl ? (size_t)(nl - st->ps.s) : st->ps.len, true);
		break;
	case 'n':
		if (!st->in.have_next)
			return QUIT;
		if (!st->quiet)
			output(st, st->ps.s, st->ps.len, st->ps_nl);
		next_line(st, false);
		break;
	case 'N':
		if (!next_line(st, true))
			return QUIT;
		break;
	case 'g': buf_set(&st->ps, st->hold.s ? st->hold.s : "", st->hold.len); break;
	case 'G':
		buf_add(&st->ps, "\n", 1);
		buf_add(&st->ps, st->hold.s ? st->hold.s : "", st->hold.len);
		break;
	case 'h': buf_set(&st->hold, st->ps.s, st->ps.len); break;
	case 'H':
		buf_add(&st->hold, "\n", 1);
		buf_add(&st->hold, st->ps.s, st->ps.len);
		break;
	case 'x': {
		struct buf t = st->ps;
		st->ps = st->hold;
		st->hold = t;
		buf_add(&st->ps, "", 0);
		break;
	}
	case 'q': st->in.status = c->status; return QUIT;
	case 'Q': st->in.status = c->status; return QUIT_SILENT;
	case 's':
		if (substitute(st, c)) {
			st->replaced = true;
			if (c->print)
				output(st, st->ps.s, st->ps.len, true);
		}
		break;
	case 'y':
		for (size_t j = 0; j < st->ps.len; j++)
			st->ps.s[j] = (char)c->map[(unsigned char)st->ps.s[j]];
		break;
	case 't':
		if (!st->replaced)
			break;
		st->replaced = false;
		*next = c->jump;
		break;
	case 'b': *next = c->jump; break;
	}
	return GO_ON;
}

int sed_run(struct sed_script *s, char **files, bool quiet)
{
	struct state st = { .s = s, .quiet = quiet || s->quiet_comment };
	st.in.files = files;
	read_ahead(&st.in);
	bool restart = false;
	enum flow flow = GO_ON;
	while (flow != QUIT && flow != QUIT_SILENT) {
		if (!restart) {
			if (!next_line(&st, false))
				break;
			st.replaced = false;
		}
		restart = false;
		flow = GO_ON;
		size_t k = 0;
		while (flow == GO_ON && k < s->n)
			flow = execute(&st, k, &k);
		if ((flow == GO_ON || flow == QUIT) && !st.quiet)
			output(&st, st.ps.s, st.ps.len, st.ps_nl);
		restart = flow == RESTART;
		if (flow != QUIT_SILENT)
			flush_append(&st);
	}
	free(st.ps.s);
	free(st.hold.s);
	free(st.in.next.s);
	free(st.append);
	return st.in.status;
}
