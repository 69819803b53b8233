// SPDX-License-Identifier: BSD-2-Clause
// lib/c/rt's binary128 routines (the long double arithmetic of AArch64 and
// RISC-V) against the host compiler's own __float128 support (libgcc's
// soft-fp), bit for bit, in all four rounding modes: the four operations,
// comparisons, and conversions to and from float, double and integers.
// Operands are random bit patterns, values near each other (cancellation),
// integers, subnormals and the special values.
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <vgc.h>
#include <vtest.h>

typedef __float128 tf;
typedef unsigned __int128 u128;

tf vgc___addtf3(tf, tf);
tf vgc___subtf3(tf, tf);
tf vgc___multf3(tf, tf);
tf vgc___divtf3(tf, tf);
tf vgc___negtf2(tf);
int vgc___eqtf2(tf, tf);
int vgc___netf2(tf, tf);
int vgc___lttf2(tf, tf);
int vgc___letf2(tf, tf);
int vgc___gttf2(tf, tf);
int vgc___getf2(tf, tf);
int vgc___unordtf2(tf, tf);
tf vgc___extendsftf2(float);
tf vgc___extenddftf2(double);
float vgc___trunctfsf2(tf);
double vgc___trunctfdf2(tf);
int vgc___fixtfsi(tf);
long long vgc___fixtfdi(tf);
unsigned vgc___fixunstfsi(tf);
unsigned long long vgc___fixunstfdi(tf);
tf vgc___floatsitf(int);
tf vgc___floatditf(long long);
tf vgc___floatunsitf(unsigned);
tf vgc___floatunditf(unsigned long long);

static u128 bits(tf x)
{
	u128 b;
	memcpy(&b, &x, 16);
	return b;
}

static tf from(u128 b)
{
	tf x;
	memcpy(&x, &b, 16);
	return x;
}

static bool is_nan(tf x)
{
	u128 b = bits(x) << 1;
	return (b >> 113) == 0x7fff && (b << 15) != 0;
}

/* Same bits, or both NaN. */
static bool same(tf a, tf b)
{
	return bits(a) == bits(b) || (is_nan(a) && is_nan(b));
}

static uint64_t rng = 0x7f128;

static tf rand_tf(tf prev)
{
	uint64_t r = vtest_rand(&rng), s = vtest_rand(&rng);
	u128 b = ((u128)r << 64) | s;
	switch (r % 8) {
	case 0:
	case 1: return from(b);
	case 2: /* near 1 and the middle of the range */
		return from((b & ~((u128)0xffff << 112)) |
			    ((u128)(16383 + (int)(s % 40) - 20) << 112) | ((u128)(r & 1) << 127));
	case 3: return from(b & ~((u128)0x7fff << 112)); /* subnormal */
	case 4: return prev * (1 + (tf)(int)(s % 5 - 2) * (tf)0x1p-112); /* close to prev */
	case 5: return (tf)(int64_t)s;
	case 6: return -prev;
	default: {
		const tf sp[] = { 0,
				  -(tf)0,
				  1,
				  -1,
				  from((u128)0x7ff0 << 112),
				  from((u128)1 << 127 | (u128)0x10 << 112),
				  from(1) /* least */,
				  (tf)__builtin_inf(),
				  -(tf)__builtin_inf(),
				  (tf)__builtin_nan(""),
				  from((u128)0x7ffe << 112 | (((u128)1 << 112) - 1)) /* greatest */,
				  from((u128)1 << 112) /* least normal */ };
		return sp[s % (sizeof(sp) / sizeof(sp[0]))];
	}
	}
}

static const int modes[] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };

#define BIN(ours, op, a, b)                                                                        \
	CHECK_MSG(same(ours(a, b), (a)op(b)), #ours " mode %d: %016llx%016llx, %016llx%016llx", m, \
		  (unsigned long long)(bits(a) >> 64), (unsigned long long)bits(a),                \
		  (unsigned long long)(bits(b) >> 64), (unsigned long long)bits(b))

