// SPDX-License-Identifier: BSD-2-Clause
// <math.h>, <fenv.h> and long double arithmetic on the target: a table of
// results checked bit for bit (the correctly rounded values, computed with
// mpmath at 3000 bits: the same code must give the same bits on every
// architecture), errno, the four rounding modes (honoured by rint and
// sqrt and by the hardware), the exception flags, and long double
// arithmetic (binary128 in software on AArch64 and RISC-V, lib/c/rt).
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "../utest.h"

static uint64_t bits(double x)
{
	uint64_t b;
	memcpy(&b, &x, sizeof(b));
	return b;
}

/* The bits compare, and a mismatch shows both patterns. */
#define CHECK_BITS(got, want)                                                                 \
	do {                                                                                  \
		uint64_t g_ = bits(got), w_ = bits(want);                                     \
		if (g_ != w_) {                                                               \
			vg_printf("KTEST-DETAIL %s:%d: %s: %lx != %lx\n", __FILE__, __LINE__, \
				  #got, (unsigned long)g_, (unsigned long)w_);                \
			utest_checks_failed++;                                                \
		}                                                                             \
	} while (0)

static const struct {
	const char *name;
	double (*fn)(double);
	double x, want;
} unary[] = {
	{ "exp", exp, 0x1.0000000000000p+0, 0x1.5bf0a8b145769p+1 },
	{ "exp", exp, -0x1.0000000000000p-1, 0x1.368b2fc6f960ap-1 },
	{ "exp", exp, 0x1.5e00000000000p+9, 0x1.d945df4f8ec8ep+1009 },
	{ "exp", exp, -0x1.7200000000000p+9, 0x0.0000000000055p-1022 },
	{ "exp2", exp2, 0x1.3333333333333p-2, 0x1.3b2c47bff8329p+0 },
	{ "expm1", expm1, 0x1.b7cdfd9d7bdbbp-34, 0x1.b7cdfd9dda4e3p-34 },
	{ "expm1", expm1, 0x1.8000000000000p+1, 0x1.315e5bf6fb106p+4 },
	{ "log", log, 0x1.4000000000000p+3, 0x1.26bb1bbb55516p+1 },
	{ "log", log, 0x0.0000000000010p-1022, -0x1.72d57016e7789p+9 },
	{ "log2", log2, 0x1.8000000000000p+1, 0x1.95c01a39fbd68p+0 },
	{ "log10", log10, 0x1.0000000000000p+1, 0x1.34413509f79ffp-2 },
	{ "log1p", log1p, -0x1.3333333333333p-2, -0x1.6d3c324e13f4ep-2 },
	{ "cbrt", cbrt, 0x1.4000000000000p+3, 0x1.13c484138704fp+1 },
	{ "sin", sin, 0x1.0000000000000p+0, 0x1.aed548f090ceep-1 },
	{ "sin", sin, 0x1.0f0cf064dd592p+73, -0x1.b453ab76bf397p-1 },
	{ "sin", sin, 0x1.0000000000000p+1000, -0x1.460b8ae1c886ep-3 },
	{ "cos", cos, 0x1.7e43c8800759cp+996, -0x1.2699022adc4c1p-1 },
	{ "cos", cos, 0x1.0000000000000p-1, 0x1.c1528065b7d50p-1 },
	{ "tan", tan, 0x1.8000000000000p+0, 0x1.c33ed50b88777p+3 },
	{ "tan", tan, 0x1.2a05f20000000p+33, -0x1.1de000f443f50p-1 },
	{ "asin", asin, 0x1.3333333333333p-2, 0x1.380159e14f6ffp-2 },
	{ "acos", acos, -0x1.6666666666666p-1, 0x1.2c501446cd5f1p+1 },
	{ "atan", atan, 0x1.4000000000000p+2, 0x1.5f97315254857p+0 },
	{ "sinh", sinh, 0x1.0000000000000p+1, 0x1.d03cf63b6e19fp+1 },
	{ "cosh", cosh, -0x1.8000000000000p+1, 0x1.422a497d6185ep+3 },
	{ "tanh", tanh, 0x1.999999999999ap-2, 0x1.8511573c242d6p-2 },
	{ "asinh", asinh, 0x1.9000000000000p+6, 0x1.53180a93d3c2ap+2 },
	{ "acosh", acosh, 0x1.8000000000000p+0, 0x1.ecc2caec5160ap-1 },
	{ "atanh", atanh, 0x1.ccccccccccccdp-1, 0x1.78e360604b32dp+0 },
	{ "erf", erf, 0x1.6666666666666p-1, 0x1.5b08c21171646p-1 },
	{ "erfc", erfc, 0x1.4000000000000p+2, 0x1.b0c1a759f7739p-40 },
	{ "erfc", erfc, -0x1.0000000000000p+0, 0x1.d7bb3d3a08445p+0 },
	{ "lgamma", lgamma, 0x1.0000000000000p-1, 0x1.250d048e7a1bdp-1 },
	{ "lgamma", lgamma, -0x1.4000000000000p+1, -0x1.ccbf9f5ed0f16p-5 },
	{ "tgamma", tgamma, 0x1.2000000000000p+2, 0x1.74371e7866c65p+3 },
	{ "tgamma", tgamma, -0x1.0000000000000p-1, -0x1.c5bf891b4ef6bp+1 },
	{ "sqrt", sqrt, 0x1.0000000000000p+1, 0x1.6a09e667f3bcdp+0 },
};

static const struct {
	double x, y, want;
} powers[] = {
	{ 0x1.0000000000000p+1, 0x1.0000000000000p-1, 0x1.6a09e667f3bcdp+0 },
	{ 0x1.4000000000000p+3, -0x1.8000000000000p+1, 0x1.0624dd2f1a9fcp-10 },
	{ 0x1.000001ad7f29bp+0, 0x1.dcd6500000000p+29, 0x1.349445c228792p+144 },
	{ -0x1.0000000000000p+1, 0x1.4000000000000p+2, -0x1.0000000000000p+5 },
};

UTEST(math_table)
{
	for (size_t i = 0; i < sizeof(unary) / sizeof(unary[0]); i++) {
		double got = unary[i].fn(unary[i].x);
		if (bits(got) != bits(unary[i].want)) {
			vg_printf("KTEST-DETAIL %s(%lx) = %lx, want %lx\n", unary[i].name,
				  (unsigned long)bits(unary[i].x), (unsigned long)bits(got),
				  (unsigned long)bits(unary[i].want));
			utest_checks_failed++;
		}
	}
	for (size_t i = 0; i < sizeof(powers) / sizeof(powers[0]); i++)
		CHECK_BITS(pow(powers[i].x, powers[i].y), powers[i].want);
	CHECK_BITS(atan2(1, -2), 0x1.56c6e7397f5aep+1);
	CHECK_BITS(hypot(3e300, 4e300), 0x1.ddd4baa009303p+998);
	CHECK_BITS(fma(0x1p-30 + 1, 0x1p-30 + 1, -1), 0x1.00000002p-29);
	CHECK_BITS(fmod(1e300, 7.0), 1.0);
	CHECK_BITS(remainder(7.0, 2.0), -1.0);
	CHECK_BITS(floor(-0.5), -1.0);
	CHECK_BITS(round(2.5), 3.0);
	CHECK_BITS(nextafter(1.0, 2.0), 0x1.0000000000001p+0);
	CHECK_BITS(ldexp(1.0, -1074), 0x1p-1074);
	CHECK_BITS((double)sinf(1.0f), (double)0x1.aed548p-1f);
	CHECK_BITS((double)expf(10.0f), (double)0x1.5829dcp+14f);
	CHECK(isnan(sin(INFINITY)) && isinf(exp(1000.0)) && signbit(atan2(-0.0, 1.0)));
	CHECK(fpclassify(0x1p-1074) == FP_SUBNORMAL && isnormal(1.0) && !isfinite(NAN));
}

UTEST(math_errno)
{
	errno = 0;
	CHECK(isnan(log(-1.0)) && errno == EDOM);
	errno = 0;
	CHECK(log(0.0) == -HUGE_VAL && errno == ERANGE);
	errno = 0;
	CHECK(exp(1000.0) == HUGE_VAL && errno == ERANGE);
	errno = 0;
	CHECK(exp(-1000.0) == 0 && errno == ERANGE);
	errno = 0;
	CHECK(isnan(acos(2.0)) && errno == EDOM);
	errno = 0;
	CHECK(isnan(sqrt(-1.0)) && errno == EDOM);
	errno = 0;
	CHECK(isinf(tgamma(0.0)) && errno == ERANGE);
	errno = 0;
	CHECK(isnan(pow(-1.0, 0.5)) && errno == EDOM);
	errno = 0;
	CHECK(expf(100.0f) == HUGE_VALF && errno == ERANGE);
	errno = 0;
	CHECK(sin(1.0) > 0 && cos(1e22) > 0 && errno == 0);
	CHECK(math_errhandling == MATH_ERRNO);
}

/* volatile: the divisions happen at run time, in the mode set. */
static volatile double one = 1.0, three = 3.0, zero = 0.0;

UTEST(math_fenv_rounding)
{
	static const int modes[4] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO };
	static const double rint_25[4] = { 2, 3, 2, 2 }, rint_m25[4] = { -2, -2, -3, -2 };
	static const double sqrt2[4] = { 0x1.6a09e667f3bcdp+0, 0x1.6a09e667f3bcdp+0,
					 0x1.6a09e667f3bccp+0, 0x1.6a09e667f3bccp+0 };
	CHECK_EQ(fegetround(), FE_TONEAREST);
	for (int m = 0; m < 4; m++) {
		CHECK_EQ(fesetround(modes[m]), 0);
		CHECK_EQ(fegetround(), modes[m]);
		CHECK_BITS(rint(2.5), rint_25[m]);
		CHECK_BITS(nearbyint(-2.5), rint_m25[m]);
		CHECK_EQ(lrint(-2.5), (long)rint_m25[m]);
		CHECK_BITS(sqrt(2.0), sqrt2[m]);
		/* the hardware follows the mode too */
		double third = one / three;
		CHECK_BITS(third, m == 1 ? 0x1.5555555555556p-2 : 0x1.5555555555555p-2);
	}
	CHECK(fesetround(12345) != 0);
	fenv_t env;
	CHECK_EQ(fegetenv(&env), 0);
	fesetround(FE_TONEAREST);
	CHECK_EQ(fesetenv(&env), 0); /* back to towards zero */
	CHECK_EQ(fegetround(), FE_TOWARDZERO);
	CHECK_EQ(fesetenv(FE_DFL_ENV), 0);
	CHECK_EQ(fegetround(), FE_TONEAREST);
}

