// SPDX-License-Identifier: BSD-2-Clause
// strtod, strtof, strtold and atof, correctly rounded (to nearest, ties to
// even) for decimal and hexadecimal input of any length and exponent: the
// decimal digits are converted exactly with big integers. long double has
// the precision of double here.
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../internal/bigint.h"
#include "../internal/fp.h"

/* Enough digits to decide any rounding: the exact decimal value of a
 * half-way point between two doubles has at most 768 significant digits.
 * Later non-zero digits only matter as "more than shown". */
#define MAX_DIGITS 800
#define EXP_CLAMP 100000

static const struct fp_format fmt_double = { 53, -1022, 1023 };
static const struct fp_format fmt_float = { 24, -126, 127 };

static bool match_word(const char **sp, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)(*sp)[i]) != word[i])
			return false;
	*sp += n;
	return true;
}

/* Reads an exponent's digits after 'e' or 'p' (with an optional sign);
 * leaves *sp unchanged when there are none. */
static long read_exponent(const char **sp)
{
	const char *s = *sp + 1;
	bool neg = false;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (!isdigit((unsigned char)*s))
		return 0;
	long e = 0;
	for (; isdigit((unsigned char)*s); s++)
		if (e < EXP_CLAMP)
			e = e * 10 + (*s - '0');
	*sp = s;
	return neg ? -e : e;
}

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* After "0x": returns false (consuming nothing) if no hex digit follows. */
static bool parse_hex(const char **sp, const struct fp_format *f, uint64_t *bits, bool *erange)
{
	const char *s = *sp;
	uint64_t m = 0;
	long e = 0;
	bool sticky = false, any = false, point = false;
	for (;; s++) {
		if (*s == '.' && !point) {
			point = true;
			continue;
		}
		if (!isxdigit((unsigned char)*s))
			break;
		any = true;
		int d = hexval((unsigned char)*s);
		if (m >> 60) {
			sticky |= d != 0;
			if (!point)
				e += 4;
		} else {
			m = m << 4 | (uint64_t)d;
			if (point)
				e -= 4;
		}
	}
	if (!any)
		return false;
	if (*s == 'p' || *s == 'P')
		e += read_exponent(&s);
	*sp = s;
	if (!m) {
		*bits = 0;
		return true;
	}
	if (e > EXP_CLAMP)
		e = EXP_CLAMP;
	if (e < -EXP_CLAMP)
		e = -EXP_CLAMP;
	*bits = __vg_fp_round(f, m, (int)e, sticky, erange);
	return true;
}

/* The decimal value digits[0..nd) * 10^e10, nd > 0 and digits[0] != 0. */
static uint64_t decimal_to_binary(const char *digits, int nd, long e10, const struct fp_format *f,
				  bool *erange)
{
	/* Whole orders of magnitude beyond the format's range. */
	long mag = nd + e10; /* the value is below 10^mag, at least 10^(mag-1) */
	long maxmag = f->p == 53 ? 310 : 40, minmag = f->p == 53 ? -325 : -46;
	if (mag > maxmag)
		return __vg_fp_round(f, 1, f->emax + 1, false, erange);
	if (mag < minmag) {
		*erange = true;
		return 0;
	}
	static _Thread_local struct big num, den;
	__vg_big_set(&num, 0);
	for (int i = 0; i < nd;) {
		uint32_t chunk = 0, scale = 1;
		for (int k = 0; k < 9 && i < nd; k++, i++) {
			chunk = chunk * 10 + (uint32_t)(digits[i] - '0');
			scale *= 10;
		}
		__vg_big_mul_small(&num, scale);
		__vg_big_add_small(&num, chunk);
	}
	uint64_t m;
	int e2;
	bool sticky;
	if (e10 >= 0) {
		__vg_big_mul_pow5(&num, (unsigned)e10);
		unsigned len = __vg_big_bitlen(&num);
		unsigned lo = len > 64 ? len - 64 : 0;
		m = __vg_big_bits(&num, lo);
		sticky = __vg_big_any_below(&num, lo);
		e2 = (int)lo + (int)e10;
	} else {
		/* num / 5^d * 2^-d: a quotient of 62 to 64 bits by long division. */
		unsigned d = (unsigned)-e10;
		__vg_big_set(&den, 1);
		__vg_big_mul_pow5(&den, d);
		int shift = (int)__vg_big_bitlen(&den) + 63 - (int)__vg_big_bitlen(&num);
		e2 = -(int)d;
		if (shift > 0) {
			__vg_big_shl(&num, (unsigned)shift);
			e2 -= shift;
		} else {
			__vg_big_shl(&den, (unsigned)-shift);
			e2 -= shift;
		}
		__vg_big_shl(&den, 63);
		m = 0;
		for (int b = 63; b >= 0; b--) {
			if (__vg_big_cmp(&num, &den) >= 0) {
				__vg_big_sub(&num, &den);
				m |= 1ull << b;
			}
			__vg_big_shr1(&den);
		}
		sticky = num.n != 0;
	}
	return __vg_fp_round(f, m, e2, sticky, erange);
}

