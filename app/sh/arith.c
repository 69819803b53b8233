// SPDX-License-Identifier: BSD-2-Clause
// Arithmetic expansion: C integer expressions over long, with variables,
// assignment operators, ?:, short-circuit && and || (the branch not taken
// is parsed but has no effect).
#include <ctype.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct ar {
	const char *s;
	const char *p;
	jmp_buf fail;
	const char *why;
};

static _Noreturn void fail(struct ar *a, const char *why)
{
	a->why = why;
	longjmp(a->fail, 1);
}

static void skip(struct ar *a)
{
	while (isspace((unsigned char)*a->p))
		a->p++;
}

/* Whether the next token is op (and not a longer operator); consumes it. */
static int accept(struct ar *a, const char *op)
{
	skip(a);
	size_t n = strlen(op);
	if (strncmp(a->p, op, n))
		return 0;
	char next = a->p[n];
	/* "<" is not "<<" or "<=", "&" is not "&&", "=" is not "==" ... */
	if (n == 1 && strchr("<>&|=*/%+-^!", op[0]) && (next == '=' || next == op[0])) {
		if (!(op[0] == '!' && next == '!'))
			return 0;
	}
	if (n == 2 && (op[0] == '<' || op[0] == '>') && op[1] == op[0] && next == '=')
		return 0;
	a->p += n;
	return 1;
}

static long var_value(struct ar *a, const char *name)
{
	const char *v = var_get(name);
	if (!v || !*v)
		return 0;
	char *end;
	long x = strtol(v, &end, 0);
	while (isspace((unsigned char)*end))
		end++;
	if (*end)
		fail(a, "bad number in variable");
	return x;
}

static void var_store(const char *name, long v, int eval)
{
	if (!eval)
		return;
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", v);
	var_set(name, buf, 0);
}

static long expr(struct ar *a, int eval);
static long assign(struct ar *a, int eval);

static long unary(struct ar *a, int eval);

static long primary(struct ar *a, int eval)
{
	skip(a);
	if (accept(a, "(")) {
		long v = expr(a, eval);
		if (!accept(a, ")"))
			fail(a, "missing ')'");
		return v;
	}
	if (isdigit((unsigned char)*a->p)) {
		char *end;
		long v = strtol(a->p, &end, 0);
		if (isalnum((unsigned char)*end) || *end == '_')
			fail(a, "bad number");
		a->p = end;
		return v;
	}
	if (isalpha((unsigned char)*a->p) || *a->p == '_') {
		const char *st = a->p;
		while (isalnum((unsigned char)*a->p) || *a->p == '_')
			a->p++;
		char name[256];
		size_t n = (size_t)(a->p - st);
		if (n >= sizeof name)
			fail(a, "name too long");
		memcpy(name, st, n);
		name[n] = 0;
		skip(a);
		if (!strncmp(a->p, "++", 2) || !strncmp(a->p, "--", 2)) {
			int inc = a->p[0] == '+';
			a->p += 2;
			long v = var_value(a, name);
			var_store(name, inc ? v + 1 : v - 1, eval);
			return v;
		}
		return eval ? var_value(a, name) : 0;
	}
	if (!*a->p)
		fail(a, "expression expected");
	fail(a, "syntax error");
}

static long unary(struct ar *a, int eval)
{
	skip(a);
	if (!strncmp(a->p, "++", 2) || !strncmp(a->p, "--", 2)) {
		int inc = a->p[0] == '+';
		a->p += 2;
		skip(a);
		const char *st = a->p;
		while (isalnum((unsigned char)*a->p) || *a->p == '_')
			a->p++;
		if (st == a->p)
			fail(a, "variable expected");
		char *name = xstrndup(st, (size_t)(a->p - st));
		long v = var_value(a, name) + (inc ? 1 : -1);
		var_store(name, v, eval);
		free(name);
		return v;
	}
	if (accept(a, "!"))
		return !unary(a, eval);
	if (accept(a, "~"))
		return ~unary(a, eval);
	if (accept(a, "-"))
		return -(unsigned long)unary(a, eval);
	if (accept(a, "+"))
		return unary(a, eval);
	return primary(a, eval);
}