UTEST(math_fenv_flags)
{
	feclearexcept(FE_ALL_EXCEPT);
	CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
	volatile double q = one / zero; /* divide by zero, from the hardware */
	CHECK(isinf(q));
	CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
	q = one / three;
	CHECK_EQ(fetestexcept(FE_INEXACT | FE_OVERFLOW), FE_INEXACT);
	CHECK_EQ(feclearexcept(FE_DIVBYZERO), 0);
	CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);
	CHECK_EQ(feraiseexcept(FE_OVERFLOW | FE_UNDERFLOW), 0);
	CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT | FE_OVERFLOW | FE_UNDERFLOW);
	fexcept_t saved;
	CHECK_EQ(fegetexceptflag(&saved, FE_OVERFLOW | FE_INVALID), 0);
	feclearexcept(FE_ALL_EXCEPT);
	CHECK_EQ(fesetexceptflag(&saved, FE_ALL_EXCEPT), 0);
	CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW);
	fenv_t env;
	CHECK_EQ(feholdexcept(&env), 0);
	CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
	feraiseexcept(FE_INVALID);
	CHECK_EQ(feupdateenv(&env), 0); /* the held flag and the new one */
	CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INVALID);
	feclearexcept(FE_ALL_EXCEPT);
}

/* volatile: the arithmetic happens at run time (in lib/c/rt on AArch64 and
 * RISC-V), not in the compiler. */
