// SPDX-License-Identifier: BSD-2-Clause
// The scanf engine: directives, whitespace, literals and every conversion
// (%d %i %u %o %x %X %p, %e %f %g %a and capitals, %c %s %[ %n %%, and
// %lc %ls for wide characters), with
// widths, '*' and length modifiers. Numbers are gathered as the longest
// prefix of their syntax (one character of push-back, as C requires) and
// then converted by strtoll/strtoull/strtod/strtof; a gathered text the
// conversion does not use up entirely ("1e+", "0x" for a float) is a
// matching failure. Input comes through a callback (internal/format.h).
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../internal/format.h"

/* Numeric fields longer than this are a matching failure. */
#define NUM_MAX 4096

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T, LEN_BIG_L };

struct scan {
	const struct __vg_input *in;
	size_t consumed;
	size_t width; /* of the current field: reads left */
	bool at_end; /* the input has ended */
};

static int get(struct scan *s)
{
	if (!s->width)
		return EOF;
	int c = s->in->get(s->in->ctx);
	if (c == EOF)
		s->at_end = true;
	if (c != EOF) {
		s->consumed++;
		s->width--;
	}
	return c;
}

static void unget(struct scan *s, int c)
{
	if (c != EOF) {
		s->in->unget(s->in->ctx, c);
		s->consumed--;
		s->width++;
	}
}

/* Skips white space; false at the end of the input. */
static bool skip_space(struct scan *s)
{
	size_t w = s->width;
	s->width = SIZE_MAX;
	int c;
	while ((c = get(s)) != EOF && isspace(c))
		;
	unget(s, c);
	s->width = w;
	return c != EOF;
}

struct numbuf {
	char t[NUM_MAX + 1];
	size_t n;
	bool full;
};

static int add(struct numbuf *b, struct scan *s, int c)
{
	if (b->n < NUM_MAX)
		b->t[b->n++] = (char)c;
	else
		b->full = true;
	return get(s);
}

static int add_digits(struct numbuf *b, struct scan *s, int c, int base, bool *any)
{
	while (c != EOF &&
	       (base == 16	    ? isxdigit(c)
			: base == 8 ? (c >= '0' && c <= '7')
				    : isdigit(c))) {
		*any = true;
		c = add(b, s, c);
	}
	return c;
}

/* Gathers an integer of the base (0: by prefix); false on a matching
 * failure. */
static bool gather_int(struct numbuf *b, struct scan *s, int *base)
{
	bool any = false;
	int c = get(s);
	if (c == '+' || c == '-')
		c = add(b, s, c);
	if ((*base == 0 || *base == 16) && c == '0') {
		any = true;
		c = add(b, s, c);
		if (c == 'x' || c == 'X') {
			*base = 16;
			c = add(b, s, c);
		} else if (*base == 0) {
			*base = 8;
		}
	} else if (*base == 0) {
		*base = 10;
	}
	c = add_digits(b, s, c, *base, &any);
	unget(s, c);
	b->t[b->n] = 0;
	return any && !b->full;
}

/* Gathers the whole of word (case-insensitively) or fails. */
static bool gather_word(struct numbuf *b, struct scan *s, int *c, const char *word)
{
	for (; *word; word++) {
		if (*c == EOF || (*c | 0x20) != *word)
			return false;
		*c = add(b, s, *c);
	}
	return true;
}

/* Gathers the text of a floating-point number the way glibc does: the
 * longest prefix of the syntax, where an exponent marker (and its sign) may
 * end the text, "infinity" and "nan" must be complete words (and "inf" the
 * complete start of "infinity" once an 'i' follows it), "0x" must be
 * followed by a hexadecimal digit or the point (and is only read whole within
 * the width), and a decimal number needs a digit. Returns false on a
 * matching failure; strtod converts the longest valid start of the text. */
