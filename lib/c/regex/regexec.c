// SPDX-License-Identifier: BSD-2-Clause
// regexec: runs a program from regcomp (internal/regex.h) on a string.
//
// Without back-references the leftmost-longest match is found by an NFA
// simulation: one pass over the string with a set of states, each carrying
// the position its match started at; when two paths reach one state the one
// that started first wins. That answers a match with no subexpressions in
// linear time (grep's case).
//
// Subexpressions (and back-references, which no NFA can do) need the paths
// themselves: a backtracking search with an explicit choice stack and a trail
// that undoes assignments tries every path from the start position and keeps
// the best by POSIX's rules (the longest match; then each subexpression in
// order starts first and is longest). When the NFA already knows where the
// match ends, paths that overshoot are cut.
#include "../internal/regex.h"
#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

struct subject {
	const struct re_prog *prog;
	const unsigned char *s;
	long len;
	int eflags;
};

static bool at_bol(const struct subject *sj, long pos)
{
	if (pos == 0)
		return !(sj->eflags & REG_NOTBOL);
	return (sj->prog->cflags & REG_NEWLINE) && sj->s[pos - 1] == '\n';
}

static bool at_eol(const struct subject *sj, long pos)
{
	if (pos == sj->len)
		return !(sj->eflags & REG_NOTEOL);
	return (sj->prog->cflags & REG_NEWLINE) && sj->s[pos] == '\n';
}

/* Whether the consuming instruction i matches the byte at pos. */
static bool step_matches(const struct subject *sj, const struct re_inst *i, long pos)
{
	if (pos >= sj->len)
		return false;
	int c = sj->s[pos];
	switch (i->op) {
	case RE_CHAR: return ((sj->prog->cflags & REG_ICASE) ? tolower(c) : c) == i->x;
	case RE_ANY: return !(i->x && c == '\n');
	case RE_SET: return (sj->prog->sets[i->x][c >> 3] >> (c & 7)) & 1;
	default: return false;
	}
}

/* ---- the NFA ---- */

struct thread_list {
	int *pc;
	long *start;
	int n;
};

struct nfa {
	const struct subject *sj;
	long *seen; /* generation in which each pc was last added */
	long gen;
	int *stack;
	bool found;
	long so, eo;
};

/* Adds pc and every state reachable from it without consuming a byte. */
static void add_thread(struct nfa *m, struct thread_list *l, int pc0, long start, long pos)
{
	const struct re_inst *code = m->sj->prog->code;
	int sp = 0;
	m->stack[sp++] = pc0;
	while (sp) {
		int pc = m->stack[--sp];
		if (m->seen[pc] == m->gen)
			continue;
		m->seen[pc] = m->gen;
		const struct re_inst *i = &code[pc];
		switch (i->op) {
		case RE_JMP: m->stack[sp++] = i->x; break;
		case RE_SPLIT:
			m->stack[sp++] = i->y;
			m->stack[sp++] = i->x;
			break;
		case RE_LOOP:
			m->stack[sp++] = pc + 1;
			m->stack[sp++] = i->y;
			break;
		case RE_SAVE:
		case RE_CLEAR:
		case RE_MARK: m->stack[sp++] = pc + 1; break;
		case RE_BOL:
			if (at_bol(m->sj, pos))
				m->stack[sp++] = pc + 1;
			break;
		case RE_EOL:
			if (at_eol(m->sj, pos))
				m->stack[sp++] = pc + 1;
			break;
		case RE_MATCH:
			if (!m->found || start < m->so || (start == m->so && pos > m->eo)) {
				m->found = true;
				m->so = start;
				m->eo = pos;
			}
			break;
		default:
			l->pc[l->n] = pc;
			l->start[l->n++] = start;
			break;
		}
	}
}

