// SPDX-License-Identifier: BSD-2-Clause
// lib/c's <math.h> against glibc's libm. The elementary functions are
// measured in ulps against glibc's long double functions (64-bit
// significands: a reference some 2^11 times finer than double), over
// random inputs spread across the whole range and over the hard cases
// (subnormals, +-0, +-inf, NaN, huge trigonometric arguments, the edges of
// overflow and underflow); each must stay below the bound lib/c/README.md
// documents. The float forms are measured against glibc's double
// functions. Special values must match glibc's (NaN, infinities, the sign
// of zero) and so must errno for domain, pole, overflow and underflow to
// zero. MATH_TEST_N (default 50000) sets the random inputs per function.
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

#define DECL1(n)                \
	double vgc_##n(double); \
	float vgc_##n##f(float);
#define DECL2(n)                        \
	double vgc_##n(double, double); \
	float vgc_##n##f(float, float);
DECL1(exp)
DECL1(exp2)
DECL1(expm1)
DECL1(log)
DECL1(log2)
DECL1(log10)
DECL1(log1p)
DECL1(cbrt)
DECL1(sin)
DECL1(cos)
DECL1(tan)
DECL1(asin)
DECL1(acos)
DECL1(atan)
DECL1(sinh)
DECL1(cosh)
DECL1(tanh)
DECL1(asinh)
DECL1(acosh)
DECL1(atanh)
DECL1(erf)
DECL1(erfc)
DECL1(lgamma)
DECL1(tgamma)
DECL2(pow)
DECL2(atan2)
DECL2(hypot)

static unsigned long n_random(void)
{
	const char *s = getenv("MATH_TEST_N");
	return s ? strtoul(s, NULL, 0) : 50000;
}

static double from_bits(uint64_t b)
{
	double d;
	memcpy(&d, &b, 8);
	return d;
}

/* |got - want| in ulps of double at want (want exact to long double). */
static double ulp_err(double got, long double want)
{
	if (isnan(want) || isinf((double)want) || isnan(got) || isinf(got))
		return isnan(got) == isnan(want) && (isnan(got) || got == (double)want) ? 0 : 1e9;
	long double aw = fabsl(want);
	int e;
	if (aw < 0x1p-1022L)
		e = -1022;
	else
		frexpl(aw, &e), e--;
	/* overflow: a finite reference beyond DBL_MAX rounds to inf */
	long double ulp = ldexpl(1.0L, (e < -1022 ? -1022 : e) - 52);
	return (double)(fabsl((long double)got - want) / ulp);
}

static double ulp_err_f(float got, double want)
{
	if (isnan(want) || isinf((float)want) || isnan(got) || isinf(got))
		return isnan(got) == isnan(want) && (isnan(got) || got == (float)want) ? 0 : 1e9;
	double aw = fabs(want);
	int e;
	if (aw < 0x1p-126)
		e = -126;
	else
		frexp(aw, &e), e--;
	double ulp = ldexp(1.0, (e < -126 ? -126 : e) - 23);
	return fabs((double)got - want) / ulp;
}

struct fn1 {
	const char *name;
	double (*ours)(double);
	long double (*ref)(long double);
	double (*glibc)(double);
	float (*oursf)(float);
	double bound;
	double lo, hi; /* the interesting range for uniform inputs */
};

static const double specials[] = {
	0.0,
	-0.0,
	INFINITY,
	-INFINITY,
	NAN,
	1.0,
	-1.0,
	2.0,
	-2.0,
	0.5,
	-0.5,
	3.0,
	10.0,
	1e-300,
	-1e-300,
	0x1p-1074,
	-0x1p-1074,
	0x1p-1022,
	0x1.fffffffffffffp-1023,
	DBL_MAX,
	-DBL_MAX,
	709.782712893384,
	709.79,
	710.4758600739439,
	710.48,
	-708.3964185322641,
	-745.1332191019411,
	-745.14,
	1024.0,
	-1022.0,
	-1075.0,
	-1074.5,
	1e22,
	0x1p1023,
	1.5707963267948966,
	3.141592653589793,
	6.283185307179586,
	1e300,
	0x1.921fb54442d18p+1023,
	5.319372648326541e+255,
	0x1p-28,
	0x1p-27,
	1e-10,
	0.9999999999999999,
	1.0000000000000002,
	0.1,
	171.6243769563027,
	171.62437695630274,
	-2.5,
	-3.5,
	-170.5,
	-171.5,
	-183.99,
	-0.0000001,
	2.4570247961349,
	26.5,
	27.3,
	6.0,
	5.99999,
	4.0,
	0.2,
	0.8,
	1.2,
	1.8,
	2.2,
	22.0,
	40.0,
	0x1p28,
	0x1p60,
};

/* The bits of a random double: everywhere, or uniform in [lo, hi]. */
static double random_input(uint64_t *s, int k, double lo, double hi)
{
	uint64_t r = vtest_rand(s);
	switch (k % 4) {
	case 0: return from_bits(r);
	case 1: return lo + (hi - lo) * ((double)(r >> 11) * 0x1p-53);
	case 2: return ldexp((double)(r >> 11) * 0x1p-53, (int)(r % 64) - 50) * (r & 1 ? -1 : 1);
	default:
		return from_bits((r & 0x800fffffffffffffull) |
				 ((uint64_t)(1023 + (int)(r >> 52) % 12 - 6) << 52));
	}
}

