// SPDX-License-Identifier: BSD-2-Clause
// test expression, [ expression ]: evaluates a conditional expression
// (POSIX XCU test). With up to four arguments the meaning follows POSIX's
// table by argument count; beyond that a grammar with XSI's "-a", "-o",
// "!" and parentheses ("-a" binds tighter than "-o"). Status 0 true, 1
// false, 2 on an error.
#include "../lib/util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **args;
static int nargs, pos;

static _Noreturn void syntax(const char *what, const char *arg)
{
	if (arg)
		util_warnx("%s: %s", arg, what);
	else
		util_warnx("%s", what);
	exit(2);
}

static long integer(const char *s)
{
	long v;
	const char *p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!util_parse_long(p, &v))
		syntax("integer expression expected", s);
	return v;
}

static bool is_unary(const char *op)
{
	return op[0] == '-' && op[1] && !op[2] && strchr("bcdefghLnprSstuwxz", op[1]);
}

static bool is_binary(const char *op)
{
	static const char *const ops[] = { "=",	  "!=",	 "-eq", "-ne", "-gt", "-ge",
					   "-lt", "-le", "-nt", "-ot", "-ef", "==" };
	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
		if (!strcmp(op, ops[k]))
			return true;
	return false;
}

static bool unary(const char *op, const char *arg)
{
	struct stat st;
	char c = op[1];
	if (c == 'n')
		return arg[0] != 0;
	if (c == 'z')
		return arg[0] == 0;
	if (c == 't') {
		long fd = integer(arg);
		return fd >= 0 && fd <= 1000000 && isatty((int)fd);
	}
	if (c == 'r' || c == 'w' || c == 'x')
		return access(arg, c == 'r' ? R_OK : c == 'w' ? W_OK : X_OK) == 0;
	if (c == 'h' || c == 'L')
		return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	if (stat(arg, &st) != 0)
		return false;
	switch (c) {
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'e': return true;
	case 'f': return S_ISREG(st.st_mode);
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'p': return S_ISFIFO(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 's': return st.st_size > 0;
	case 'u': return (st.st_mode & S_ISUID) != 0;
	default: return false;
	}
}

static bool newer(const struct stat *a, const struct stat *b)
{
	return a->st_mtim.tv_sec > b->st_mtim.tv_sec ||
		(a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec > b->st_mtim.tv_nsec);
}

static bool binary(const char *a, const char *op, const char *b)
{
	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return !strcmp(a, b);
	if (!strcmp(op, "!="))
		return strcmp(a, b) != 0;
	if (op[1] == 'n' || op[1] == 'o' || !strcmp(op, "-ef")) {
		struct stat sa, sb;
		bool ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;
		if (!strcmp(op, "-nt"))
			return ha && (!hb || newer(&sa, &sb));
		if (!strcmp(op, "-ot"))
			return hb && (!ha || newer(&sb, &sa));
		return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	}
	long x = integer(a), y = integer(b);
	if (!strcmp(op, "-eq"))
		return x == y;
	if (!strcmp(op, "-ne"))
		return x != y;
	if (!strcmp(op, "-gt"))
		return x > y;
	if (!strcmp(op, "-ge"))
		return x >= y;
	if (!strcmp(op, "-lt"))
		return x < y;
	return x <= y;
}

/* ---- the grammar, for more than four arguments ---- */

static bool or_expr(void);

static const char *peek(int k)
{
	return pos + k < nargs ? args[pos + k] : NULL;
}

static bool primary(void)
{
	const char *a = peek(0);
	if (!a)
		syntax("argument expected", NULL);
	if (!strcmp(a, "!")) {
		pos++;
		return !primary();
	}
	if (!strcmp(a, "(") && peek(1)) {
		pos++;
		bool v = or_expr();
		if (!peek(0) || strcmp(peek(0), ")"))
			syntax("')' expected", NULL);
		pos++;
		return v;
	}
	if (peek(1) && is_binary(peek(1)) && peek(2)) {
		pos += 3;
		return binary(a, args[pos - 2], args[pos - 1]);
	}
	if (is_unary(a) && peek(1)) {
		pos += 2;
		return unary(a, args[pos - 1]);
	}
	pos++;
	return a[0] != 0;
}

static bool and_expr(void)
{
	bool v = primary();
	while (peek(0) && !strcmp(peek(0), "-a")) {
		pos++;
		v = primary() && v;
	}
	return v;
}

static bool or_expr(void)
{
	bool v = and_expr();
	while (peek(0) && !strcmp(peek(0), "-o")) {
		pos++;
		v = and_expr() || v;
	}
	return v;
}

/* POSIX's table for n <= 4 arguments starting at a. */
static bool by_count(char **a, int n)
{
	switch (n) {
	case 0: return false;
	case 1: return a[0][0] != 0;
	case 2:
		if (!strcmp(a[0], "!"))
			return a[1][0] == 0;
		if (is_unary(a[0]))
			return unary(a[0], a[1]);
		syntax("unary operator expected", a[0]);
	case 3:
		if (is_binary(a[1]))
			return binary(a[0], a[1], a[2]);
		if (!strcmp(a[1], "-a"))
			return a[0][0] && a[2][0];
		if (!strcmp(a[1], "-o"))
			return a[0][0] || a[2][0];
		if (!strcmp(a[0], "!"))
			return !by_count(a + 1, 2);
		if (!strcmp(a[0], "(") && !strcmp(a[2], ")"))
			return a[1][0] != 0;
		syntax("binary operator expected", a[1]);
	default:
		if (!strcmp(a[0], "!"))
			return !by_count(a + 1, 3);
		if (!strcmp(a[0], "(") && !strcmp(a[3], ")"))
			return by_count(a + 1, 2);
		break;
	}
	pos = 0;
	bool v = or_expr();
	if (pos != nargs)
		syntax("extra argument", args[pos]);
	return v;
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	bool bracket = !strcmp(base, "[");
	util_init(argv, bracket ? "[" : "test");
	if (bracket) {
		if (argc < 2 || strcmp(argv[argc - 1], "]")) {
			util_warnx("missing ']'");
			return 2;
		}
		argc--;
	}
	args = argv + 1;
	nargs = argc - 1;
	return by_count(args, nargs) ? 0 : 1;
}