TEST(libc_math_tf, arithmetic_all_modes)
{
	tf prev = 1;
	unsigned long n = 0;
	for (int m = 0; m < 4; m++) {
		fesetround(modes[m]);
		for (int i = 0; i < 150000; i++) {
			tf a = rand_tf(prev), b = rand_tf(a);
			prev = b;
			BIN(vgc___addtf3, +, a, b);
			BIN(vgc___subtf3, -, a, b);
			BIN(vgc___multf3, *, a, b);
			BIN(vgc___divtf3, /, a, b);
			CHECK(same(vgc___negtf2(a), -a));
			double d = (double)a;
			CHECK_MSG(!memcmp(&(double){ vgc___trunctfdf2(a) }, &d, 8) || (isnan(d)),
				  "trunctfdf2 mode %d", m);
			float f = (float)a;
			CHECK_MSG(!memcmp(&(float){ vgc___trunctfsf2(a) }, &f, 4) || (isnan(f)),
				  "trunctfsf2 mode %d", m);
			CHECK(same(vgc___extenddftf2(d), (tf)d));
			CHECK(same(vgc___extendsftf2(f), (tf)f));
			long long ll = (long long)vtest_rand(&rng) >> (i % 64);
			CHECK(same(vgc___floatditf(ll), (tf)ll));
			CHECK(same(vgc___floatunditf((unsigned long long)ll),
				   (tf)(unsigned long long)ll));
			CHECK(same(vgc___floatsitf((int)ll), (tf)(int)ll));
			CHECK(same(vgc___floatunsitf((unsigned)ll), (tf)(unsigned)ll));
			n += 13;
		}
	}
	fesetround(FE_TONEAREST);
	printf("# libc_math_tf: %lu comparisons with libgcc\n", n);
}

TEST(libc_math_tf, compare_and_fix)
{
	tf prev = 1;
	for (int i = 0; i < 300000; i++) {
		tf a = rand_tf(prev), b = i % 3 ? rand_tf(a) : a;
		prev = b;
		CHECK((vgc___eqtf2(a, b) == 0) == (a == b));
		CHECK((vgc___netf2(a, b) != 0) == (a != b));
		CHECK((vgc___lttf2(a, b) < 0) == (a < b));
		CHECK((vgc___letf2(a, b) <= 0) == (a <= b));
		CHECK((vgc___gttf2(a, b) > 0) == (a > b));
		CHECK((vgc___getf2(a, b) >= 0) == (a >= b));
		CHECK((vgc___unordtf2(a, b) != 0) == (is_nan(a) || is_nan(b)));
		/* in range only: C leaves the rest undefined */
		if (!is_nan(a) && a > -(tf)0x1p31 && a < (tf)0x1p31)
			CHECK(vgc___fixtfsi(a) == (int)a);
		if (!is_nan(a) && a > -(tf)0x1p63 && a < (tf)0x1p63)
			CHECK(vgc___fixtfdi(a) == (long long)a);
		if (!is_nan(a) && a > -1 && a < (tf)0x1p32)
			CHECK(vgc___fixunstfsi(a) == (unsigned)a);
		if (!is_nan(a) && a > -1 && a < (tf)0x1p64)
			CHECK(vgc___fixunstfdi(a) == (unsigned long long)a);
	}
}

__int128 vgc___divti3(__int128, __int128);
__int128 vgc___modti3(__int128, __int128);
unsigned __int128 vgc___udivti3(unsigned __int128, unsigned __int128);
unsigned __int128 vgc___umodti3(unsigned __int128, unsigned __int128);

/* lib/c/rt/int128.c against the host's (libgcc) division. */
TEST(libc_math_tf, int128_division)
{
	for (int i = 0; i < 300000; i++) {
		u128 n = ((u128)vtest_rand(&rng) << 64 | vtest_rand(&rng)) >>
			(vtest_rand(&rng) % 128);
		u128 d = ((u128)vtest_rand(&rng) << 64 | vtest_rand(&rng)) >>
			(vtest_rand(&rng) % 128);
		if (!d)
			continue;
		CHECK(vgc___udivti3(n, d) == n / d && vgc___umodti3(n, d) == n % d);
		__int128 sn = (__int128)n, sd = (__int128)d;
		if (sd == -1)
			continue;
		CHECK(vgc___divti3(sn, sd) == sn / sd && vgc___modti3(sn, sd) == sn % sd);
	}
}
