// SPDX-License-Identifier: BSD-2-Clause
// The float and long double forms of the elementary functions. float
// computes in double and rounds the result (within about half an ulp of
// float, the double result being much closer than that). long double is
// computed in double too, as the library's other long double support
// (lib/c/README.md): only the exactly specified functions have full long
// double precision.
#include <errno.h>
#include <math.h>

/* The double result narrowed to float, with ERANGE when the narrowing
 * itself overflows or lands below float's normal range inexactly. */
static float narrow(double r)
{
	float f = (float)r;
	if ((isinf(f) && !isinf(r)) || (r != 0 && fabs(r) < 0x1p-126 && (double)f != r))
		errno = ERANGE;
	return f;
}

#define NARROW1(name)                           \
	float name##f(float x)                  \
	{                                       \
		return narrow(name((double)x)); \
	}                                       \
	long double name##l(long double x)      \
	{                                       \
		return name((double)x);         \
	}

/* The operands are a and b: atan2's are named y, x. */
#define NARROW2(name)                                      \
	float name##f(float a, float b)                    \
	{                                                  \
		return narrow(name((double)a, (double)b)); \
	}                                                  \
	long double name##l(long double a, long double b)  \
	{                                                  \
		return name((double)a, (double)b);         \
	}

NARROW1(exp)
NARROW1(exp2)
NARROW1(expm1)
NARROW1(log)
NARROW1(log2)
NARROW1(log10)
NARROW1(log1p)
NARROW1(cbrt)
NARROW1(sin)
NARROW1(cos)
NARROW1(tan)
NARROW1(asin)
NARROW1(acos)
NARROW1(atan)
NARROW1(sinh)
NARROW1(cosh)
NARROW1(tanh)
NARROW1(asinh)
NARROW1(acosh)
NARROW1(atanh)
NARROW1(erf)
NARROW1(erfc)
NARROW1(lgamma)
NARROW1(tgamma)
NARROW2(pow)
NARROW2(atan2)
NARROW2(hypot)

float lgammaf_r(float x, int *sign)
{
	return narrow(lgamma_r((double)x, sign));
}

long double lgammal_r(long double x, int *sign)
{
	return lgamma_r((double)x, sign);
}