static int errno_class(int e, int edom, int erange)
{
	return e == edom ? 1 : e == erange ? 2 : 0;
}

/* Mismatches are listed (up to a limit) and counted; the case fails at
 * its end, so that one run shows every function's state. */
static unsigned long mismatches;
#define NOTE(cond, ...)                                    \
	do {                                               \
		if (!(cond) && mismatches++ < 40) {        \
			printf("# MISMATCH " __VA_ARGS__); \
			printf("\n");                      \
		}                                          \
	} while (0)

/* Special results and errno against glibc: NaN, infinities, zeros. */
static void check_special(const char *name, double x, double y, double ours, int our_errno,
			  double theirs, int their_errno)
{
	if (!isfinite(theirs) || theirs == 0 || isnan(x) || isnan(y)) {
		NOTE(isnan(ours) == isnan(theirs) &&
			     (isnan(ours) || (ours == theirs && signbit(ours) == signbit(theirs))),
		     "%s(%a, %a): ours %a, glibc %a", name, x, y, ours, theirs);
		/* errno only where C requires it: domain and pole errors and
		 * overflow to infinity */
		if (isnan(theirs) || isinf(theirs))
			NOTE(errno_class(our_errno, VGC_EDOM, VGC_ERANGE) ==
				     errno_class(their_errno, EDOM, ERANGE),
			     "%s(%a, %a) = %a: errno ours %d, glibc %d", name, x, y, ours,
			     our_errno, their_errno);
	}
}

static void run1(const struct fn1 *f)
{
	uint64_t s = 0x5eed0000 + (uint64_t)f->name[0] * 131 + f->name[1];
	double worst = 0, worst_x = 0;
	double worstf = 0, worstf_x = 0;
	unsigned long n = n_random(), ns = sizeof(specials) / sizeof(specials[0]);
	for (unsigned long i = 0; i < n + 2 * ns; i++) {
		double x = i < 2 * ns ? (i & 1 ? -specials[i / 2] : specials[i / 2])
				      : random_input(&s, (int)i, f->lo, f->hi);
		vgc_errno = 0;
		double ours = f->ours(x);
		int oe = vgc_errno;
		errno = 0;
		double theirs = f->glibc(x);
		int te = errno;
		check_special(f->name, x, 0, ours, oe, theirs, te);
		double err = ulp_err(ours, f->ref((long double)x));
		if (isinf(theirs) && !isinf(ours) && fabs(ours) == DBL_MAX)
			err = 1e9;
		if (err > worst)
			worst = err, worst_x = x;
		float xf = (float)x;
		float of = f->oursf(xf);
		double errf = ulp_err_f(of, f->glibc((double)xf));
		if (errf > worstf)
			worstf = errf, worstf_x = xf;
	}
	printf("# libc_math.%s: max %.3f ulp (at %a), %sf max %.3f ulp (at %a)\n", f->name, worst,
	       worst_x, f->name, worstf, worstf_x);
	NOTE(worst < f->bound, "%s: %.3f ulp at %a (bound %.2f)", f->name, worst, worst_x,
	     f->bound);
	NOTE(worstf < 0.51, "%sf: %.3f ulp at %a", f->name, worstf, worstf_x);
}

/* One case per function (each case has a time limit): the measured
 * worst errors printed, mismatches listed, the case failing at the end. */
#define FN_TEST(n, b, lo, hi)                                                                \
	TEST(libc_math, n)                                                                   \
	{                                                                                    \
		static const struct fn1 f = { #n, vgc_##n, n##l, n, vgc_##n##f, b, lo, hi }; \
		mismatches = 0;                                                              \
		run1(&f);                                                                    \
		CHECK_MSG(!mismatches, "%lu mismatches", mismatches);                        \
	}

FN_TEST(exp, 0.52, -750, 750)
FN_TEST(exp2, 0.52, -1080, 1030)
FN_TEST(expm1, 0.52, -40, 710)
FN_TEST(log, 0.52, 0, 10)
FN_TEST(log2, 0.52, 0, 10)
FN_TEST(log10, 0.52, 0, 10)
FN_TEST(log1p, 0.52, -1, 10)
FN_TEST(cbrt, 0.52, -10, 10)
FN_TEST(sin, 0.52, -10, 10)
FN_TEST(cos, 0.52, -10, 10)
FN_TEST(tan, 0.52, -10, 10)
FN_TEST(asin, 0.52, -1, 1)
FN_TEST(acos, 0.52, -1, 1)
FN_TEST(atan, 0.52, -10, 10)
FN_TEST(sinh, 0.52, -720, 720)
FN_TEST(cosh, 0.52, -720, 720)
FN_TEST(tanh, 0.52, -5, 5)
FN_TEST(asinh, 0.52, -10, 10)
FN_TEST(acosh, 0.52, 1, 10)
FN_TEST(atanh, 0.52, -1, 1)
FN_TEST(erf, 0.52, -6, 6)
FN_TEST(erfc, 0.52, -6, 28)
/* lgamma: near its zeros on the negative axis (-2.457...) the reflection
 * formula cancels; elsewhere it is within 0.5 ulp */
FN_TEST(lgamma, 1.0, -10, 30)
FN_TEST(tgamma, 0.52, -180, 175)
