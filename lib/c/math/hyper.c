// SPDX-License-Identifier: BSD-2-Clause
// Hyperbolic functions and their inverses in double, on the double-double
// cores of e^x - 1, e^x and log (kernels.c).
#include <errno.h>
#include <math.h>

#include "dd.h"

/* Above this, e^-|x| no longer matters next to e^|x| / 2. */
#define HYP_BIG 40.0

/* e^|x| / 2 for large |x|, overflowing as late as the result does. */
static double half_exp(double ax)
{
	if (ax > 1500) {
		errno = ERANGE;
		return HUGE_VAL;
	}
	long k;
	dd m = exp_core(dd_make(ax, 0), &k);
	return dd_round(m, k - 1);
}

double sinh(double x)
{
	double ax = fabs(x);
	if (isnan(x))
		return x + x;
	if (isinf(x) || ax < 0x1p-27)
		return x;
	if (ax > HYP_BIG)
		return copysign(half_exp(ax), x);
	/* (e - 1/e) / 2 with e = em + 1: (em + em / (em + 1)) / 2 */
	dd em = expm1_core(ax);
	dd s = dd_add(em, dd_div(em, dd_add_d(em, 1.0)));
	return copysign(dd_round(s, -1), x);
}

double cosh(double x)
{
	double ax = fabs(x);
	if (isnan(x))
		return x + x;
	if (isinf(x))
		return ax;
	if (ax > HYP_BIG)
		return half_exp(ax);
	long k;
	dd e = exp_core(dd_make(ax, 0), &k);
	e = dd_scale(e, ldexp(1.0, (int)k));
	dd c = dd_add(e, dd_div(dd_make(1.0, 0), e));
	return dd_round(c, -1);
}

double tanh(double x)
{
	double ax = fabs(x);
	if (isnan(x))
		return x + x;
	if (ax < 0x1p-27)
		return x;
	if (ax > 22) /* 1 - tanh below half an ulp */
		return copysign(1.0, x);
	/* em / (em + 2) with em = e^(2|x|) - 1 */
	dd em = expm1_core(2 * ax);
	return copysign(dd_round(dd_div(em, dd_add_d(em, 2.0)), 0), x);
}

double asinh(double x)
{
	double ax = fabs(x);
	if (isnan(x))
		return x + x;
	if (isinf(x) || ax < 0x1p-27)
		return x;
	dd l;
	if (ax > 0x1p28) { /* log(2|x|): the 1 is below an ulp */
		l = dd_add(log_core(dd_make(ax, 0)), C_LN2);
	} else {
		dd w = dd_add_d(dd_sqrt(dd_add_d(two_prod(ax, ax), 1.0)), ax);
		l = log_core(w);
	}
	return copysign(dd_round(l, 0), x);
}

double acosh(double x)
{
	if (isnan(x))
		return x + x;
	if (x < 1) {
		errno = EDOM;
		return NAN;
	}
	if (isinf(x))
		return x;
	if (x > 0x1p28)
		return dd_round(dd_add(log_core(dd_make(x, 0)), C_LN2), 0);
	/* log(x + sqrt((x - 1)(x + 1))), both factors exact in double-double */
	dd p = dd_mul(two_sum(x, -1.0), two_sum(x, 1.0));
	dd w = p.hi == 0 ? dd_make(1.0, 0) : dd_add_d(dd_sqrt(p), x);
	return dd_round(log_core(w), 0);
}

double atanh(double x)
{
	double ax = fabs(x);
	if (isnan(x))
		return x + x;
	if (ax > 1) {
		errno = EDOM;
		return NAN;
	}
	if (ax == 1) {
		errno = ERANGE;
		return copysign(HUGE_VAL, x);
	}
	if (ax < 0x1p-27)
		return x;
	/* log((1 + x) / (1 - x)) / 2 */
	dd w = dd_div(two_sum(1.0, ax), two_sum(1.0, -ax));
	return copysign(dd_round(log_core(w), -1), x);
}

double cbrt(double x)
{
	if (!isfinite(x) || x == 0)
		return x + x;
	/* x = a 2^(3k) with a in [1, 8): a first root in double, then one
	 * Newton step in double-double, y - (y^3 - a) / (3 y^2) */
	int e;
	frexp(x, &e);
	int k = (e - 1 + 3000) / 3 - 1000; /* floor((e - 1) / 3), e > -1100 */
	double a = fabs(scalbn(x, -3 * k));
	double y = exp(log(a) / 3);
	dd yy = dd_make(y, 0);
	dd y3 = dd_mul(dd_mul(yy, yy), yy);
	dd corr = dd_div(dd_add_d(y3, -a), dd_mul_d(dd_mul(yy, yy), 3.0));
	dd r = dd_sub(yy, corr);
	return copysign(dd_round(r, k), x);
}

double hypot(double x, double y)
{
	double ax = fabs(x), ay = fabs(y);
	if (isinf(x) || isinf(y))
		return HUGE_VAL;
	if (isnan(x) || isnan(y))
		return x + y;
	if (ax < ay) {
		double t = ax;
		ax = ay;
		ay = t;
	}
	if (ay == 0)
		return ax;
	int e = ilogb(ax);
	if (e - ilogb(ay) > 60) /* ay^2 below half an ulp of ax^2 */
		return ax + ay;
	/* scaled near 1 (exactly), squared and summed in double-double */
	double sx = scalbn(ax, -e), sy = scalbn(ay, -e);
	dd s = dd_add(two_prod(sx, sx), two_prod(sy, sy));
	return dd_round(dd_sqrt(s), e);
}
