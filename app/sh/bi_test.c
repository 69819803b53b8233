// SPDX-License-Identifier: BSD-2-Clause
// test and [: POSIX's rules by argument count up to four arguments, and a
// recursive descent over ! -a -o ( ) beyond.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"

struct targs {
	char **v;
	int n, i;
	int error;
};

static int is_unary(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghLnprsStuwxzO", s[1]);
}

static int is_binary(const char *s)
{
	static const char *const ops[] = { "=",	  "!=",	 "-eq", "-ne", "-lt", "-le", "-gt",
					   "-ge", "-nt", "-ot", "-ef", "<",   ">",   NULL };
	for (int i = 0; ops[i]; i++)
		if (!strcmp(s, ops[i]))
			return 1;
	return 0;
}

static long tnum(struct targs *t, const char *s)
{
	char *end;
	errno = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno) {
		sh_error("test: %s: bad number", s);
		t->error = 1;
	}
	return v;
}

static int unary(struct targs *t, const char *op, const char *arg)
{
	struct stat st;
	char c = op[1];
	if (c == 'n')
		return *arg != 0;
	if (c == 'z')
		return *arg == 0;
	if (c == 't')
		return isatty((int)tnum(t, arg));
	if (c == 'L' || c == 'h')
		return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	if (c == 'r')
		return access(arg, R_OK) == 0;
	if (c == 'w')
		return access(arg, W_OK) == 0;
	if (c == 'x')
		return access(arg, X_OK) == 0;
	if (stat(arg, &st) < 0)
		return 0;
	switch (c) {
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'p': return S_ISFIFO(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 's': return st.st_size > 0;
	case 'u': return (st.st_mode & S_ISUID) != 0;
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'O': return st.st_uid == geteuid();
	}
	return 0;
}

static int binary(struct targs *t, const char *a, const char *op, const char *b)
{
	if (!strcmp(op, "="))
		return !strcmp(a, b);
	if (!strcmp(op, "!="))
		return strcmp(a, b) != 0;
	if (!strcmp(op, "<"))
		return strcmp(a, b) < 0;
	if (!strcmp(op, ">"))
		return strcmp(a, b) > 0;
	if (!strcmp(op, "-nt") || !strcmp(op, "-ot") || !strcmp(op, "-ef")) {
		struct stat sa, sb;
		int ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;
		if (op[1] == 'e')
			return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
		if (op[1] == 'n')
			return ha && (!hb || sa.st_mtime > sb.st_mtime);
		return hb && (!ha || sa.st_mtime < sb.st_mtime);
	}
	long x = tnum(t, a), y = tnum(t, b);
	if (!strcmp(op, "-eq"))
		return x == y;
	if (!strcmp(op, "-ne"))
		return x != y;
	if (!strcmp(op, "-lt"))
		return x < y;
	if (!strcmp(op, "-le"))
		return x <= y;
	if (!strcmp(op, "-gt"))
		return x > y;
	return x >= y;
}

static int t_or(struct targs *t);

static const char *take(struct targs *t)
{
	if (t->i >= t->n) {
		sh_error("test: argument expected");
		t->error = 1;
		return "";
	}
	return t->v[t->i++];
}

static int t_primary(struct targs *t)
{
	const char *a = take(t);
	if (!strcmp(a, "!"))
		return !t_primary(t);
	if (!strcmp(a, "(") && t->i < t->n) {
		int r = t_or(t);
		if (t->i >= t->n || strcmp(t->v[t->i], ")")) {
			sh_error("test: closing paren expected");
			t->error = 1;
			return 0;
		}
		t->i++;
		return r;
	}
	if (t->i + 1 < t->n && is_binary(t->v[t->i])) {
		const char *op = take(t);
		return binary(t, a, op, take(t));
	}
	if (is_unary(a) && t->i < t->n)
		return unary(t, a, take(t));
	return *a != 0;
}

static int t_and(struct targs *t)
{
	int r = t_primary(t);
	while (t->i < t->n && !strcmp(t->v[t->i], "-a")) {
		t->i++;
		int r2 = t_primary(t);
		r = r && r2;
	}
	return r;
}

static int t_or(struct targs *t)
{
	int r = t_and(t);
	while (t->i < t->n && !strcmp(t->v[t->i], "-o")) {
		t->i++;
		int r2 = t_and(t);
		r = r || r2;
	}
	return r;
}

/* POSIX's fixed meanings for up to four arguments. */
static int t_by_count(struct targs *t, char **v, int n)
{
	switch (n) {
	case 0: return 0;
	case 1: return *v[0] != 0;
	case 2:
		if (!strcmp(v[0], "!"))
			return *v[1] == 0;
		if (is_unary(v[0]))
			return unary(t, v[0], v[1]);
		break;
	case 3:
		if (is_binary(v[1]))
			return binary(t, v[0], v[1], v[2]);
		if (!strcmp(v[0], "!"))
			return !t_by_count(t, v + 1, 2);
		if (!strcmp(v[0], "(") && !strcmp(v[2], ")"))
			return *v[1] != 0;
		break;
	case 4:
		if (!strcmp(v[0], "!"))
			return !t_by_count(t, v + 1, 3);
		if (!strcmp(v[0], "(") && !strcmp(v[3], ")"))
			return t_by_count(t, v + 1, 2);
		break;
	}
	t->v = v;
	t->n = n;
	t->i = 0;
	int r = t_or(t);
	if (t->i < t->n) {
		sh_error("test: %s: unexpected operator", t->v[t->i]);
		t->error = 1;
	}
	return r;
}

int bi_test(int argc, char **argv)
{
	if (!strcmp(argv[0], "[")) {
		if (strcmp(argv[argc - 1], "]")) {
			sh_error("[: missing ]");
			return 2;
		}
		argc--;
	}
	struct targs t = { 0 };
	int r = t_by_count(&t, argv + 1, argc - 1);
	return t.error ? 2 : !r;
}
