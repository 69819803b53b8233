// SPDX-License-Identifier: BSD-2-Clause
// The error function and the gamma function in double: erf, erfc (a
// series with positive terms; the continued fraction of erfc for large
// arguments), lgamma, lgamma_r, tgamma (Taylor series about 1 and 2,
// Stirling's series above 12 with the recurrence below, reflection for
// negative arguments).
#include <errno.h>
#include <math.h>

#include "dd.h"

int signgam;

/* erf x for 0 <= x < 6: 2/sqrt(pi) e^(-x^2) sum_n 2^n x^(2n+1) / (2n+1)!! */
static dd erf_series(double x)
{
	dd x2 = two_prod(x, x), t = dd_make(x, 0), sum = t;
	dd tx2 = dd_scale(x2, 2.0);
	for (int n = 1; n < 400; n++) {
		t = dd_div(dd_mul(t, tx2), dd_make(2 * n + 1, 0));
		sum = dd_add(sum, t);
		if (t.hi < sum.hi * 0x1p-110)
			break;
	}
	long k;
	dd e = exp_core(dd_neg(x2), &k);
	return dd_scale(dd_mul(dd_mul(sum, e), C_TWO_OVER_SQRTPI), ldexp(1.0, (int)k));
}

/* erfc x for x >= 4 as m 2^k: e^(-x^2) / sqrt(pi) / K, K the continued
 * fraction x + (1/2) / (x + 1 / (x + (3/2) / (x + ...))), 48 levels. */
static dd erfc_cf(double x, long *k)
{
	dd t = dd_make(x, 0);
	for (int n = 48; n >= 1; n--)
		t = dd_add_d(dd_div(dd_make(n * 0.5, 0), t), x);
	dd e = exp_core(dd_neg(two_prod(x, x)), k);
	return dd_div(dd_mul(e, C_INV_SQRTPI), t);
}

double erf(double x)
{
	double ax = fabs(x);
	if (isnan(x))
		return x + x;
	if (ax >= 6)
		return copysign(1.0, x);
	if (x == 0)
		return x;
	if (ax < 0x1p-900) /* 2x/sqrt(pi), scaled for the exact products */
		return dd_round(dd_mul_d(C_TWO_OVER_SQRTPI, x * 0x1p200), -200);
	return copysign(dd_round(erf_series(ax), 0), x);
}

double erfc(double x)
{
	if (isnan(x))
		return x + x;
	if (x < 0) /* 1 + erf|x| */
		return x < -6 ? 2.0 : dd_round(dd_add_d(erf_series(-x), 1.0), 0);
	if (x < 4)
		return dd_round(dd_add_d(dd_neg(erf_series(x)), 1.0), 0);
	if (x > 30) {
		errno = ERANGE;
		return 0.0;
	}
	long k;
	dd r = erfc_cf(x, &k);
	return dd_round(r, k);
}

/* Stirling's series for X >= 12: (X - 1/2) log X - X + log sqrt(2 pi) +
 * sum_k B_2k / (2k (2k-1) X^(2k-1)). */
static dd stirling(dd x)
{
	double iz = 1 / (x.hi * x.hi), t = 0;
	for (int i = 14; i >= 1; i--)
		t = S_STIRLING[i].hi + iz * t;
	dd ix = dd_div(dd_make(1.0, 0), x);
	dd series = dd_mul(ix, dd_add_d(S_STIRLING[0], iz * t));
	dd r = dd_mul(dd_add_d(x, -0.5), log_core(x));
	r = dd_add(dd_sub(r, x), C_LOG_SQRT_2PI);
	return dd_add(r, series);
}

