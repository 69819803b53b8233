// SPDX-License-Identifier: BSD-2-Clause
// Text forms of inputs and results, written by hand rather than with
// snprintf so that the rendering does not depend on the formatter the
// suite tests.
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "conform.h"

void cb_reset(struct cbuf *b)
{
	b->n = 0;
	b->s[0] = 0;
}

static void put(struct cbuf *b, char c)
{
	if (b->n + 1 < sizeof(b->s)) {
		b->s[b->n++] = c;
		b->s[b->n] = 0;
	}
}

void cb_str(struct cbuf *b, const char *s)
{
	while (*s)
		put(b, *s++);
}

static const char hexdig[] = "0123456789abcdef";

void cb_bytes(struct cbuf *b, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < 0x20 || s[i] > 0x7e || s[i] == '"' || s[i] == '\\') {
			put(b, '\\');
			put(b, 'x');
			put(b, hexdig[s[i] >> 4]);
			put(b, hexdig[s[i] & 15]);
		} else {
			put(b, (char)s[i]);
		}
	}
}

void cb_esc(struct cbuf *b, const char *s)
{
	put(b, '"');
	cb_bytes(b, s, strlen(s));
	put(b, '"');
}

void cb_uint(struct cbuf *b, unsigned long long v)
{
	char d[24];
	int n = 0;
	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		put(b, d[--n]);
}

void cb_int(struct cbuf *b, long long v)
{
	if (v < 0) {
		put(b, '-');
		cb_uint(b, 0 - (unsigned long long)v);
	} else {
		cb_uint(b, (unsigned long long)v);
	}
}

void cb_hex(struct cbuf *b, unsigned long long v)
{
	put(b, '0');
	put(b, 'x');
	for (int sh = 60; sh >= 0; sh -= 4)
		put(b, hexdig[(v >> sh) & 15]);
}

void cb_dbl(struct cbuf *b, double d)
{
	if (d != d) {
		cb_str(b, "nan");
		return;
	}
	unsigned long long bits;
	memcpy(&bits, &d, sizeof(bits));
	cb_hex(b, bits);
}

void cb_errno(struct cbuf *b, int e)
{
	switch (e) {
	case 0: cb_str(b, "0"); break;
	case ERANGE: cb_str(b, "ERANGE"); break;
	case EDOM: cb_str(b, "EDOM"); break;
	case EINVAL: cb_str(b, "EINVAL"); break;
	case EOVERFLOW: cb_str(b, "EOVERFLOW"); break;
	case EILSEQ: cb_str(b, "EILSEQ"); break;
	default: cb_str(b, "E?"); cb_int(b, e);
	}
}

void cb_take(struct conform_sink *sink, const struct cbuf *in, const struct cbuf *out)
{
	sink->take(sink, in->s, out->s);
}

unsigned long long conform_rand(unsigned long long *state)
{
	unsigned long long x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

FILE *conform_reading(const char *path, const char *s)
{
	FILE *w = fopen(path, "w");
	if (!w)
		return NULL;
	fwrite(s, 1, strlen(s), w);
	fclose(w);
	return fopen(path, "r");
}
