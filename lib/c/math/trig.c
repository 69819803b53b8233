// SPDX-License-Identifier: BSD-2-Clause
// Circular functions in double: sin, cos, tan (reduction by pi/2 for every
// argument, kernels.c) and their inverses asin, acos, atan, atan2.
#include <errno.h>
#include <math.h>

#include "dd.h"

static double domain_error(void)
{
	errno = EDOM;
	return NAN;
}

/* sin (which = 0) or cos (which = 1) of x: quadrant q of the reduced
 * argument shifts cos to sin and flips signs. */
static double sincos_one(double x, int which)
{
	if (isnan(x))
		return x + x;
	if (isinf(x))
		return domain_error();
	if (which == 0 && fabs(x) < 0x1p-27) /* x^3/6 below half an ulp */
		return x;
	dd r;
	int q = (rem_pio2(x, &r) + which) & 3;
	dd v = q & 1 ? cos_core(r) : sin_core(r);
	if (q & 2)
		v = dd_neg(v);
	return dd_round(v, 0);
}

double sin(double x)
{
	return sincos_one(x, 0);
}

double cos(double x)
{
	return sincos_one(x, 1);
}

double tan(double x)
{
	if (isnan(x))
		return x + x;
	if (isinf(x))
		return domain_error();
	if (fabs(x) < 0x1p-27)
		return x;
	dd r;
	int q = rem_pio2(x, &r);
	dd s = sin_core(r), c = cos_core(r);
	/* tan(r + pi/2) = -cos r / sin r */
	dd t = q & 1 ? dd_neg(dd_div(c, s)) : dd_div(s, c);
	return dd_round(t, 0);
}

/* atan(y / x) in [0, pi/2] for finite positive x, y whose exponents
 * differ by at most 60, given as double-double. */
static dd atan_ratio(dd y, dd x)
{
	if (y.hi <= x.hi)
		return atan_core(dd_div(y, x));
	return dd_sub(C_PI_2, atan_core(dd_div(x, y)));
}

/* atan2 for finite nonzero y, x: exponents far apart first, then both
 * scaled near 1 (exactly) for the double-double work. */
static double atan2_finite(double y, double x)
{
	double ay = fabs(y), ax = fabs(x);
	int ey = ilogb(ay), ex = ilogb(ax);
	dd a;
	if (ey - ex > 60) {
		a = C_PI_2;
	} else if (ex - ey > 60) {
		if (x > 0) /* atan(t) = t to far below an ulp */
			return y / x;
		a = dd_make(0, 0);
	} else {
		a = atan_ratio(dd_make(scalbn(ay, -ex), 0), dd_make(scalbn(ax, -ex), 0));
	}
	if (x < 0)
		a = dd_sub(C_PI, a);
	if (y < 0)
		a = dd_neg(a);
	return dd_round(a, 0);
}

double atan2(double y, double x)
{
	if (isnan(x) || isnan(y))
		return x + y;
	double pi = copysign(C_PI.hi, y), pi_2 = copysign(C_PI_2.hi, y);
	if (y == 0) /* +-0 for x > 0 or +0, +-pi for x < 0 or -0 */
		return x > 0 || (x == 0 && !signbit(x)) ? y : pi;
	if (x == 0)
		return pi_2;
	if (isinf(x)) {
		if (isinf(y))
			return x > 0 ? pi_2 / 2 : copysign(dd_round(dd_mul_d(C_PI_4, 3.0), 0), y);
		return x > 0 ? copysign(0.0, y) : pi;
	}
	if (isinf(y))
		return pi_2;
	return atan2_finite(y, x);
}

double atan(double x)
{
	if (isnan(x))
		return x + x;
	if (fabs(x) < 0x1p-27)
		return x;
	if (isinf(x))
		return copysign(C_PI_2.hi, x);
	return atan2(x, 1.0);
}

/* sqrt(1 - x^2) in double-double for |x| <= 1: (1 - x)(1 + x) is exact
 * as double-double. */
static dd cos_of_asin(double x)
{
	dd a = two_sum(1.0, -fabs(x)), b = two_sum(1.0, fabs(x));
	dd p = dd_mul(a, b);
	return p.hi == 0 ? p : dd_sqrt(p);
}

double asin(double x)
{
	if (isnan(x))
		return x + x;
	if (fabs(x) > 1)
		return domain_error();
	if (fabs(x) < 0x1p-27)
		return x;
	dd c = cos_of_asin(x);
	dd a = c.hi == 0 ? C_PI_2 : atan_ratio(dd_make(fabs(x), 0), c);
	return copysign(dd_round(a, 0), x);
}

double acos(double x)
{
	if (isnan(x))
		return x + x;
	if (fabs(x) > 1)
		return domain_error();
	if (x == 1)
		return 0.0;
	dd s = cos_of_asin(x);
	dd a = x == 0 ? C_PI_2 : atan_ratio(s, dd_make(fabs(x), 0));
	if (x < 0)
		a = dd_sub(C_PI, a);
	return dd_round(a, 0);
}