/* lgamma of a finite positive x in double-double. */
static dd lgamma_pos(double x)
{
	if (x > 0x1p900) /* x (log x - 1), scaled to keep the product finite */
		return dd_scale(dd_mul_d(dd_add_d(log_core(dd_make(x, 0)), -1.0), x * 0x1p-600),
				0x1p600);
	if (fabs(x - 1) < 0.2 || fabs(x - 2) < 0.2) {
		/* lgamma(c + e) = a e + sum_k s_k e^k, c = 1 or 2 */
		int two = fabs(x - 2) < 0.2;
		double e = x - (two ? 2 : 1);
		dd a = two ? dd_add_d(dd_neg(C_EULER), 1.0) : dd_neg(C_EULER);
		dd p = dd_poly(dd_make(e, 0), two ? S_LGAMMA2 : S_LGAMMA1, 3, 28);
		return dd_mul_d(dd_add(a, dd_mul_d(p, e)), e);
	}
	if (x >= 12)
		return stirling(dd_make(x, 0));
	/* lgamma x = lgamma(x + n) - log(x (x+1) ... (x+n-1)) */
	dd X = dd_make(x, 0), prod = X;
	X = dd_add_d(X, 1.0);
	while (X.hi < 12) {
		prod = dd_mul(prod, X);
		X = dd_add_d(X, 1.0);
	}
	return dd_sub(stirling(X), log_core(prod));
}

/* sin(pi x) for finite x, exact near the integers: x mod 2 then the
 * nearest integer split off. */
static dd sin_pi(double x)
{
	double t = fmod(x, 2.0), n = round(t), f = t - n;
	dd s = sin_core(dd_mul_d(C_PI, f));
	return ((long)n & 1) ? dd_neg(s) : s;
}

/* lgamma in double-double and the sign of gamma; x finite, not a pole. */
static dd lgamma_dd(double x, int *sign)
{
	*sign = 1;
	if (fabs(x) < 0x1p-60) { /* gamma x = 1/x - euler + O(x) */
		*sign = x < 0 ? -1 : 1;
		return dd_neg(log_core(dd_make(fabs(x), 0)));
	}
	if (x > 0)
		return lgamma_pos(x);
	/* gamma(x) gamma(-x) = -pi / (x sin(pi x)) */
	dd s = sin_pi(x);
	*sign = s.hi < 0 ? -1 : 1;
	dd xs = dd_mul_d(s, x);
	if (xs.hi < 0)
		xs = dd_neg(xs);
	dd l = dd_sub(log_core(C_PI), log_core(xs));
	return dd_sub(l, lgamma_pos(-x));
}

static bool is_pole(double x)
{
	return x == 0 || (x < 0 && x == trunc(x));
}

double lgamma_r(double x, int *sign)
{
	*sign = 1;
	if (isnan(x))
		return x + x;
	if (isinf(x))
		return HUGE_VAL;
	if (is_pole(x)) {
		*sign = signbit(x) ? -1 : 1;
		errno = ERANGE;
		return HUGE_VAL;
	}
	double r = dd_round(lgamma_dd(x, sign), 0);
	if (isinf(r)) /* x log x overflows */
		errno = ERANGE;
	return r;
}

double lgamma(double x)
{
	return lgamma_r(x, &signgam);
}

double tgamma(double x)
{
	if (isnan(x) || x == HUGE_VAL)
		return x + x;
	if (x == 0) {
		errno = ERANGE;
		return copysign(HUGE_VAL, x);
	}
	if (is_pole(x) || isinf(x)) {
		errno = EDOM;
		return NAN;
	}
	if (x > 172) {
		errno = ERANGE;
		return HUGE_VAL;
	}
	if (x < -200) { /* far below the least subnormal; sign alternates */
		errno = ERANGE;
		return fmod(floor(x), 2.0) == 0 ? 0.0 : -0.0;
	}
	if (fabs(x) < 0x1p-1024) { /* 1/x overflows */
		errno = ERANGE;
		return copysign(HUGE_VAL, x);
	}
	int sign;
	dd l = lgamma_dd(x, &sign);
	long k;
	dd m = exp_core(l, &k);
	double r = dd_round(m, k);
	return sign < 0 ? -r : r;
}
