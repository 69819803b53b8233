// SPDX-License-Identifier: BSD-2-Clause
// The exponent and the parts of a number: frexp, ldexp, scalbn, scalbln,
// logb, ilogb, modf, for every format.
#include <errno.h>
#include <limits.h>
#include <math.h>

#include "generic.h"

static u128 frexp_bits(const struct fpfmt *f, u128 b, int *exp)
{
	struct fpnum n = fp_unpack(f, b);
	*exp = 0;
	if (n.cls == FPC_NAN)
		return fp_quiet(f, b);
	if (n.cls != FPC_FINITE)
		return b;
	*exp = n.e + f->p;
	return fp_pack(f, n.sign, n.m, -f->p, false, FPR_NEAREST, 0);
}

/* x * 2^k in the current rounding mode; ERANGE when the result overflows
 * or is an inexact tiny number. */
static u128 scale_bits(const struct fpfmt *f, u128 b, long k)
{
	struct fpnum n = fp_unpack(f, b);
	if (n.cls == FPC_NAN)
		return fp_quiet(f, b);
	if (n.cls != FPC_FINITE)
		return b;
	/* beyond +-50000 every format overflows or underflows all the same */
	if (k > 50000)
		k = 50000;
	if (k < -50000)
		k = -50000;
	int fl;
	u128 r = fp_pack(f, n.sign, n.m, n.e + (int)k, false, fp_mode(), &fl);
	if (fl & (FPF_OVERFLOW | FPF_UNDERFLOW))
		errno = ERANGE;
	return r;
}

/* The unbiased exponent of a finite nonzero number. */
static int exponent_of(const struct fpfmt *f, struct fpnum n)
{
	return n.e + f->p - 1;
}

static int ilogb_int(const struct fpfmt *f, u128 b)
{
	struct fpnum n = fp_unpack(f, b);
	if (n.cls == FPC_FINITE)
		return exponent_of(f, n);
	errno = EDOM;
	return n.cls == FPC_INF ? INT_MAX : n.cls == FPC_ZERO ? FP_ILOGB0 : FP_ILOGBNAN;
}

static u128 logb_bits(const struct fpfmt *f, u128 b)
{
	struct fpnum n = fp_unpack(f, b);
	switch (n.cls) {
	case FPC_NAN: return fp_quiet(f, b);
	case FPC_INF: return fp_inf(f, 0);
	case FPC_ZERO: errno = ERANGE; return fp_inf(f, 1);
	default: break;
	}
	int e = exponent_of(f, n);
	return fp_pack(f, e < 0, (u128)(e < 0 ? -e : e), 0, false, FPR_NEAREST, 0);
}

FP_UNARY_ALL(logb, logb_bits)
FP_TO_ALL(int, ilogb, ilogb_int)

/* The fraction of x (its sign kept, +-0 for integers and infinities);
 * *ip gets the integral part. */
static u128 modf_bits(const struct fpfmt *f, u128 b, u128 *ip)
{
	struct fpnum n = fp_unpack(f, b);
	if (n.cls == FPC_NAN)
		return *ip = fp_quiet(f, b);
	if (n.cls != FPC_FINITE || n.e >= 0) {
		*ip = b;
		return fp_pack(f, n.sign, 0, 0, false, FPR_NEAREST, 0);
	}
	if (n.e <= -f->p) {
		*ip = fp_pack(f, n.sign, 0, 0, false, FPR_NEAREST, 0);
		return b;
	}
	u128 low = ((u128)1 << -n.e) - 1;
	*ip = fp_pack(f, n.sign, n.m & ~low, n.e, false, FPR_NEAREST, 0);
	return fp_pack(f, n.sign, n.m & low, n.e, false, FPR_NEAREST, 0);
}

#define SCALE_FUNCS(T, s, F, bits, from)                   \
	T frexp##s(T x, int *exp)                          \
	{                                                  \
		return from(frexp_bits(&F, bits(x), exp)); \
	}                                                  \
	T ldexp##s(T x, int k)                             \
	{                                                  \
		return from(scale_bits(&F, bits(x), k));   \
	}                                                  \
	T scalbn##s(T x, int k)                            \
	{                                                  \
		return from(scale_bits(&F, bits(x), k));   \
	}                                                  \
	T scalbln##s(T x, long k)                          \
	{                                                  \
		return from(scale_bits(&F, bits(x), k));   \
	}                                                  \
	T modf##s(T x, T *ip)                              \
	{                                                  \
		u128 i;                                    \
		T r = from(modf_bits(&F, bits(x), &i));    \
		*ip = from(i);                             \
		return r;                                  \
	}

SCALE_FUNCS(float, f, __fp_float, fp_bits_f, fp_from_f)
SCALE_FUNCS(double, , __fp_double, fp_bits_d, fp_from_d)
SCALE_FUNCS(long double, l, __fp_ldouble, fp_bits_l, fp_from_l)
