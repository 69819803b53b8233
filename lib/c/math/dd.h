// SPDX-License-Identifier: BSD-2-Clause
// Double-double arithmetic: a value carried as the unevaluated sum of two
// doubles, about 106 bits, with Knuth's and Dekker's error-free sums and
// products. The elementary functions compute in it and round once at the
// end (dd_round), which keeps their error close to half an ulp.
#ifndef LIBC_MATH_DD_H
#define LIBC_MATH_DD_H

#include <stdbool.h>

#include "consts.h"

/* The error-free transformations need every product rounded on its own:
 * no fused multiply-adds. */
#pragma STDC FP_CONTRACT OFF

static inline dd dd_make(double hi, double lo)
{
	return (dd){ hi, lo };
}

static inline dd two_sum(double a, double b)
{
	double s = a + b, bb = s - a;
	return (dd){ s, (a - (s - bb)) + (b - bb) };
}

static inline dd fast_two_sum(double a, double b) /* |a| >= |b| */
{
	double s = a + b;
	return (dd){ s, b - (s - a) };
}

/* Dekker's split: a = hi + lo, each with 26 significant bits. Valid for
 * |a| < 2^995. */
static inline void split(double a, double *hi, double *lo)
{
	double t = 134217729.0 * a; /* 2^27 + 1 */
	*hi = t - (t - a);
	*lo = a - *hi;
}

static inline dd two_prod(double a, double b)
{
	double p = a * b, ah, al, bh, bl;
	split(a, &ah, &al);
	split(b, &bh, &bl);
	return (dd){ p, ((ah * bh - p) + ah * bl + al * bh) + al * bl };
}

static inline dd dd_add(dd a, dd b)
{
	dd s = two_sum(a.hi, b.hi), t = two_sum(a.lo, b.lo);
	s = fast_two_sum(s.hi, s.lo + t.hi);
	return fast_two_sum(s.hi, s.lo + t.lo);
}

static inline dd dd_neg(dd a)
{
	return (dd){ -a.hi, -a.lo };
}

static inline dd dd_sub(dd a, dd b)
{
	return dd_add(a, dd_neg(b));
}

static inline dd dd_add_d(dd a, double b)
{
	dd s = two_sum(a.hi, b);
	return fast_two_sum(s.hi, s.lo + a.lo);
}

static inline dd dd_mul(dd a, dd b)
{
	dd p = two_prod(a.hi, b.hi);
	return fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

static inline dd dd_mul_d(dd a, double b)
{
	dd p = two_prod(a.hi, b);
	return fast_two_sum(p.hi, p.lo + a.lo * b);
}

/* Exact scaling by a power of two (no overflow or underflow). */
static inline dd dd_scale(dd a, double two_k)
{
	return (dd){ a.hi * two_k, a.lo * two_k };
}

static inline dd dd_div(dd a, dd b)
{
	double q1 = a.hi / b.hi;
	dd r = dd_sub(a, dd_mul_d(b, q1));
	double q2 = r.hi / b.hi;
	r = dd_sub(r, dd_mul_d(b, q2));
	double q3 = r.hi / b.hi;
	dd q = fast_two_sum(q1, q2);
	return dd_add_d(q, q3);
}

/* One Newton step from the double root. a > 0. */
static inline dd dd_sqrt(dd a)
{
	double s = __builtin_sqrt(a.hi);
	dd e = dd_sub(a, two_prod(s, s));
	return fast_two_sum(s, e.hi / (2 * s));
}

/* sum_i c[i] z^i: the first nd coefficients in double-double, the others
 * (whose terms are small) in double. */
static inline dd dd_poly(dd z, const dd *c, int nd, int n)
{
	double t = 0;
	for (int i = n - 1; i >= nd; i--)
		t = c[i].hi + z.hi * t;
	dd r = dd_make(t, 0);
	for (int i = nd - 1; i >= 0; i--)
		r = dd_add(c[i], dd_mul(z, r));
	return r;
}

/* The shared cores, under names reserved for the library. */
#define dd_round __vg_dd_round
#define expm1_small __vg_expm1_small
#define exp_core __vg_exp_core
#define log_core __vg_log_core
#define expm1_core __vg_expm1_core
#define rem_pio2 __vg_rem_pio2
#define sin_core __vg_sin_core
#define cos_core __vg_cos_core
#define atan_core __vg_atan_core

/* Internal entry points shared by the function files (kernels.c). */

/* Rounds (v.hi + v.lo) * 2^k to the nearest double once; ERANGE on
 * overflow and on an inexact result below the normal range. */
double dd_round(dd v, long k);
/* e^r - 1 for |r| <= 0.36, to about 2^-100 relative. */
dd expm1_small(dd r);
/* e^x = m * 2^k with m in [0.7, 1.42], |x| < 2^20. */
dd exp_core(dd x, long *k);
/* log w for a positive finite w (w.hi a normal number). */
dd log_core(dd w);
/* e^x - 1 for |x| <= 50. */
dd expm1_core(double x);
/* x mod pi/2 into [-pi/4, pi/4] as r, and the quadrant (mod 4). */
int rem_pio2(double x, dd *r);
/* sin r, cos r for |r| <= pi/4 (a little more is fine). */
dd sin_core(dd r);
dd cos_core(dd r);
/* atan(y / x) for finite positive x and y with y / x not far from 1. */
dd atan_core(dd t);

#endif
