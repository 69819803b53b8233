// SPDX-License-Identifier: BSD-2-Clause
// printf's floating-point conversions, exactly as glibc prints them in the
// default rounding mode: the exact decimal expansion rounded once, to
// nearest with ties to even (%e %f %g); %a rounds hexadecimal digits the same
// way and lets a carry into the leading digit show ("0x2p+0").
#include <string.h>

#include "../internal/format.h"

#define MAXDIG 800
/* A %f precision that shows every digit of the least subnormal. */
#define MAXPREC 1100

/* Rounds the digit string (value 0.ddd * 10^(e10 + 1)) to keep digits;
 * returns the new count (trailing zeros not trimmed) and updates e10 on a
 * carry out. keep may be <= 0 or beyond nd. */
static int round_digits(char *d, int nd, int keep, int *e10)
{
	if (keep >= nd)
		return nd;
	if (keep < 0)
		return 0;
	bool up;
	if (d[keep] > '5') {
		up = true;
	} else if (d[keep] < '5') {
		up = false;
	} else {
		bool rest = false;
		for (int i = keep + 1; i < nd; i++)
			rest |= d[i] != '0';
		up = rest || (keep > 0 && (d[keep - 1] - '0') % 2);
	}
	if (!up)
		return keep;
	int i = keep - 1;
	while (i >= 0 && d[i] == '9')
		d[i--] = '0';
	if (i >= 0) {
		d[i]++;
		return keep;
	}
	/* All nines (or keep == 0): the value becomes 10^(e10 + 1). */
	d[0] = '1';
	for (int k = 1; k < keep; k++)
		d[k] = '0';
	(*e10)++;
	return keep > 0 ? keep : 1;
}

static char digit_at(const char *d, int nd, int i)
{
	return i >= 0 && i < nd ? d[i] : '0';
}

