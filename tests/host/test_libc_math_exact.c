// SPDX-License-Identifier: BSD-2-Clause
// lib/c's exactly specified <math.h> functions against glibc's, bit for
// bit, in float, double and long double (the x87 format on both sides):
// rounding to integers in all four rounding modes, remainders, exponent
// functions, neighbours, fmin/fmax/fdim, fma and sqrt (correctly rounded,
// every mode), with errno for their domain and range errors. Inputs are
// random bit patterns, random values near the integers and the special
// values. Also pow, atan2 and hypot (two arguments) in ulps against
// glibc's long double functions.
#define _GNU_SOURCE
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>
#include <vtest.h>

#define VGC_EDOM 32

#define DECL_ALL1(n)             \
	double vgc_##n(double);  \
	float vgc_##n##f(float); \
	long double vgc_##n##l(long double);
#define DECL_ALL2(n)                    \
	double vgc_##n(double, double); \
	float vgc_##n##f(float, float); \
	long double vgc_##n##l(long double, long double);
DECL_ALL1(floor)
DECL_ALL1(ceil)
DECL_ALL1(trunc)
DECL_ALL1(round)
DECL_ALL1(rint)
DECL_ALL1(nearbyint)
DECL_ALL1(sqrt)
DECL_ALL1(fabs)
DECL_ALL1(logb)
DECL_ALL2(fmod)
DECL_ALL2(remainder)
DECL_ALL2(copysign)
DECL_ALL2(nextafter)
DECL_ALL2(fmin)
DECL_ALL2(fmax)
DECL_ALL2(fdim)
DECL_ALL2(pow)
DECL_ALL2(atan2)
DECL_ALL2(hypot)
double vgc_fma(double, double, double);
float vgc_fmaf(float, float, float);
long double vgc_fmal(long double, long double, long double);
double vgc_remquo(double, double, int *);
float vgc_remquof(float, float, int *);
long double vgc_remquol(long double, long double, int *);
double vgc_frexp(double, int *);
float vgc_frexpf(float, int *);
long double vgc_frexpl(long double, int *);
double vgc_ldexp(double, int);
float vgc_ldexpf(float, int);
long double vgc_ldexpl(long double, int);
double vgc_modf(double, double *);
float vgc_modff(float, float *);
long double vgc_modfl(long double, long double *);
int vgc_ilogb(double);
int vgc_ilogbf(float);
int vgc_ilogbl(long double);
long vgc_lround(double);
long vgc_lroundf(float);
long vgc_lroundl(long double);
long vgc_lrint(double);
long vgc_lrintf(float);
long vgc_lrintl(long double);
double vgc_nexttoward(double, long double);
float vgc_nexttowardf(float, long double);

static unsigned long compared;

/* Same value: bits equal, or both NaN (payloads are not compared). */
static bool same_d(double a, double b)
{
	return (isnan(a) && isnan(b)) || !memcmp(&a, &b, sizeof(a));
}
static bool same_f(float a, float b)
{
	return (isnan(a) && isnan(b)) || !memcmp(&a, &b, sizeof(a));
}
static bool same_l(long double a, long double b)
{
	return (isnan(a) && isnan(b)) || (a == b && signbit(a) == signbit(b));
}

static const double specials[] = { 0.0,
				   -0.0,
				   INFINITY,
				   -INFINITY,
				   NAN,
				   1.0,
				   -1.0,
				   0.5,
				   -0.5,
				   1.5,
				   2.5,
				   -2.5,
				   3.0,
				   0x1p52,
				   0x1p52 + 1,
				   0x1p53,
				   0x1p63,
				   -0x1p63,
				   0x1p64,
				   4503599627370495.5,
				   0.49999999999999994,
				   0x1p-1074,
				   0x1p-1022,
				   0x1.fffffffffffffp-1023,
				   DBL_MAX,
				   -DBL_MAX,
				   1e300,
				   1e-300,
				   7.0,
				   0.1,
				   1e22 };

static uint64_t rng = 0xe1ac7;

/* A random double: any bit pattern, a value near a small integer or
 * half-integer, or a special value. */
static double rand_d(void)
{
	uint64_t r = vtest_rand(&rng);
	double d;
	switch (r % 4) {
	case 0: memcpy(&d, &r, 8); return d;
	case 1:
		return (double)((int64_t)(r >> 40) - (1 << 23)) * 0.5 +
			((r >> 8) & 1 ? 0x1p-40 : 0);
	case 2: return ldexp((double)(r >> 11), (int)((r >> 3) % 140) - 120) * (r & 4 ? -1 : 1);
	default: return specials[(r >> 8) % (sizeof(specials) / sizeof(specials[0]))];
	}
}