static int nfa_search(const struct subject *sj, long *so, long *eo)
{
	int n = sj->prog->ncode;
	/* Every state pushes at most two others, each once per generation. */
	size_t words = 4 * (size_t)n + 2 * (size_t)n + (size_t)n + 2;
	long *mem = malloc(words * sizeof(long));
	int *stack = malloc((2 * (size_t)n + 2) * sizeof(int));
	if (!mem || !stack) {
		free(mem);
		free(stack);
		return REG_ESPACE;
	}
	struct thread_list a = { (int *)mem, mem + n, 0 },
			   b = { (int *)(mem + 2 * n), mem + 3 * n, 0 };
	struct nfa m = { .sj = sj, .seen = mem + 4 * n, .gen = 1, .stack = stack };
	for (int k = 0; k < n; k++)
		m.seen[k] = 0;
	struct thread_list *cur = &a, *next = &b;
	add_thread(&m, cur, 0, 0, 0);
	for (long pos = 0; pos < sj->len; pos++) {
		if (cur->n == 0 && m.found)
			break;
		m.gen++;
		next->n = 0;
		for (int t = 0; t < cur->n; t++) {
			if (m.found && cur->start[t] > m.so)
				continue;
			const struct re_inst *i = &sj->prog->code[cur->pc[t]];
			if (step_matches(sj, i, pos))
				add_thread(&m, next, cur->pc[t] + 1, cur->start[t], pos + 1);
		}
		if (!m.found)
			add_thread(&m, next, 0, pos + 1, pos + 1);
		struct thread_list *tmp = cur;
		cur = next;
		next = tmp;
	}
	free(mem);
	free(stack);
	if (!m.found)
		return REG_NOMATCH;
	*so = m.so;
	*eo = m.eo;
	return 0;
}

/* ---- backtracking ---- */

struct choice {
	int pc;
	long pos;
	size_t trail;
};

struct undo {
	int slot;
	long old;
};

struct search {
	const struct subject *sj;
	long *vals; /* 2 per tag (0: the whole match), then the loop marks */
	long *best;
	bool have_best;
	int ncaps; /* 2 * (nsub + 1) */
	struct choice *stack;
	size_t nstack, capstack;
	struct undo *trail;
	size_t ntrail, captrail;
	long steps;
};

static bool grow(void **p, size_t *cap, size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 64;
	void *q = realloc(*p, ncap * size);
	if (!q)
		return false;
	*p = q;
	*cap = ncap;
	return true;
}

static bool assign(struct search *s, int slot, long v)
{
	if (s->vals[slot] == v)
		return true;
	if (s->ntrail == s->captrail && !grow((void **)&s->trail, &s->captrail, sizeof(*s->trail)))
		return false;
	s->trail[s->ntrail++] = (struct undo){ slot, s->vals[slot] };
	s->vals[slot] = v;
	return true;
}

/* Whether the candidate in s->vals beats the best so far (same start). */
static bool better(const struct search *s)
{
	if (!s->have_best)
		return true;
	const long *c = s->vals, *b = s->best;
	if (c[1] != b[1])
		return c[1] > b[1];
	for (int k = 2; k < s->ncaps; k += 2) {
		if (c[k] == b[k]) {
			if (c[k + 1] != b[k + 1])
				return c[k + 1] > b[k + 1];
			continue;
		}
		if (b[k] < 0)
			return true;
		if (c[k] < 0)
			return false;
		return c[k] < b[k];
	}
	return false;
}

static bool backref_matches(const struct subject *sj, const long *vals, int n, long *pos)
{
	long so = vals[2 * n], eo = vals[2 * n + 1];
	if (so < 0 || eo < 0)
		return false;
	long len = eo - so;
	if (*pos + len > sj->len)
		return false;
	for (long k = 0; k < len; k++) {
		int a = sj->s[so + k], b = sj->s[*pos + k];
		if (sj->prog->cflags & REG_ICASE) {
			a = tolower(a);
			b = tolower(b);
		}
		if (a != b)
			return false;
	}
	*pos += len;
	return true;
}

/* Every path from start; with target >= 0 only matches ending there count,
 * with first_ok the first match found is enough. */
