// SPDX-License-Identifier: BSD-2-Clause
// Sign, neighbours and comparisons: fabs, copysign, nan, nextafter,
// nexttoward, fmin, fmax, fdim, for every format.
#include <errno.h>
#include <math.h>

#include "generic.h"

static u128 sign_mask(const struct fpfmt *f)
{
	return (u128)1 << ((f->explicit ? f->p : f->p - 1) + f->ebits);
}

static u128 fabs_bits(const struct fpfmt *f, u128 b)
{
	return b & ~sign_mask(f);
}
FP_UNARY_ALL(fabs, fabs_bits)

static u128 copysign_bits(const struct fpfmt *f, u128 x, u128 y)
{
	return (x & ~sign_mask(f)) | (y & sign_mask(f));
}

/* The payload of the tag is not used: every nan() is the default NaN. */
float nanf(const char *tag)
{
	(void)tag;
	return fp_from_f(fp_qnan(&__fp_float));
}
double nan(const char *tag)
{
	(void)tag;
	return fp_from_d(fp_qnan(&__fp_double));
}
long double nanl(const char *tag)
{
	(void)tag;
	return fp_from_l(fp_qnan(&__fp_ldouble));
}

/* The neighbour of a finite x away from zero (away) or towards it, the
 * least subnormal of sign zsign for a zero x; ERANGE when that overflows or
 * is subnormal or zero. */
static u128 step_bits(const struct fpfmt *f, u128 b, bool away, int zsign)
{
	struct fpnum n = fp_unpack(f, b);
	int emin_e = 1 - f->emax - (f->p - 1);
	u128 r;
	int fl;
	if (n.cls == FPC_FINITE && n.e < emin_e) { /* subnormal: steps of 2^emin_e */
		n.m >>= emin_e - n.e;
		n.e = emin_e;
	}
	if (n.cls == FPC_INF) { /* towards zero: the largest finite number */
		r = fp_pack(f, n.sign, ((u128)1 << f->p) - 1, f->emax - (f->p - 1), false,
			    FPR_NEAREST, 0);
		fl = 0;
	} else if (n.cls == FPC_ZERO) {
		r = fp_pack(f, zsign, 1, emin_e, false, FPR_NEAREST, 0);
		fl = FPF_UNDERFLOW;
	} else if (away) {
		r = fp_pack(f, n.sign, n.m + 1, n.e, false, FPR_NEAREST, &fl);
	} else if (n.m == (u128)1 << (f->p - 1) && n.e > emin_e) {
		/* the binade below has twice the resolution */
		r = fp_pack(f, n.sign, 2 * n.m - 1, n.e - 1, false, FPR_NEAREST, &fl);
	} else {
		r = fp_pack(f, n.sign, n.m - 1, n.e, false, FPR_NEAREST, &fl);
	}
	struct fpnum q = fp_unpack(f, r);
	if (q.cls == FPC_INF || q.cls == FPC_ZERO || q.m < (u128)1 << (f->p - 1) || q.e < emin_e)
		errno = ERANGE;
	return r;
}

/* The C functions: NaNs and equal arguments first, then one step from x
 * towards y (away from zero when y is further from zero on x's side). */
#define SIGN_FUNCS(T, s, F, bits, from)                                                            \
	T copysign##s(T x, T y)                                                                    \
	{                                                                                          \
		return from(copysign_bits(&F, bits(x), bits(y)));                                  \
	}                                                                                          \
	T nextafter##s(T x, T y)                                                                   \
	{                                                                                          \
		if (isnan(x) || isnan(y))                                                          \
			return x + y;                                                              \
		if (x == y)                                                                        \
			return y;                                                                  \
		return from(step_bits(&F, bits(x), x != 0 && (x < y) == (x > 0), x > y));          \
	}                                                                                          \
	T nexttoward##s(T x, long double y)                                                        \
	{                                                                                          \
		if (isnan(x) || isnan(y))                                                          \
			return (T)(x + y);                                                         \
		if ((long double)x == y)                                                           \
			return (T)y;                                                               \
		return from(                                                                       \
			step_bits(&F, bits(x), x != 0 && ((long double)x < y) == (x > 0), x > y)); \
	}                                                                                          \
	T fmin##s(T x, T y)                                                                        \
	{                                                                                          \
		if (isnan(x))                                                                      \
			return y;                                                                  \
		if (isnan(y) || x < y)                                                             \
			return x;                                                                  \
		/* fmin(-0, +0) is -0 */                                                           \
		return x == y && signbit(x) ? x : y;                                               \
	}                                                                                          \
	T fmax##s(T x, T y)                                                                        \
	{                                                                                          \
		if (isnan(x))                                                                      \
			return y;                                                                  \
		if (isnan(y) || x > y)                                                             \
			return x;                                                                  \
		return x == y && !signbit(x) ? x : y;                                              \
	}                                                                                          \
	T fdim##s(T x, T y)                                                                        \
	{                                                                                          \
		if (isnan(x) || isnan(y))                                                          \
			return x + y;                                                              \
		if (!(x > y))                                                                      \
			return 0;                                                                  \
		T r = x - y;                                                                       \
		if (isinf(r) && !isinf(x) && !isinf(y))                                            \
			errno = ERANGE;                                                            \
		return r;                                                                          \
	}

SIGN_FUNCS(float, f, __fp_float, fp_bits_f, fp_from_f)
SIGN_FUNCS(double, , __fp_double, fp_bits_d, fp_from_d)
SIGN_FUNCS(long double, l, __fp_ldouble, fp_bits_l, fp_from_l)