static long double rand_l(void)
{
	long double x = rand_d();
	/* extra low bits beyond double's 53 */
	uint64_t r = vtest_rand(&rng);
	if (isfinite(x) && x != 0 && (r & 1))
		x += x * 0x1p-60L * (long double)(r >> 54);
	return x;
}

static const int modes[] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };

#define N_EXACT 100000

#define CMP1(fn, x, T, same, fmt)                                                                 \
	CHECK_MSG(same(vgc_##fn(x), fn(x)), #fn "(" fmt ") mode %d: ours " fmt ", glibc " fmt, x, \
		  fegetround(), vgc_##fn(x), fn(x))
#define CMP2(fn, x, y, same, fmt)                                                                 \
	CHECK_MSG(same(vgc_##fn(x, y), fn(x, y)),                                                 \
		  #fn "(" fmt ", " fmt ") mode %d: ours " fmt ", glibc " fmt, x, y, fegetround(), \
		  vgc_##fn(x, y), fn(x, y))

TEST(libc_math_exact, to_integer_all_modes)
{
	for (int m = 0; m < 4; m++) {
		fesetround(modes[m]);
		for (int i = 0; i < N_EXACT; i++) {
			double x = rand_d();
			float xf = (float)x;
			long double xl = rand_l();
			CMP1(floor, x, double, same_d, "%a");
			CMP1(ceil, x, double, same_d, "%a");
			CMP1(trunc, x, double, same_d, "%a");
			CMP1(round, x, double, same_d, "%a");
			CMP1(rint, x, double, same_d, "%a");
			CMP1(nearbyint, x, double, same_d, "%a");
			CMP1(floorf, xf, float, same_f, "%a");
			CMP1(ceilf, xf, float, same_f, "%a");
			CMP1(roundf, xf, float, same_f, "%a");
			CMP1(rintf, xf, float, same_f, "%a");
			CMP1(floorl, xl, long double, same_l, "%La");
			CMP1(ceill, xl, long double, same_l, "%La");
			CMP1(truncl, xl, long double, same_l, "%La");
			CMP1(roundl, xl, long double, same_l, "%La");
			CMP1(rintl, xl, long double, same_l, "%La");
			if (isfinite(x) && fabs(x) < 0x1p62) {
				CHECK_MSG(vgc_lround(x) == lround(x), "lround(%a)", x);
				CHECK_MSG(vgc_lrint(x) == lrint(x), "lrint(%a) mode %d", x, m);
				CHECK_MSG(vgc_lrintf(xf) == lrintf(xf), "lrintf(%a)", (double)xf);
				CHECK_MSG(vgc_lroundl(xl) == lroundl(xl), "lroundl(%La)", xl);
				CHECK_MSG(vgc_lrintl(xl) == lrintl(xl), "lrintl(%La)", xl);
			}
			compared += 20;
		}
	}
	fesetround(FE_TONEAREST);
	printf("# libc_math_exact: %lu comparisons\n", compared);
}

TEST(libc_math_exact, sqrt_fma_all_modes)
{
	for (int m = 0; m < 4; m++) {
		fesetround(modes[m]);
		for (int i = 0; i < N_EXACT; i++) {
			double x = rand_d(), y = rand_d(), z = rand_d();
			float xf = (float)x, yf = (float)y, zf = (float)z;
			long double xl = rand_l(), yl = rand_l(), zl = rand_l();
			CMP1(sqrt, x, double, same_d, "%a");
			CMP1(sqrtf, xf, float, same_f, "%a");
			CMP1(sqrtl, xl, long double, same_l, "%La");
			/* products near z, where cancellation is hardest */
			if (i & 1)
				z = -x * y * (1 + (double)(i & 6) * 0x1p-52);
			CHECK_MSG(same_d(vgc_fma(x, y, z), fma(x, y, z)),
				  "fma(%a, %a, %a) mode %d: ours %a, glibc %a", x, y, z, m,
				  vgc_fma(x, y, z), fma(x, y, z));
			CHECK_MSG(same_f(vgc_fmaf(xf, yf, zf), fmaf(xf, yf, zf)),
				  "fmaf(%a, %a, %a) mode %d", (double)xf, (double)yf, (double)zf,
				  m);
			if (i & 1)
				zl = -xl * yl;
			CHECK_MSG(same_l(vgc_fmal(xl, yl, zl), fmal(xl, yl, zl)),
				  "fmal(%La, %La, %La) mode %d: ours %La, glibc %La", xl, yl, zl, m,
				  vgc_fmal(xl, yl, zl), fmal(xl, yl, zl));
		}
	}
	fesetround(FE_TONEAREST);
	vgc_errno = 0;
	CHECK(isnan(vgc_sqrt(-1.0)) && vgc_errno == VGC_EDOM);
	vgc_errno = 0;
	CHECK(isnan(vgc_fma(INFINITY, 0, 1)) && vgc_errno == VGC_EDOM);
}

TEST(libc_math_exact, remainders_and_parts)
{
	for (int i = 0; i < N_EXACT; i++) {
		double x = rand_d(), y = rand_d();
		float xf = (float)x, yf = (float)y;
		long double xl = rand_l(), yl = rand_l();
		CMP2(fmod, x, y, same_d, "%a");
		if (remainder(x, y) != 0)
			CMP2(remainder, x, y, same_d, "%a");
		else /* zero with x's sign (IEEE 754; glibc drops it for subnormal y) */
			CHECK_MSG(same_d(vgc_remainder(x, y), copysign(0.0, x)),
				  "remainder(%a, %a)", x, y);
		CMP2(fmodf, xf, yf, same_f, "%a");
		CMP2(remainderf, xf, yf, same_f, "%a");
		CMP2(fmodl, xl, yl, same_l, "%La");
		if (remainderl(xl, yl) != 0)
			CMP2(remainderl, xl, yl, same_l, "%La");
		int q1, q2;
		double r1 = vgc_remquo(x, y, &q1), r2 = remquo(x, y, &q2);
		if (r2 == 0)
			r2 = copysign(0.0, x);
		CHECK_MSG(same_d(r1, r2) && (isnan(r1) || (q1 & 7) == (q2 & 7)) &&
				  (isnan(r1) || q1 == 0 || q2 == 0 || (q1 < 0) == (q2 < 0)),
			  "remquo(%a, %a): ours %a %d, glibc %a %d", x, y, r1, q1, r2, q2);
		CMP2(copysign, x, y, same_d, "%a");
		CMP2(copysignl, xl, yl, same_l, "%La");
		if (x != 0 || y != 0) /* glibc does not order the zeros */
			CMP2(fmin, x, y, same_d, "%a");
		if (x != 0 || y != 0) /* glibc does not order the zeros */
			CMP2(fmax, x, y, same_d, "%a");
		if (xl != 0 || yl != 0) /* glibc does not order the zeros */
			CMP2(fminl, xl, yl, same_l, "%La");
		if (xl != 0 || yl != 0) /* glibc does not order the zeros */
			CMP2(fmaxl, xl, yl, same_l, "%La");
		CMP2(fdim, x, y, same_d, "%a");
		CMP2(nextafter, x, y, same_d, "%a");
		CMP2(nextafterf, xf, yf, same_f, "%a");
		CMP2(nextafterl, xl, yl, same_l, "%La");
		CHECK(same_d(vgc_nexttoward(x, yl), nexttoward(x, yl)));
		CHECK(same_f(vgc_nexttowardf(xf, yl), nexttowardf(xf, yl)));
		CMP1(fabs, x, double, same_d, "%a");
		CMP1(fabsl, xl, long double, same_l, "%La");
		CMP1(logb, x, double, same_d, "%a");
		CMP1(logbl, xl, long double, same_l, "%La");
		CHECK_MSG(vgc_ilogb(x) == ilogb(x), "ilogb(%a)", x);
		CHECK_MSG(vgc_ilogbl(xl) == ilogbl(xl), "ilogbl(%La)", xl);
		int e1, e2;
		CHECK_MSG(same_d(vgc_frexp(x, &e1), frexp(x, &e2)) && (e1 == e2 || !isfinite(x)),
			  "frexp(%a)", x);
		CHECK_MSG(same_l(vgc_frexpl(xl, &e1), frexpl(xl, &e2)) &&
				  (e1 == e2 || !isfinite(xl)),
			  "frexpl(%La)", xl);
		int k = (int)(vtest_rand(&rng) % 4400) - 2200;
		CHECK_MSG(same_d(vgc_ldexp(x, k), ldexp(x, k)), "ldexp(%a, %d): ours %a, glibc %a",
			  x, k, vgc_ldexp(x, k), ldexp(x, k));
		CHECK_MSG(same_f(vgc_ldexpf(xf, k), ldexpf(xf, k)), "ldexpf(%a, %d)", (double)xf,
			  k);
		CHECK_MSG(same_l(vgc_ldexpl(xl, k * 9), ldexpl(xl, k * 9)), "ldexpl(%La, %d)", xl,
			  k * 9);
		double i1, i2;
		CHECK_MSG(same_d(vgc_modf(x, &i1), modf(x, &i2)) && same_d(i1, i2), "modf(%a)", x);
		long double il1, il2;
		CHECK_MSG(same_l(vgc_modfl(xl, &il1), modfl(xl, &il2)) && same_l(il1, il2),
			  "modfl(%La)", xl);
	}
	/* ours does: fmin(+0, -0) is -0 (C11 F.10.9.2) */
	CHECK(signbit(vgc_fmin(0.0, -0.0)) && signbit(vgc_fmin(-0.0, 0.0)));
	CHECK(!signbit(vgc_fmax(0.0, -0.0)) && !signbit(vgc_fmax(-0.0, 0.0)));
	/* errno of the domain and range errors */
	vgc_errno = 0;
	CHECK(isnan(vgc_fmod(1.0, 0.0)) && vgc_errno == VGC_EDOM);
	vgc_errno = 0;
	CHECK(isnan(vgc_remainder(INFINITY, 1.0)) && vgc_errno == VGC_EDOM);
	vgc_errno = 0;
	CHECK(isinf(vgc_ldexp(1.0, 2000)) && vgc_errno == VGC_ERANGE);
	vgc_errno = 0;
	CHECK(vgc_ldexp(1.0, -2000) == 0 && vgc_errno == VGC_ERANGE);
	vgc_errno = 0;
	CHECK(isinf(vgc_nextafter(DBL_MAX, INFINITY)) && vgc_errno == VGC_ERANGE);
	vgc_errno = 0;
	CHECK(vgc_logb(0.0) == -INFINITY && vgc_errno == VGC_ERANGE);
	vgc_errno = 0;
	CHECK(vgc_ilogb(0.0) == FP_ILOGB0 && vgc_errno == VGC_EDOM);
}

/* pow, atan2, hypot in ulps against glibc's long double functions. */
static double ulps(double got, long double want)
{
	double wd = (double)want;
	if (isnan(wd) || isinf(wd) || isnan(got) || isinf(got) || wd == 0)
		return (isnan(got) && isnan(wd)) || got == wd ? 0 : 1e9;
	int e;
	frexpl(fabsl(want), &e);
	e = e - 1 < -1022 ? -1022 : e - 1;
	return (double)(fabsl((long double)got - want) / ldexpl(1, e - 52));
}

TEST(libc_math_exact, two_argument_ulps)
{
	double worst[3] = { 0 }, at_x[3] = { 0 }, at_y[3] = { 0 };
	for (int i = 0; i < N_EXACT; i++) {
		double x = rand_d(), y = rand_d();
		if (i & 1) { /* pow over the range that neither overflows nor underflows */
			uint64_t r = vtest_rand(&rng);
			x = ldexp(1 + (double)(r >> 12) * 0x1p-52, (int)(r % 64) - 32);
			y = ((double)(int64_t)(vtest_rand(&rng) >> 1) * 0x1p-63) * 700 / log2(x);
		}
		double e[3] = { ulps(vgc_pow(x, y), powl(x, y)),
				ulps(vgc_atan2(x, y), atan2l(x, y)),
				ulps(vgc_hypot(x, y), hypotl(x, y)) };
		double g[3] = { pow(x, y), atan2(x, y), hypot(x, y) };
		double o[3] = { vgc_pow(x, y), vgc_atan2(x, y), vgc_hypot(x, y) };
		for (int j = 0; j < 3; j++) {
			/* special results (where glibc's powl is no reference:
			 * powl(-inf, -0x1p63) is inf) must be glibc's double ones */
			if (isnan(g[j]) || isinf(g[j]) || g[j] == 0) {
				CHECK_MSG(same_d(o[j], g[j]), "fn %d (%a, %a): ours %a, glibc %a",
					  j, x, y, o[j], g[j]);
				continue;
			}
			if (e[j] > worst[j])
				worst[j] = e[j], at_x[j] = x, at_y[j] = y;
		}
	}
	const char *names[3] = { "pow", "atan2", "hypot" };
	for (int j = 0; j < 3; j++) {
		printf("# libc_math_exact.%s: max %.3f ulp (at %a, %a)\n", names[j], worst[j],
		       at_x[j], at_y[j]);
		CHECK_MSG(worst[j] < 0.52, "%s: %.3f ulp", names[j], worst[j]);
	}
	vgc_errno = 0;
	CHECK(isnan(vgc_pow(-2.0, 0.5)) && vgc_errno == VGC_EDOM);
	vgc_errno = 0;
	CHECK(isinf(vgc_pow(0.0, -1.0)) && vgc_errno == VGC_ERANGE);
	vgc_errno = 0;
	CHECK(isinf(vgc_pow(10.0, 400.0)) && vgc_errno == VGC_ERANGE);
	CHECK(vgc_pow(-8.0, 1.0 / 3) != vgc_pow(-8.0, 1.0 / 3)); /* NaN */
	CHECK(vgc_pow(-2.0, 3.0) == -8.0 && vgc_pow(2.0, -1074.0) == 0x1p-1074);
}