/* Appends the exponent as e+XX (at least two digits). */
static size_t put_exp(char *p, char e, int x)
{
	size_t k = 0;
	p[k++] = e;
	p[k++] = x < 0 ? '-' : '+';
	unsigned u = x < 0 ? (unsigned)-x : (unsigned)x;
	char t[8];
	int n = 0;
	do {
		t[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (n < 2)
		t[n++] = '0';
	while (n)
		p[k++] = t[--n];
	return k;
}

struct body {
	char *p;
	size_t n;
};

static void put(struct body *b, char c)
{
	b->p[b->n++] = c;
}

/* %e body for digits already rounded to prec + 1 places. */
static void body_e(struct body *b, const char *d, int nd, int e10, int prec, bool alt, bool trim,
		   char echar)
{
	put(b, digit_at(d, nd, 0));
	int frac = prec;
	if (trim) /* %g: drop trailing zeros */
		while (frac > 0 && digit_at(d, nd, frac) == '0')
			frac--;
	if (frac > 0 || alt)
		put(b, '.');
	for (int i = 1; i <= frac; i++)
		put(b, digit_at(d, nd, i));
	b->n += put_exp(b->p + b->n, echar, e10);
}

/* %f body for digits already rounded to prec places after the point. */
static void body_f(struct body *b, const char *d, int nd, int e10, int prec, bool alt, bool trim)
{
	if (e10 < 0)
		put(b, '0');
	for (int i = 0; i <= e10; i++)
		put(b, digit_at(d, nd, i));
	int frac = prec;
	if (trim)
		while (frac > 0 && digit_at(d, nd, e10 + frac) == '0')
			frac--;
	if (frac > 0 || alt)
		put(b, '.');
	for (int i = 1; i <= frac; i++)
		put(b, digit_at(d, nd, e10 + i));
}

static void body_a(struct body *b, uint64_t bits, int prec, bool alt, bool upper)
{
	const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int bexp = (int)(bits >> 52 & 0x7ff);
	uint64_t frac = bits & ((1ull << 52) - 1);
	int lead = bexp ? 1 : 0, x = bexp ? bexp - 1023 : (frac ? -1022 : 0);
	if (prec >= 0 && prec < 13) {
		int drop = (13 - prec) * 4;
		uint64_t rem = frac & ((1ull << drop) - 1), half = 1ull << (drop - 1);
		frac >>= drop;
		uint64_t last = prec ? frac : (uint64_t)lead;
		if (rem > half || (rem == half && (last & 1)))
			frac++;
		if (frac >> (prec * 4)) { /* carry into the leading digit */
			frac &= (1ull << (prec * 4)) - 1;
			lead++;
		}
		frac <<= drop;
	}
	put(b, '0');
	put(b, upper ? 'X' : 'x');
	put(b, hex[lead]);
	int nfrac = 13;
	if (prec >= 0)
		nfrac = prec;
	else
		while (nfrac > 0 && !((frac >> (4 * (13 - nfrac))) & 0xf))
			nfrac--;
	if (nfrac > 0 || alt)
		put(b, '.');
	for (int i = 0; i < nfrac; i++)
		put(b, i < 13 ? hex[(frac >> (48 - 4 * i)) & 0xf] : '0');
	put(b, upper ? 'P' : 'p');
	put(b, x < 0 ? '-' : '+');
	unsigned u = x < 0 ? (unsigned)-x : (unsigned)x;
	char t[8];
	int n = 0;
	do {
		t[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	while (n)
		put(b, t[--n]);
}

/* Writes sign, then body with zero padding after its first pre bytes (the
 * "0x" of %a) and zeros extra zeros inserted at split (precision beyond the
 * digits the body holds), padded to the field width. */
static void emit(struct fmt_out *o, const struct fmt_spec *sp, const char *sign, const char *body,
		 size_t n, size_t pre, size_t split, size_t extra)
{
	size_t ns = strlen(sign), total = ns + n + extra;
	size_t w = sp->width > 0 ? (size_t)sp->width : 0;
	size_t pad = w > total ? w - total : 0;
	if (!sp->left && !sp->zero)
		__vg_fmt_pad(o, ' ', pad);
	__vg_fmt_emit(o, sign, ns);
	__vg_fmt_emit(o, body, pre);
	if (!sp->left && sp->zero)
		__vg_fmt_pad(o, '0', pad);
	__vg_fmt_emit(o, body + pre, split - pre);
	__vg_fmt_pad(o, '0', extra);
	__vg_fmt_emit(o, body + split, n - split);
	if (sp->left)
		__vg_fmt_pad(o, ' ', pad);
}

/* The exponent of v rounded to p significant digits. */
static int rounded_exponent(const char *d, int nd, int e10, int p)
{
	static _Thread_local char t[MAXDIG];
	memcpy(t, d, (size_t)nd);
	round_digits(t, nd, p, &e10);
	return e10;
}

void __vg_fmt_float(struct fmt_out *o, const struct fmt_spec *sp, double v)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof(bits));
	bool neg = bits >> 63;
	bits &= ~(1ull << 63);
	char conv = sp->conv, kind = conv | 0x20;
	bool upper = conv != kind;
	const char *sign = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
	if (bits >= 0x7ffull << 52) { /* no zero padding for these */
		const char *s =
			bits == 0x7ffull << 52 ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
		struct fmt_spec s2 = *sp;
		s2.zero = false;
		emit(o, &s2, sign, s, 3, 0, 3, 0);
		return;
	}
	static _Thread_local char d[MAXDIG];
	static _Thread_local char buf[MAXPREC + 400];
	struct body b = { buf, 0 };
	int prec = sp->prec;
	size_t extra = 0; /* zeros beyond the digits the body holds */
	if (kind == 'a') {
		if (prec > 13) {
			extra = (size_t)(prec - 13);
			prec = 13;
		}
		body_a(&b, bits, prec, sp->alt, upper);
		size_t split =
			extra ? (size_t)((char *)memchr(buf, upper ? 'P' : 'p', b.n) - buf) : b.n;
		emit(o, sp, sign, buf, b.n, 2, split, extra);
		return;
	}
	if (prec < 0)
		prec = 6;
	int nd = 1, e10 = 0;
	d[0] = '0';
	if (bits)
		nd = __vg_exact_digits(v, d, &e10);
	bool trim = false;
	if (kind == 'g') {
		int p = prec ? prec : 1;
		int x = bits ? rounded_exponent(d, nd, e10, p) : 0;
		trim = !sp->alt;
		if (sp->alt && e10 < p && x >= p) {
			/* glibc's way: a carry that pushes the value out of %f's
			 * range leaves no digits after the point ("%#.2g" of
			 * 99.5 is "1.e+02", where C asks for "1.0e+02"). */
			kind = 'e';
			prec = 0;
		} else if (p > x && x >= -4) {
			kind = 'f';
			prec = p - 1 - x;
		} else {
			kind = 'e';
			prec = p - 1;
		}
	}
	/* Precision past every exact digit only adds zeros. */
	if (prec > MAXPREC) {
		if (!trim)
			extra = (size_t)(prec - MAXPREC);
		prec = MAXPREC;
	}
	size_t split;
	if (kind == 'e') {
		if (bits)
			nd = round_digits(d, nd, prec + 1, &e10);
		body_e(&b, d, nd, e10, prec, sp->alt, trim, upper ? 'E' : 'e');
		split = (size_t)((char *)memchr(buf, upper ? 'E' : 'e', b.n) - buf);
	} else {
		if (bits) {
			nd = round_digits(d, nd, e10 + 1 + prec, &e10);
			if (nd == 0) { /* rounded down to zero */
				e10 = 0;
				d[0] = '0';
				nd = 1;
			}
		}
		body_f(&b, d, nd, e10, prec, sp->alt, trim);
		split = b.n;
	}
	emit(o, sp, sign, buf, b.n, 0, split, extra);
}