/* Decimal significand and exponent: false (consuming nothing) if there is
 * no digit. */
static bool parse_decimal(const char **sp, const struct fp_format *f, uint64_t *bits, bool *erange)
{
	static _Thread_local char digits[MAX_DIGITS + 1];
	const char *s = *sp;
	int nd = 0;
	long e10 = 0;
	bool any = false, point = false, more = false;
	for (;; s++) {
		if (*s == '.' && !point) {
			point = true;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			break;
		any = true;
		if (nd == 0 && *s == '0') {
			if (point)
				e10--;
			continue;
		}
		if (nd < MAX_DIGITS) {
			digits[nd++] = *s;
			if (point)
				e10--;
		} else {
			more |= *s != '0';
			if (!point)
				e10++;
		}
	}
	if (!any)
		return false;
	if (*s == 'e' || *s == 'E')
		e10 += read_exponent(&s);
	*sp = s;
	if (more) /* a digit standing for the non-zero rest */
		digits[nd++] = '1', e10--;
	while (nd && digits[nd - 1] == '0')
		nd--, e10++;
	if (!nd) {
		*bits = 0;
		return true;
	}
	if (e10 > EXP_CLAMP)
		e10 = EXP_CLAMP;
	if (e10 < -EXP_CLAMP)
		e10 = -EXP_CLAMP;
	*bits = decimal_to_binary(digits, nd, e10, f, erange);
	return true;
}

uint64_t __vg_strtofp(const char *str, char **end, const struct fp_format *f)
{
	const char *s = str;
	while (isspace((unsigned char)*s))
		s++;
	bool neg = false;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	uint64_t sign = (uint64_t)neg << (f->p == 53 ? 63 : 31);
	uint64_t inf = (uint64_t)(f->emax - f->emin + 2) << (f->p - 1);
	uint64_t bits = 0;
	bool erange = false, ok = true;
	if (match_word(&s, "inf")) {
		match_word(&s, "inity");
		bits = inf;
	} else if (match_word(&s, "nan")) {
		bits = inf | 1ull << (f->p - 2); /* the quiet NaN */
		if (*s == '(') {
			const char *q = s + 1;
			while (isalnum((unsigned char)*q) || *q == '_')
				q++;
			if (*q == ')')
				s = q + 1;
		}
	} else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		if (!parse_hex(&s, f, &bits, &erange))
			s--; /* just the "0" */
	} else {
		ok = parse_decimal(&s, f, &bits, &erange);
	}
	if (!ok) {
		if (end)
			*end = (char *)(uintptr_t)str;
		return 0;
	}
	if (end)
		*end = (char *)(uintptr_t)s;
	if (erange)
		errno = ERANGE;
	return bits | sign;
}

double strtod(const char *restrict s, char **restrict end)
{
	uint64_t bits = __vg_strtofp(s, end, &fmt_double);
	double d;
	memcpy(&d, &bits, sizeof(d));
	return d;
}

float strtof(const char *restrict s, char **restrict end)
{
	uint32_t bits = (uint32_t)__vg_strtofp(s, end, &fmt_float);
	float x;
	memcpy(&x, &bits, sizeof(x));
	return x;
}

long double strtold(const char *restrict s, char **restrict end)
{
	return strtod(s, end);
}

double atof(const char *s)
{
	return strtod(s, NULL);
}