static bool gather_float(struct numbuf *b, struct scan *s)
{
	int c = get(s);
	bool ok;
	if (c == '+' || c == '-')
		c = add(b, s, c);
	if (c != EOF && (c | 0x20) == 'n') {
		ok = gather_word(b, s, &c, "nan");
	} else if (c != EOF && (c | 0x20) == 'i') {
		ok = gather_word(b, s, &c, "inf");
		if (ok && c != EOF && (c | 0x20) == 'i')
			ok = gather_word(b, s, &c, "inity");
	} else {
		bool any = false, hex = false;
		if (c == '0') {
			any = true;
			c = add(b, s, c);
			if ((c == 'x' || c == 'X') && s->width) {
				hex = true;
				c = add(b, s, c);
				if (c == EOF || !(isxdigit(c) || c == '.')) {
					unget(s, c);
					return false;
				}
			}
		}
		int base = hex ? 16 : 10;
		c = add_digits(b, s, c, base, &any);
		if (c == '.') {
			c = add(b, s, c);
			c = add_digits(b, s, c, base, &any);
		}
		if (any && c != EOF && (c | 0x20) == (hex ? 'p' : 'e')) {
			c = add(b, s, c);
			if (c == '+' || c == '-')
				c = add(b, s, c);
			bool edig = false;
			c = add_digits(b, s, c, 10, &edig);
		}
		ok = any || hex;
	}
	unget(s, c);
	b->t[b->n] = 0;
	return ok && !b->full;
}

static void store_int(va_list *ap, int len, uint64_t v)
{
	switch (len) {
	case LEN_HH: *va_arg(*ap, char *) = (char)v; break;
	case LEN_H: *va_arg(*ap, short *) = (short)v; break;
	case LEN_L:
	case LEN_LL:
	case LEN_J:
	case LEN_Z:
	case LEN_T:
	case LEN_BIG_L: *va_arg(*ap, long long *) = (long long)v; break;
	default: *va_arg(*ap, int *) = (int)v; break;
	}
}

/* Parses a scanset after '['; returns the format past its ']', or NULL
 * when there is no closing ']' (an invalid directive). A ']' or '-' first is
 * a member; "a-z" adds a to z, and as in glibc a range may continue from
 * the end of the previous one ("a-c-e" is a to e). */
static const char *parse_set(const char *f, bool set[256])
{
	bool neg = *f == '^';
	if (neg)
		f++;
	memset(set, 0, 256);
	if (*f == ']' || *f == '-')
		set[(unsigned char)*f++] = true;
	while (*f && *f != ']') {
		unsigned char c = (unsigned char)*f++;
		unsigned char prev = (unsigned char)f[-2], next = (unsigned char)*f;
		if (c == '-' && next && next != ']' && prev <= next)
			for (unsigned k = prev; k < next; k++)
				set[k] = true;
		else
			set[c] = true;
	}
	if (!*f)
		return NULL;
	if (neg)
		for (int i = 0; i < 256; i++)
			set[i] = !set[i];
	return f + 1;
}

/* Reads characters of a class into dst (if any); returns how many. */
static size_t read_chars(struct scan *s, char *dst, const bool *set, bool nul)
{
	size_t n = 0;
	int c;
	while ((c = get(s)) != EOF) {
		if (set && !set[c]) {
			unget(s, c);
			break;
		}
		if (dst)
			dst[n] = (char)c;
		n++;
	}
	if (dst && nul && n)
		dst[n] = 0;
	return n;
}

/* %lc and %ls: up to max multibyte characters of the input as wide
 * characters, %ls stopping before a white-space byte (as glibc: one byte
 * of push-back cannot return a whole character). The count, or SIZE_MAX
 * for an invalid or cut-off character (errno EILSEQ). */
static size_t read_wide(struct scan *s, wchar_t *dst, size_t max, bool to_space)
{
	size_t n = 0;
	s->width = SIZE_MAX;
	for (int c; n < max && (c = get(s)) != EOF; n++) {
		if (to_space && isspace(c)) {
			unget(s, c);
			break;
		}
		mbstate_t st = { 0, 0 };
		wchar_t wc;
		char b = (char)c;
		size_t r;
		while ((r = mbrtowc(&wc, &b, 1, &st)) == (size_t)-2) {
			if ((c = get(s)) == EOF)
				return SIZE_MAX;
			b = (char)c;
		}
		if (r == (size_t)-1)
			return SIZE_MAX;
		if (dst)
			dst[n] = wc;
	}
	if (dst && to_space && n)
		dst[n] = 0;
	return n;
}

