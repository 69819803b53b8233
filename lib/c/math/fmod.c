// SPDX-License-Identifier: BSD-2-Clause
// Exact remainders: fmod (quotient truncated), remainder and remquo
// (quotient rounded to nearest, ties to even), for every format. The
// remainder of two floating-point numbers is always representable, so the
// work is integer long division of the significands.
#include <errno.h>
#include <math.h>

#include "generic.h"

/* |x| - q|y| for the integer q = trunc(|x| / |y|), with the low bits of q.
 * x and y finite and nonzero. The result is rm * 2^re. */
static void mod_core(struct fpnum x, struct fpnum y, u128 *rm, int *re, unsigned *q)
{
	*q = 0;
	if (x.e < y.e) { /* |x| < |y| unless the significands make up for it */
		int d = y.e - x.e;
		if (d >= 128 - u128_bits(y.m)) {
			*rm = x.m;
			*re = x.e;
			return;
		}
		y.m <<= d;
		y.e = x.e;
	}
	/* Bring the dividend down chunk by chunk: each step shifts in as many
	 * bits as keep the partial remainder within 128 bits. */
	u128 r = x.m % y.m;
	unsigned qq = (unsigned)(x.m / y.m);
	int left = x.e - y.e;
	int room = 127 - u128_bits(y.m);
	while (left > 0) {
		int k = left < room ? left : room;
		u128 t = r << k;
		qq = (k < 32 ? qq << k : 0) + (unsigned)(t / y.m); /* low bits only */
		r = t % y.m;
		left -= k;
	}
	*rm = r;
	*re = y.e;
	*q = qq;
}

/* Shared by the three: NaN for a NaN operand, an infinite x or a zero y
 * (EDOM for the latter two); x itself for an infinite y or a zero x.
 * Returns true when *res holds the answer. */
static bool special(const struct fpfmt *f, u128 xb, u128 yb, struct fpnum x, struct fpnum y,
		    u128 *res)
{
	if (x.cls == FPC_NAN || y.cls == FPC_NAN) {
		*res = fp_quiet(f, x.cls == FPC_NAN ? xb : yb);
		return true;
	}
	if (x.cls == FPC_INF || y.cls == FPC_ZERO) {
		errno = EDOM;
		*res = fp_qnan(f);
		return true;
	}
	if (y.cls == FPC_INF || x.cls == FPC_ZERO) {
		*res = xb;
		return true;
	}
	return false;
}

static u128 fmod_bits(const struct fpfmt *f, u128 xb, u128 yb)
{
	struct fpnum x = fp_unpack(f, xb), y = fp_unpack(f, yb);
	u128 res, rm;
	int re;
	unsigned q;
	if (special(f, xb, yb, x, y, &res))
		return res;
	mod_core(x, y, &rm, &re, &q);
	return fp_pack(f, x.sign, rm, re, false, FPR_NEAREST, 0);
}

/* remainder: r = |x| - q|y| in [0, |y|); when r > |y|/2 (or equal with q
 * odd) the nearest quotient is q + 1 and the remainder |y| - r, negated. */
static u128 remquo_bits(const struct fpfmt *f, u128 xb, u128 yb, int *quo)
{
	struct fpnum x = fp_unpack(f, xb), y = fp_unpack(f, yb);
	u128 res, rm;
	int re;
	unsigned q;
	*quo = 0;
	if (special(f, xb, yb, x, y, &res))
		return res;
	mod_core(x, y, &rm, &re, &q);
	int sign = x.sign;
	/* compare 2r with |y| at a common exponent (re <= y.e) */
	int d = y.e - re;
	if (d <= 126 - u128_bits(y.m) && rm) {
		u128 ym = y.m << d, r2 = rm << 1;
		if (r2 > ym || (r2 == ym && (q & 1))) {
			rm = ym - rm;
			sign ^= 1;
			q++;
		}
	}
	int qs = (int)(q & 0x7f);
	*quo = x.sign != y.sign ? -qs : qs;
	return fp_pack(f, sign, rm, re, false, FPR_NEAREST, 0);
}

#define FMOD_FUNCS(T, s, F, bits, from)                              \
	T fmod##s(T x, T y)                                          \
	{                                                            \
		return from(fmod_bits(&F, bits(x), bits(y)));        \
	}                                                            \
	T remquo##s(T x, T y, int *quo)                              \
	{                                                            \
		return from(remquo_bits(&F, bits(x), bits(y), quo)); \
	}                                                            \
	T remainder##s(T x, T y)                                     \
	{                                                            \
		int q;                                               \
		return from(remquo_bits(&F, bits(x), bits(y), &q));  \
	}

FMOD_FUNCS(float, f, __fp_float, fp_bits_f, fp_from_f)
FMOD_FUNCS(double, , __fp_double, fp_bits_d, fp_from_d)
FMOD_FUNCS(long double, l, __fp_ldouble, fp_bits_l, fp_from_l)