static int backtrack(struct search *s, long start, long target, bool first_ok)
{
	const struct subject *sj = s->sj;
	const struct re_inst *code = sj->prog->code;
	int nvals = s->ncaps + sj->prog->nmarks;
	for (int k = 0; k < nvals; k++)
		s->vals[k] = -1;
	s->vals[0] = start;
	s->nstack = s->ntrail = 0;
	int pc = 0;
	long pos = start;
	for (;;) {
		if (++s->steps > RE_STEP_LIMIT)
			return REG_ESPACE;
		const struct re_inst *i = &code[pc];
		bool ok = true;
		switch (i->op) {
		case RE_CHAR:
		case RE_ANY:
		case RE_SET:
			ok = step_matches(sj, i, pos) && (target < 0 || pos < target);
			pos++;
			pc++;
			break;
		case RE_BOL:
			ok = at_bol(sj, pos);
			pc++;
			break;
		case RE_EOL:
			ok = at_eol(sj, pos);
			pc++;
			break;
		case RE_BREF:
			ok = backref_matches(sj, s->vals, i->x, &pos) &&
				(target < 0 || pos <= target);
			pc++;
			break;
		case RE_SAVE:
			if (!assign(s, i->x, pos))
				return REG_ESPACE;
			pc++;
			break;
		case RE_CLEAR:
			for (int k = 2 * i->x; k <= 2 * i->y + 1; k++)
				if (!assign(s, k, -1))
					return REG_ESPACE;
			pc++;
			break;
		case RE_MARK:
			if (!assign(s, s->ncaps + i->x, pos))
				return REG_ESPACE;
			pc++;
			break;
		case RE_LOOP:
			/* An iteration that matched nothing ends the loop: another
			 * would match nothing again, for ever. */
			pc = pos == s->vals[s->ncaps + i->x] ? pc + 1 : i->y;
			break;
		case RE_JMP: pc = i->x; break;
		case RE_SPLIT:
			if (s->nstack == s->capstack &&
			    !grow((void **)&s->stack, &s->capstack, sizeof(*s->stack)))
				return REG_ESPACE;
			s->stack[s->nstack++] = (struct choice){ i->y, pos, s->ntrail };
			pc = i->x;
			break;
		case RE_MATCH:
			ok = false;
			if (target >= 0 && pos != target)
				break;
			s->vals[1] = pos;
			if (better(s)) {
				memcpy(s->best, s->vals, (size_t)s->ncaps * sizeof(long));
				s->have_best = true;
			}
			if (first_ok)
				return 0;
			break;
		}
		if (ok)
			continue;
		if (s->nstack == 0)
			break;
		struct choice *c = &s->stack[--s->nstack];
		while (s->ntrail > c->trail) {
			s->ntrail--;
			s->vals[s->trail[s->ntrail].slot] = s->trail[s->ntrail].old;
		}
		pc = c->pc;
		pos = c->pos;
	}
	return s->have_best ? 0 : REG_NOMATCH;
}

static int search_paths(const struct subject *sj, long so, long eo, bool first_ok, long *caps)
{
	const struct re_prog *prog = sj->prog;
	struct search s = { .sj = sj, .ncaps = 2 * (prog->ntags + 1), .best = caps };
	s.vals = malloc((size_t)(s.ncaps + prog->nmarks) * sizeof(long));
	if (!s.vals)
		return REG_ESPACE;
	int rc = REG_NOMATCH;
	if (eo >= 0) {
		rc = backtrack(&s, so, eo, first_ok);
	} else {
		for (long start = 0; start <= sj->len && rc == REG_NOMATCH; start++)
			rc = backtrack(&s, start, -1, first_ok);
	}
	free(s.vals);
	free(s.stack);
	free(s.trail);
	return rc;
}

int regexec(const regex_t *restrict preg, const char *restrict string, size_t nmatch,
	    regmatch_t pmatch[restrict], int eflags)
{
	const struct re_prog *prog = preg->__prog;
	struct subject sj = { prog, (const unsigned char *)string, (long)strlen(string), eflags };
	if (prog->cflags & REG_NOSUB)
		nmatch = 0;
	long so = 0, eo = -1;
	if (!prog->has_bref) {
		int rc = nfa_search(&sj, &so, &eo);
		if (rc)
			return rc;
		if (nmatch == 1 || (nmatch > 1 && prog->nsub == 0)) {
			pmatch[0].rm_so = so;
			pmatch[0].rm_eo = eo;
			for (size_t k = 1; k < nmatch; k++)
				pmatch[k].rm_so = pmatch[k].rm_eo = -1;
			return 0;
		}
		if (nmatch == 0)
			return 0;
	}
	long *caps = malloc(2 * ((size_t)prog->ntags + 1) * sizeof(long));
	if (!caps)
		return REG_ESPACE;
	int rc = search_paths(&sj, so, eo, nmatch == 0, caps);
	if (rc == 0) {
		for (size_t k = 0; k < nmatch; k++) {
			int t = k <= (size_t)prog->nsub ? prog->group_tag[k] : -1;
			bool have = t >= 0 && caps[2 * t] >= 0 && caps[2 * t + 1] >= 0;
			pmatch[k].rm_so = have ? caps[2 * t] : -1;
			pmatch[k].rm_eo = have ? caps[2 * t + 1] : -1;
		}
	}
	free(caps);
	return rc;
}
