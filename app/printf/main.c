// SPDX-License-Identifier: BSD-2-Clause
// printf format [argument...]: formats the arguments as C's printf would
// (conversions d i o u x X c s b e E f F g G a A %, flags, width and
// precision, "*" taken from an argument), with the escapes of XCU printf in
// the format and in %b arguments. The format is reused while arguments are
// left; missing ones are empty or zero. A number that is not entirely a
// number is reported (status 1) and what was read of it is used; 'c or "c
// gives the character's code.
#include "../lib/util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static char **args;
static int nargs, argi, status;

static const char *next_arg(void)
{
	return argi < nargs ? args[argi++] : NULL;
}

/* A numeric argument: 'c or "c is the character's value. */
static bool numeric(const char *s, long long *iv, unsigned long long *uv, double *dv, bool fp)
{
	if (!s) {
		*iv = 0, *uv = 0, *dv = 0;
		return true;
	}
	if (s[0] == '\'' || s[0] == '"') {
		*iv = (long long)(unsigned char)s[1];
		*uv = (unsigned long long)*iv;
		*dv = (double)*iv;
		return true;
	}
	char *end;
	errno = 0;
	if (fp) {
		*dv = strtod(s, &end);
	} else if (s[strspn(s, " \t")] == '-') {
		*iv = strtoll(s, &end, 0);
		*uv = (unsigned long long)*iv;
	} else {
		*uv = strtoull(s, &end, 0);
		*iv = (long long)*uv;
	}
	if (end == s || *end) {
		util_warnx("'%s': %s", s,
			   end == s ? "expected a numeric value"
				    : "value not completely converted");
		status = 1;
		return false;
	}
	if (errno == ERANGE) {
		util_warnx("'%s': %s", s, strerror(ERANGE));
		status = 1;
	}
	return true;
}

/* One escape after a backslash at *p; returns the byte, or -1 for \c
 * (stop all output). octal_zero: in %b, \0ddd (up to 3 digits after 0). */
static int escape(const char **p, bool in_b)
{
	char c = **p;
	static const char from[] = "\\abfnrtv\"'", to[] = "\\\a\b\f\n\r\t\v\"'";
	const char *hit = c ? strchr(from, c) : NULL;
	if (hit) {
		(*p)++;
		return to[hit - from];
	}
	if (c == 'c' && in_b) {
		(*p)++;
		return -1;
	}
	if (c >= '0' && c <= '7') {
		int max = in_b && c == '0' ? 4 : 3, v = 0, n = 0;
		while (n < max && **p >= '0' && **p <= '7') {
			v = v * 8 + (**p - '0');
			(*p)++;
			n++;
		}
		return v & 255;
	}
	return '\\';
}

/* %b's argument; false after \c. */
static bool print_b(const char *s, const char *spec_width)
{
	(void)spec_width;
	for (const char *p = s; *p;) {
		if (*p != '\\') {
			putchar(*p++);
			continue;
		}
		p++;
		int c = escape(&p, true);
		if (c < 0)
			return false;
		putchar(c);
	}
	return true;
}

/* One conversion: spec is "%" flags width precision, conv the letter. */
static bool convert(char *spec, size_t len, char conv)
{
	/* Widths and precisions given as "*" come from arguments. */
	char fmt[64];
	int stars[2], nstars = 0;
	for (size_t k = 0; k < len; k++)
		if (spec[k] == '*' && nstars < 2) {
			long long iv;
			unsigned long long uv;
			double dv;
			numeric(next_arg(), &iv, &uv, &dv, false);
			stars[nstars++] = (int)iv;
		}
	const char *a;
	long long iv;
	unsigned long long uv;
	double dv;
	switch (conv) {
	case 'd':
	case 'i':
		snprintf(fmt, sizeof(fmt), "%.*sll%c", (int)len, spec, conv);
		numeric(next_arg(), &iv, &uv, &dv, false);
		if (nstars == 2)
			printf(fmt, stars[0], stars[1], iv);
		else if (nstars == 1)
			printf(fmt, stars[0], iv);
		else
			printf(fmt, iv);
		return true;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		snprintf(fmt, sizeof(fmt), "%.*sll%c", (int)len, spec, conv);
		numeric(next_arg(), &iv, &uv, &dv, false);
		if (nstars == 2)
			printf(fmt, stars[0], stars[1], uv);
		else if (nstars == 1)
			printf(fmt, stars[0], uv);
		else
			printf(fmt, uv);
		return true;
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
	case 'a':
	case 'A':
		snprintf(fmt, sizeof(fmt), "%.*s%c", (int)len, spec, conv);
		numeric(next_arg(), &iv, &uv, &dv, true);
		if (nstars == 2)
			printf(fmt, stars[0], stars[1], dv);
		else if (nstars == 1)
			printf(fmt, stars[0], dv);
		else
			printf(fmt, dv);
		return true;
	case 'c':
	case 's':
		a = next_arg();
		if (!a)
			a = "";
		if (conv == 'c') {
			snprintf(fmt, sizeof(fmt), "%.*sc", (int)len, spec);
			if (nstars == 2)
				printf(fmt, stars[0], stars[1], a[0]);
			else if (nstars == 1)
				printf(fmt, stars[0], a[0]);
			else
				printf(fmt, a[0]);
			return true;
		}
		snprintf(fmt, sizeof(fmt), "%.*ss", (int)len, spec);
		if (nstars == 2)
			printf(fmt, stars[0], stars[1], a);
		else if (nstars == 1)
			printf(fmt, stars[0], a);
		else
			printf(fmt, a);
		return true;
	case 'b': a = next_arg(); return print_b(a ? a : "", NULL);
	default: return true;
	}
}

/* One pass over the format; false when output must stop (\c, an error). */
static bool run_format(const char *f, bool *used_args)
{
	for (const char *p = f; *p;) {
		if (*p == '\\') {
			p++;
			putchar(escape(&p, false));
			continue;
		}
		if (*p != '%') {
			putchar(*p++);
			continue;
		}
		if (p[1] == '%') {
			putchar('%');
			p += 2;
			continue;
		}
		const char *start = p++;
		p += strspn(p, "-+ #0");
		p += strspn(p, "0123456789*");
		if (*p == '.') {
			p++;
			p += strspn(p, "0123456789*");
		}
		if (!*p || !strchr("diouxXeEfFgGaAcsb", *p)) {
			util_warnx("%.*s: invalid conversion specification",
				   (int)(p - start + (*p != 0)), start);
			status = 1;
			return false;
		}
		size_t len = (size_t)(p - start);
		char spec[64];
		if (len >= sizeof(spec) - 8) {
			util_warnx("conversion specification too long");
			status = 1;
			return false;
		}
		memcpy(spec, start, len);
		*used_args = true;
		if (!convert(spec, len, *p++))
			return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	util_init(argv, "printf");
	int first = 1;
	if (argc > 1 && !strcmp(argv[1], "--"))
		first = 2;
	if (argc <= first)
		util_usage("format [argument...]");
	args = argv + first + 1;
	nargs = argc - first - 1;
	for (;;) {
		bool used = false;
		if (!run_format(argv[first], &used))
			break;
		if (!used || argi >= nargs)
			break;
	}
	return util_finish(status);
}
