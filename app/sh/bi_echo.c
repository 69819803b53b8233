// SPDX-License-Identifier: BSD-2-Clause
// Output builtins: echo (as dash and XSI: -n, and backslash escapes) and
// printf (POSIX, with the format reused for the remaining arguments).
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"

/* One backslash escape at s (after the backslash); returns the number of
 * characters used, writes the byte to *out; *stop for \c. */
static size_t escape(const char *s, int *out, int *stop, int octal_needs_zero)
{
	static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";
	const char *p = strchr(from, *s);
	if (*s && p) {
		*out = to[p - from];
		return 1;
	}
	if (*s == 'c') {
		*stop = 1;
		*out = -1;
		return 1;
	}
	if (*s == '0' || (!octal_needs_zero && *s >= '1' && *s <= '7')) {
		size_t n = 0, max = 3;
		int v = 0;
		if (*s == '0' && octal_needs_zero) {
			s++;
			n = 1;
			max = 4;
		}
		while (n < max && *s >= '0' && *s <= '7') {
			v = v * 8 + (*s++ - '0');
			n++;
		}
		*out = v & 0xff;
		return n;
	}
	*out = '\\';
	return 0;
}

/* Writes s with escapes; returns 1 if \c stopped the output. */
static int put_escaped(const char *s, int octal_needs_zero)
{
	for (; *s; s++) {
		if (*s != '\\') {
			putchar(*s);
			continue;
		}
		int c, stop = 0;
		size_t n = escape(s + 1, &c, &stop, octal_needs_zero);
		if (stop)
			return 1;
		putchar(c);
		s += n;
	}
	return 0;
}

int bi_echo(int argc, char **argv)
{
	int i = 1, nl = 1;
	if (i < argc && !strcmp(argv[i], "-n")) {
		nl = 0;
		i++;
	}
	for (; i < argc; i++) {
		if (put_escaped(argv[i], 1))
			return 0;
		if (i + 1 < argc)
			putchar(' ');
	}
	if (nl)
		putchar('\n');
	return 0;
}

static int printf_status;

static long num_arg(const char *s)
{
	if (s[0] == '\'' || s[0] == '"')
		return (unsigned char)s[1];
	char *end;
	errno = 0;
	long v = strtol(s, &end, 0);
	if (*s == 0)
		return 0;
	if (*end || errno) {
		sh_error("printf: %s: %s", s, errno ? "out of range" : "invalid number");
		printf_status = 1;
	}
	return v;
}

/* One pass over the format; returns how many arguments it used, or -1 if
 * \c ended the output. */
static int format_once(const char *f, int argc, char **argv)
{
	int used = 0;
	for (; *f; f++) {
		if (*f == '\\') {
			int c, stop = 0;
			size_t n = escape(f + 1, &c, &stop, 0);
			if (stop)
				return -1;
			putchar(c);
			f += n;
			continue;
		}
		if (*f != '%') {
			putchar(*f);
			continue;
		}
		if (f[1] == '%') {
			putchar('%');
			f++;
			continue;
		}
		/* %[flags][width][.precision]conv, * taken from the arguments */
		char spec[64];
		size_t sl = 0;
		spec[sl++] = '%';
		f++;
		while (*f && strchr("-+ #0", *f) && sl < 20)
			spec[sl++] = *f++;
		for (int part = 0; part < 2; part++) {
			if (part == 1) {
				if (*f != '.')
					break;
				spec[sl++] = *f++;
			}
			if (*f == '*') {
				long w = used < argc ? num_arg(argv[used]) : 0;
				used++;
				sl += (size_t)snprintf(spec + sl, sizeof spec - sl - 8, "%ld", w);
				f++;
			} else
				while (isdigit((unsigned char)*f) && sl < 40)
					spec[sl++] = *f++;
		}
		char conv = *f;
		const char *arg = used < argc ? argv[used] : NULL;
		if (!conv || !strchr("diouxXcsbeEfgG", conv)) {
			sh_error("printf: %%%c: invalid directive", conv ? conv : ' ');
			printf_status = 1;
			if (!conv)
				return used;
			continue;
		}
		used++;
		if (conv == 'b') {
			spec[sl++] = 's';
			spec[sl] = 0;
			/* The escapes first, then the width and precision. */
			struct strbuf b = { 0 };
			int stop = 0;
			for (const char *s = arg ? arg : ""; *s && !stop; s++) {
				if (*s != '\\') {
					sb_addc(&b, *s);
					continue;
				}
				int c;
				s += escape(s + 1, &c, &stop, 1);
				if (!stop)
					sb_addc(&b, (char)c);
			}
			printf(spec, b.s ? b.s : "");
			sb_free(&b);
			if (stop)
				return -1;
		} else if (conv == 's' || conv == 'c') {
			spec[sl++] = conv;
			spec[sl] = 0;
			if (conv == 's')
				printf(spec, arg ? arg : "");
			else
				printf(spec, arg ? arg[0] : 0);
		} else if (strchr("eEfgG", conv)) {
			spec[sl++] = conv;
			spec[sl] = 0;
			printf(spec, arg ? strtod(arg, NULL) : 0.0);
		} else {
			spec[sl++] = 'l';
			spec[sl++] = conv;
			spec[sl] = 0;
			long v = arg ? num_arg(arg) : 0;
			if (conv == 'd' || conv == 'i')
				printf(spec, v);
			else
				printf(spec, (unsigned long)v);
		}
	}
	return used;
}

int bi_printf(int argc, char **argv)
{
	int i = 1;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc) {
		sh_error("printf: usage: printf format [arg ...]");
		return 2;
	}
	const char *fmt = argv[i++];
	printf_status = 0;
	int left = argc - i;
	char **args = argv + i;
	do {
		int used = format_once(fmt, left, args);
		if (used < 0)
			break;
		if (used == 0)
			break;
		args += used > left ? left : used;
		left -= used > left ? left : used;
	} while (left > 0);
	return printf_status;
}
