// SPDX-License-Identifier: BSD-2-Clause
// Exponentials, logarithms and powers in double: exp, exp2, expm1, log,
// log2, log10, log1p, pow. Each works in double-double (kernels.c) and
// rounds once.
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "dd.h"

/* Beyond these e^x is infinite or zero in double (with margin). */
#define EXP_BIG 746.0

static double overflow(int sign)
{
	errno = ERANGE;
	return sign ? -HUGE_VAL : HUGE_VAL;
}

static double underflow(int sign)
{
	errno = ERANGE;
	return sign ? -0.0 : 0.0;
}

/* e^x for a double-double argument, x.hi not NaN. */
static double exp_dd(dd x)
{
	if (x.hi > EXP_BIG)
		return overflow(0);
	if (x.hi < -EXP_BIG)
		return underflow(0);
	long k;
	dd m = exp_core(x, &k);
	return dd_round(m, k);
}

/* e^x, 2^x, e^x - 1 of NaN and the infinities (minus: 0, 0, -1). */
static bool exp_special(double x, double minf, double *r)
{
	if (isnan(x))
		*r = x + x;
	else if (isinf(x))
		*r = x > 0 ? x : minf;
	else
		return false;
	return true;
}

double exp(double x)
{
	double r;
	if (exp_special(x, 0, &r))
		return r;
	return exp_dd(dd_make(x, 0));
}

double exp2(double x)
{
	double r;
	if (exp_special(x, 0, &r))
		return r;
	if (x > 1100)
		return overflow(0);
	if (x < -1100)
		return underflow(0);
	/* 2^x = 2^k e^((x - k) ln 2), x - k exact */
	double k = round(x);
	dd t = dd_mul_d(C_LN2, x - k);
	return dd_round(dd_add_d(expm1_small(t), 1.0), (long)k);
}

double expm1(double x)
{
	double r;
	if (exp_special(x, -1, &r))
		return r;
	if (x > EXP_BIG)
		return overflow(0);
	if (x < -40) /* e^x below half an ulp of 1 */
		return -1.0 + 0x1p-60;
	if (fabs(x) < 0x1p-60)
		return x;
	if (x > 50)
		return exp(x);
	return dd_round(expm1_core(x), 0);
}

/* The special cases of the logarithms: NaN, negative, zero, infinity.
 * Returns true with *r set when x is one of them. */
static bool log_special(double x, double *r)
{
	if (isnan(x)) {
		*r = x + x;
	} else if (x < 0) {
		errno = EDOM;
		*r = NAN;
	} else if (x == 0) {
		errno = ERANGE;
		*r = -HUGE_VAL;
	} else if (isinf(x)) {
		*r = x;
	} else {
		return false;
	}
	return true;
}

double log(double x)
{
	double r;
	if (log_special(x, &r))
		return r;
	return dd_round(log_core(dd_make(x, 0)), 0);
}

double log2(double x)
{
	double r;
	if (log_special(x, &r))
		return r;
	return dd_round(dd_mul(log_core(dd_make(x, 0)), C_INV_LN2), 0);
}

double log10(double x)
{
	double r;
	if (log_special(x, &r))
		return r;
	return dd_round(dd_mul(log_core(dd_make(x, 0)), C_INV_LN10), 0);
}

double log1p(double x)
{
	if (isnan(x))
		return x + x;
	if (x < -1) {
		errno = EDOM;
		return NAN;
	}
	if (x == -1) {
		errno = ERANGE;
		return -HUGE_VAL;
	}
	if (isinf(x) || fabs(x) < 0x1p-60)
		return x;
	if (x > 0x1p60)
		return log(x);
	return dd_round(log_core(two_sum(1.0, x)), 0);
}

static bool is_snan(double x)
{
	uint64_t b;
	memcpy(&b, &x, sizeof(b));
	return isnan(x) && !(b & (1ull << 51));
}

/* Whether y is an integer, and an odd one. */
static int int_kind(double y) /* 0: not an integer, 1: even, 2: odd */
{
	if (!isfinite(y) || y != trunc(y))
		return 0;
	if (fabs(y) >= 0x1p53)
		return 1;
	return fmod(y, 2.0) != 0 ? 2 : 1;
}

double pow(double x, double y)
{
	/* C11 F.10.4.4, in its order; a signaling NaN gives NaN even where a
	 * quiet one would give 1 (IEEE 754-2008 9.2.1, as glibc does) */
	if (is_snan(x) || is_snan(y))
		return x + y;
	if (y == 0 || x == 1)
		return 1.0;
	if (isnan(x) || isnan(y))
		return x + y;
	int yk = int_kind(y);
	if (x == 0) {
		int neg = signbit(x) && yk == 2;
		if (y > 0)
			return neg ? -0.0 : 0.0;
		errno = ERANGE;
		return neg ? -HUGE_VAL : HUGE_VAL;
	}
	if (isinf(y)) {
		double ax = fabs(x);
		if (ax == 1)
			return 1.0;
		return (ax < 1) == (y < 0) ? HUGE_VAL : 0.0;
	}
	if (isinf(x)) {
		int neg = x < 0 && yk == 2;
		if (y < 0)
			return neg ? -0.0 : 0.0;
		return neg ? -HUGE_VAL : HUGE_VAL;
	}
	if (x < 0 && !yk) {
		errno = EDOM;
		return NAN;
	}
	int neg = x < 0 && yk == 2;
	if (x == -1) /* y an integer too large for the product below */
		return neg ? -1.0 : 1.0;
	dd l = log_core(dd_make(fabs(x), 0));
	double approx = l.hi * y;
	if (approx > 2 * EXP_BIG)
		return overflow(neg);
	if (approx < -2 * EXP_BIG)
		return underflow(neg);
	double r = exp_dd(dd_mul_d(l, y));
	return neg ? -r : r;
}