/* Binary levels, from the tightest. */
static long binary(struct ar *a, int level, int eval)
{
	if (level == 0)
		return unary(a, eval);
	long l = binary(a, level - 1, eval);
	for (;;) {
		skip(a);
		long r;
		switch (level) {
		case 1:
			if (accept(a, "*"))
				l = (long)((unsigned long)l * (unsigned long)binary(a, 0, eval));
			else if (accept(a, "/") || accept(a, "%")) {
				int mod = a->p[-1] == '%';
				r = binary(a, 0, eval);
				if (!eval)
					continue;
				if (r == 0)
					fail(a, "division by zero");
				if (r == -1)
					l = mod ? 0 : -(unsigned long)l;
				else
					l = mod ? l % r : l / r;
			} else
				return l;
			break;
		case 2:
			if (accept(a, "+"))
				l = (long)((unsigned long)l + (unsigned long)binary(a, 1, eval));
			else if (accept(a, "-"))
				l = (long)((unsigned long)l - (unsigned long)binary(a, 1, eval));
			else
				return l;
			break;
		case 3:
			if (accept(a, "<<"))
				l = (long)((unsigned long)l << (binary(a, 2, eval) & 63));
			else if (accept(a, ">>"))
				l = l >> (binary(a, 2, eval) & 63);
			else
				return l;
			break;
		case 4:
			if (accept(a, "<="))
				l = l <= binary(a, 3, eval);
			else if (accept(a, ">="))
				l = l >= binary(a, 3, eval);
			else if (accept(a, "<"))
				l = l < binary(a, 3, eval);
			else if (accept(a, ">"))
				l = l > binary(a, 3, eval);
			else
				return l;
			break;
		case 5:
			if (accept(a, "=="))
				l = l == binary(a, 4, eval);
			else if (accept(a, "!="))
				l = l != binary(a, 4, eval);
			else
				return l;
			break;
		case 6:
			if (accept(a, "&"))
				l &= binary(a, 5, eval);
			else
				return l;
			break;
		case 7:
			if (accept(a, "^"))
				l ^= binary(a, 6, eval);
			else
				return l;
			break;
		case 8:
			if (accept(a, "|"))
				l |= binary(a, 7, eval);
			else
				return l;
			break;
		case 9:
			if (accept(a, "&&")) {
				r = binary(a, 8, eval && l);
				l = l && r;
			} else
				return l;
			break;
		case 10:
			if (accept(a, "||")) {
				r = binary(a, 9, eval && !l);
				l = l || r;
			} else
				return l;
			break;
		}
	}
}

static long ternary(struct ar *a, int eval)
{
	long c = binary(a, 10, eval);
	if (!accept(a, "?"))
		return c;
	long x = assign(a, eval && c);
	if (!accept(a, ":"))
		fail(a, "missing ':'");
	long y = ternary(a, eval && !c);
	return c ? x : y;
}

static long assign(struct ar *a, int eval)
{
	static const char *const ops[] = { "=",	  "+=",	 "-=", "*=", "/=", "%=",
					   "<<=", ">>=", "&=", "^=", "|=", NULL };
	skip(a);
	const char *st = a->p;
	if (isalpha((unsigned char)*a->p) || *a->p == '_') {
		const char *q = a->p;
		while (isalnum((unsigned char)*q) || *q == '_')
			q++;
		const char *e = q;
		while (isspace((unsigned char)*q))
			q++;
		for (int i = 0; ops[i]; i++) {
			size_t n = strlen(ops[i]);
			if (strncmp(q, ops[i], n) || q[n] == '=')
				continue;
			if (n == 1 && q[1] == '=')
				continue;
			char *name = xstrndup(st, (size_t)(e - st));
			a->p = q + n;
			long r = assign(a, eval);
			long l = eval ? var_value(a, name) : 0;
			switch (ops[i][0]) {
			case '=': l = r; break;
			case '+': l = (long)((unsigned long)l + (unsigned long)r); break;
			case '-': l = (long)((unsigned long)l - (unsigned long)r); break;
			case '*': l = (long)((unsigned long)l * (unsigned long)r); break;
			case '/':
			case '%':
				if (eval && r == 0) {
					free(name);
					fail(a, "division by zero");
				}
				if (eval)
					l = r == -1 ? (ops[i][0] == '%' ? 0 : -(unsigned long)l)
						    : (ops[i][0] == '/' ? l / r : l % r);
				break;
			case '<': l = (long)((unsigned long)l << (r & 63)); break;
			case '>': l >>= (r & 63); break;
			case '&': l &= r; break;
			case '^': l ^= r; break;
			case '|': l |= r; break;
			}
			var_store(name, l, eval);
			free(name);
			return l;
		}
	}
	return ternary(a, eval);
}

static long expr(struct ar *a, int eval)
{
	long v = assign(a, eval);
	while (accept(a, ","))
		v = assign(a, eval);
	return v;
}

int arith_eval(const char *s, long *result)
{
	struct ar a = { .s = s, .p = s };
	if (setjmp(a.fail)) {
		sh_error("arithmetic expression: %s: \"%s\"", a.why, s);
		return -1;
	}
	skip(&a);
	if (!*a.p) {
		*result = 0;
		return 0;
	}
	*result = expr(&a, 1);
	skip(&a);
	if (*a.p) {
		a.why = "syntax error";
		sh_error("arithmetic expression: %s: \"%s\"", a.why, s);
		return -1;
	}
	return 0;
}