int __vg_vscan(const struct __vg_input *in, const char *f, va_list ap0)
{
	struct scan s = { in, 0, SIZE_MAX, false };
	static _Thread_local struct numbuf nb;
	int done = 0;
	va_list ap;
	va_copy(ap, ap0);
	while (*f) {
		s.width = SIZE_MAX;
		if (isspace((unsigned char)*f)) {
			while (isspace((unsigned char)*f))
				f++;
			skip_space(&s);
			continue;
		}
		if (*f != '%' || f[1] == '%') {
			if (*f == '%') {
				f++;
				if (!skip_space(&s))
					goto input_failure;
			}
			int c = get(&s);
			if (c == EOF)
				goto input_failure;
			if (c != (unsigned char)*f) {
				unget(&s, c);
				goto matching_failure;
			}
			f++;
			continue;
		}
		f++;
		bool suppress = *f == '*';
		if (suppress)
			f++;
		size_t width = 0;
		while (isdigit((unsigned char)*f))
			width = width > SIZE_MAX / 20 ? SIZE_MAX / 2
						      : width * 10 + (size_t)(*f++ - '0');
		int len = LEN_NONE;
		switch (*f) {
		case 'h':
			len = f[1] == 'h' ? LEN_HH : LEN_H;
			f += f[1] == 'h' ? 2 : 1;
			break;
		case 'l':
			len = f[1] == 'l' ? LEN_LL : LEN_L;
			f += f[1] == 'l' ? 2 : 1;
			break;
		case 'q':
			len = LEN_LL;
			f++;
			break;
		case 'j':
			len = LEN_J;
			f++;
			break;
		case 'z':
			len = LEN_Z;
			f++;
			break;
		case 't':
			len = LEN_T;
			f++;
			break;
		case 'L':
			len = LEN_BIG_L;
			f++;
			break;
		}
		char conv = *f++;
		if (conv == 'n') {
			if (!suppress)
				store_int(&ap, len, s.consumed);
			continue;
		}
		if (conv != 'c' && conv != '[' && !skip_space(&s))
			goto input_failure;
		s.width = width ? width : (conv == 'c' ? 1 : SIZE_MAX);
		if (len == LEN_L && (conv == 'c' || conv == 's')) {
			wchar_t *dst = suppress ? NULL : va_arg(ap, wchar_t *);
			s.at_end = false;
			size_t n = read_wide(&s, dst, s.width, conv == 's');
			if (n == SIZE_MAX)
				goto matching_failure;
			if (!n) {
				if (s.at_end)
					goto input_failure;
				goto matching_failure;
			}
			if (!suppress)
				done++;
			continue;
		}
		switch (conv) {
		case 'c': {
			char *dst = suppress ? NULL : va_arg(ap, char *);
			if (!read_chars(&s, dst, NULL, false))
				goto input_failure;
			break;
		}
		case 's':
		case '[': {
			static _Thread_local bool set[256];
			if (conv == '[') {
				f = parse_set(f, set);
				if (!f)
					goto matching_failure;
			} else {
				for (int i = 0; i < 256; i++)
					set[i] = i && !isspace(i);
			}
			char *dst = suppress ? NULL : va_arg(ap, char *);
			s.at_end = false;
			if (!read_chars(&s, dst, set, true)) {
				if (s.at_end)
					goto input_failure;
				goto matching_failure;
			}
			break;
		}
		case 'd':
		case 'i':
		case 'u':
		case 'o':
		case 'x':
		case 'X':
		case 'p': {
			int base = conv == 'd' || conv == 'u' ? 10
				: conv == 'i'		      ? 0
				: conv == 'o'		      ? 8
							      : 16;
			nb.n = 0;
			nb.full = false;
			if (!gather_int(&nb, &s, &base))
				goto matching_failure;
			uint64_t v = conv == 'd' || conv == 'i'
				? (uint64_t)strtoll(nb.t, NULL, base)
				: (uint64_t)strtoull(nb.t, NULL, base);
			if (suppress)
				break;
			if (conv == 'p')
				*va_arg(ap, void **) = (void *)(uintptr_t)v;
			else
				store_int(&ap, len, v);
			break;
		}
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
			nb.n = 0;
			nb.full = false;
			if (!gather_float(&nb, &s))
				goto matching_failure;
			if (suppress)
				break;
			if (len == LEN_L)
				*va_arg(ap, double *) = strtod(nb.t, NULL);
			else if (len == LEN_BIG_L)
				*va_arg(ap, long double *) = strtold(nb.t, NULL);
			else
				*va_arg(ap, float *) = strtof(nb.t, NULL);
			break;
		default: goto matching_failure;
		}
		if (!suppress)
			done++;
	}
matching_failure:
	va_end(ap);
	return done;
input_failure:
	va_end(ap);
	return done ? done : EOF;
}
