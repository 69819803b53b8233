// SPDX-License-Identifier: BSD-2-Clause
// The scanf engine: directives, whitespace, literals and every conversion
// (%d %i %u %o %x %X %p, %e %f %g %a and capitals, %c %s %[ %n %%, and
// %lc %ls %l[ for wide characters), with
// widths, '*' and length modifiers. Numbers are gathered as the longest
// prefix of their syntax (one character of push-back, as C requires) and
// then converted by strtoll/strtoull/strtod/strtof; a gathered text the
// conversion does not use up entirely ("1e+", "0x" for a float) is a
// matching failure. Input comes through a callback (internal/format.h).
// The same engine serves wscanf: the format and the input are then wide
// characters, and %c %s %[ store them as multibyte characters.
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "../internal/format.h"

/* Numeric fields longer than this are a matching failure. */
#define NUM_MAX 4096

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T, LEN_BIG_L };

struct scan {
	const struct __vg_input *in;
	size_t consumed;
	size_t width; /* of the current field: reads left */
	bool at_end; /* the input has ended */
	bool wide; /* wscanf: the input is wide characters */
};

/* White space of the input: bytes, or wide characters. */
static bool space(const struct scan *s, int c)
{
	if (s->wide)
		return c != EOF && iswspace((wint_t)c);
	return c >= 0 && c < 256 && isspace(c); /* scanf's %ls reads wide characters */
}