static volatile long double l1 = 1, l3 = 3, l2 = 2, ltenth = 0.1L, lbig = 1e300L;

UTEST(math_long_double)
{
	long double third = l1 / l3, back = third * l3;
	CHECK(back == 1 || back == 1 - LDBL_EPSILON / 2);
	CHECK(l1 + LDBL_EPSILON != 1 && l1 + LDBL_EPSILON / 2 == 1);
	CHECK(l1 - LDBL_EPSILON / 2 != 1 && l2 - l1 == l1 && l2 * l3 == 6);
	CHECK((long long)(lbig / lbig * 1e18L) == 1000000000000000000LL);
	CHECK((int)(l3 * -l2) == -6 && (unsigned long long)(l3 * 1e18L) == 3000000000000000000ULL);
	CHECK((double)ltenth == 0.1 && (float)ltenth == 0.1f && ltenth != 0.1);
	CHECK(l3 > l2 && l2 >= l2 && l1 < l3 && !(l1 > l1) && l1 != l3);
	long double nan = l1 * 0 / 0;
	CHECK(!(nan == nan) && !(nan < l1) && !(nan > l1) && isnan(nan));
	CHECK(sqrtl(l2 * l2 * l2 * l2) == 4 && fabsl(-l3) == 3 && floorl(-ltenth) == -1);
	CHECK(fmal(l3, l3, -l2 * 4) == 1 && truncl(l3 / l2) == 1 && roundl(l3 / l2) == 2);
	CHECK(ldexpl(l1, 16000) / ldexpl(l1, 15999) == 2 && isinf(ldexpl(l1, 16384)));
#if __LDBL_MANT_DIG__ == 113
	/* the exact binary128 bit patterns (mpmath) */
	long double pi = 0x1.921fb54442d18469898cc51701b8p+1L;
	unsigned __int128 b;
	memcpy(&b, &third, 16);
	CHECK((uint64_t)(b >> 64) == 0x3ffd555555555555ull && (uint64_t)b == 0x5555555555555555ull);
	long double s2 = sqrtl(l2);
	memcpy(&b, &s2, 16);
	CHECK((uint64_t)(b >> 64) == 0x3fff6a09e667f3bcull && (uint64_t)b == 0xc908b2fb1366ea95ull);
	long double tenth = l1 / (l3 * 3 + l1);
	memcpy(&b, &tenth, 16);
	CHECK((uint64_t)(b >> 64) == 0x3ffb999999999999ull && (uint64_t)b == 0x999999999999999aull);
	CHECK(pi * l2 / l2 == pi && pi - pi == 0);
#endif
}