/* A digit of the base (ASCII only, as strtol's). */
static bool digit(int c, int base)
{
	if (c >= '0' && c <= '9')
		return c - '0' < base;
	c |= 0x20;
	return base == 16 && c >= 'a' && c <= 'f';
}

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
	while (space(s, c = get(s)))
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
	while (digit(c, base)) {
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
				if (!(digit(c, 16) || c == '.')) {
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

/* Finds the end of a scanset that starts after '[': true with f at its
 * closing ']', false when there is none (an invalid directive). A ']'
 * first (after any '^') is a member. */
static bool set_end(struct __vg_fmt *f)
{
	size_t k = __vg_fmt_at(f, 0) == '^';
	if (__vg_fmt_at(f, k) == ']')
		k++;
	while (__vg_fmt_at(f, k) && __vg_fmt_at(f, k) != ']')
		k++;
	if (!__vg_fmt_at(f, k))
		return false;
	__vg_fmt_skip(f, k);
	return true;
}

/* Whether c is in the scanset starting at set (after '['): a ']' or '-'
 * first is a member; "a-z" adds a to z, and as in glibc a range may
 * continue from the end of the previous one ("a-c-e" is a to e). */
static bool in_set(struct __vg_fmt set, int c)
{
	bool neg = __vg_fmt_at(&set, 0) == '^';
	size_t k = neg;
	if (__vg_fmt_at(&set, k) == ']' || __vg_fmt_at(&set, k) == '-') {
		if (c == __vg_fmt_at(&set, k))
			return !neg;
		k++;
	}
	for (int m; (m = __vg_fmt_at(&set, k)) != ']'; k++) {
		/* A '-' here has a member before it: with one after, a range
		 * (unless the two are in the wrong order). */
		int prev = m == '-' ? __vg_fmt_at(&set, k - 1) : 0;
		int next = m == '-' ? __vg_fmt_at(&set, k + 1) : 0;
		if (m == '-' && next != ']' && prev <= next ? c > prev && c <= next : c == m)
			return !neg;
	}
	return neg;
}

/* What a text field stores: bytes, multibyte characters converted from
 * wide input (wscanf's %c %s %[), or wide characters (%lc %ls %l[). */
enum store { STORE_BYTES, STORE_MB, STORE_WIDE };

/* The next character of a field: a byte, a wide character, or (%l
 * conversions of scanf) a multibyte character of the input as a wide
 * one. EOF at the end of the field; false (and *c EOF) for an invalid
 * or cut-off character (errno EILSEQ). */
static bool field_char(struct scan *s, enum store st, int *c)
{
	*c = get(s);
	if (*c == EOF || s->wide || st != STORE_WIDE || *c < 0x80)
		return true;
	size_t w = s->width;
	s->width = SIZE_MAX; /* the width counts characters, not bytes */
	mbstate_t ms = { 0, 0 };
	wchar_t wc;
	char b = (char)*c;
	size_t r;
	while ((r = mbrtowc(&wc, &b, 1, &ms)) == (size_t)-2) {
		int more = get(s);
		if (more == EOF)
			break;
		b = (char)more;
	}
	s->width = w;
	*c = r < (size_t)-2 ? (int)wc : EOF;
	return *c != EOF;
}

/* Reads the characters of a text field into dst (if any): %c's when set
 * is NULL and stop_space false, %s's (up to white space) when stop_space,
 * else those of a scanset. The count, or SIZE_MAX for a character that
 * does not convert (errno EILSEQ). With scanf's %ls the field stops
 * before a white-space byte (as glibc: one byte of push-back cannot
 * return a whole character). */
static size_t read_field(struct scan *s, void *dst, enum store st, const struct __vg_fmt *set,
			 bool stop_space, bool nul)
{
	char *bytes = dst;
	wchar_t *wide = dst;
	size_t n = 0, at = 0;
	for (int c;; n++) {
		if (!field_char(s, st, &c))
			return SIZE_MAX;
		if (c == EOF)
			break;
		if ((stop_space && space(s, c)) || (set && !in_set(*set, c))) {
			unget(s, c);
			break;
		}
		if (!dst)
			continue;
		if (st == STORE_WIDE) {
			wide[n] = (wchar_t)c;
		} else if (st == STORE_BYTES) {
			bytes[n] = (char)c;
		} else {
			size_t k = wcrtomb(bytes + at, (wchar_t)c, NULL);
			if (k == (size_t)-1)
				return SIZE_MAX;
			at += k;
		}
	}
	if (dst && nul && n) {
		if (st == STORE_WIDE)
			wide[n] = 0;
		else
			bytes[st == STORE_MB ? at : n] = 0;
	}
	return n;
}

static int run(struct scan *s, struct __vg_fmt f, va_list ap0)
{
	static _Thread_local struct numbuf nb;
	int done = 0;
	va_list ap;
	va_copy(ap, ap0);
	for (int fc; (fc = __vg_fmt_at(&f, 0));) {
		s->width = SIZE_MAX;
		if (s->wide ? iswspace((wint_t)fc) : isspace(fc)) {
			while ((fc = __vg_fmt_at(&f, 0)) &&
			       (s->wide ? iswspace((wint_t)fc) : isspace(fc)))
				__vg_fmt_skip(&f, 1);
			skip_space(s);
			continue;
		}
		if (fc != '%' || __vg_fmt_at(&f, 1) == '%') {
			if (fc == '%') {
				__vg_fmt_skip(&f, 1);
				if (!skip_space(s))
					goto input_failure;
			}
			int c = get(s);
			if (c == EOF)
				goto input_failure;
			if (c != __vg_fmt_at(&f, 0)) {
				unget(s, c);
				goto matching_failure;
			}
			__vg_fmt_skip(&f, 1);
			continue;
		}
		__vg_fmt_skip(&f, 1);
		bool suppress = __vg_fmt_at(&f, 0) == '*';
		if (suppress)
			__vg_fmt_skip(&f, 1);
		size_t width = 0;
		for (; (fc = __vg_fmt_at(&f, 0)) >= '0' && fc <= '9'; __vg_fmt_skip(&f, 1))
			width = width > SIZE_MAX / 20 ? SIZE_MAX / 2
						      : width * 10 + (size_t)(fc - '0');
		int len = LEN_NONE;
		fc = __vg_fmt_at(&f, 0);
		bool twice = fc && fc == __vg_fmt_at(&f, 1);
		switch (fc) {
		case 'h': len = twice ? LEN_HH : LEN_H; break;
		case 'l': len = twice ? LEN_LL : LEN_L; break;
		case 'q': len = LEN_LL; break;
		case 'j': len = LEN_J; break;
		case 'z': len = LEN_Z; break;
		case 't': len = LEN_T; break;
		case 'L': len = LEN_BIG_L; break;
		}
		if (len != LEN_NONE)
			__vg_fmt_skip(&f, len == LEN_HH || (len == LEN_LL && fc == 'l') ? 2 : 1);
		int conv = __vg_fmt_at(&f, 0);
		if (!conv)
			goto matching_failure;
		__vg_fmt_skip(&f, 1);
		if (conv == 'n') {
			if (!suppress)
				store_int(&ap, len, s->consumed);
			continue;
		}
		if (conv != 'c' && conv != '[' && !skip_space(s))
			goto input_failure;
		s->width = width ? width : (conv == 'c' ? 1 : SIZE_MAX);
		switch (conv) {
		case 'c':
		case 's':
		case '[': {
			enum store st = len == LEN_L ? STORE_WIDE
				: s->wide	     ? STORE_MB
						     : STORE_BYTES;
			struct __vg_fmt set = f;
			if (conv == '[' && !set_end(&f))
				goto matching_failure;
			if (conv == '[')
				__vg_fmt_skip(&f, 1);
			void *dst = suppress ? NULL : va_arg(ap, void *);
			s->at_end = false;
			size_t n = read_field(s, dst, st, conv == '[' ? &set : NULL, conv == 's',
					      conv != 'c');
			if (n == SIZE_MAX)
				goto matching_failure;
			if (!n) {
				if (s->at_end || conv == 'c')
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
			if (!gather_int(&nb, s, &base))
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
			if (!gather_float(&nb, s))
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

int __vg_vscan(const struct __vg_input *in, const char *f, va_list ap)
{
	struct scan s = { in, 0, SIZE_MAX, false, false };
	return run(&s, (struct __vg_fmt){ f, NULL }, ap);
}

int __vg_vwscan(const struct __vg_input *in, const wchar_t *f, va_list ap)
{
	struct scan s = { in, 0, SIZE_MAX, false, true };
	return run(&s, (struct __vg_fmt){ NULL, f }, ap);
}
