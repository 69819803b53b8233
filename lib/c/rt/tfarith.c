// SPDX-License-Identifier: BSD-2-Clause
// IEEE binary128 arithmetic in software: the routines the compiler calls
// for long double on AArch64 and RISC-V 64 (and for __float128 on x86_64),
// with the names and conventions of the GCC/LLVM runtime. Every result is
// correctly rounded in the current rounding mode (fegetround); exception
// flags are not raised. The work is done on the unpacked form of
// lib/c/math/fpbits.h: sums and products through its fma, quotients by
// long division here.
#include <stdint.h>
#include <string.h>

#include "../math/fpbits.h"

#if __LDBL_MANT_DIG__ == 113
typedef long double tf;
#define HAVE_TF 1
#elif defined(__SIZEOF_FLOAT128__)
typedef __float128 tf;
#define HAVE_TF 1
#endif

#ifdef HAVE_TF
static const struct fpfmt *const Q = &__fp_quad;

static u128 bits(tf x)
{
	u128 b;
	memcpy(&b, &x, sizeof(b));
	return b;
}

static tf from(u128 b)
{
	tf x;
	memcpy(&x, &b, sizeof(x));
	return x;
}

static u128 neg(u128 b)
{
	return b ^ ((u128)1 << 127);
}

/* 1.0: x * 1 + y is x + y rounded once. */
static u128 one(void)
{
	return (u128)16383 << 112;
}

tf __addtf3(tf a, tf b);
tf __subtf3(tf a, tf b);
tf __multf3(tf a, tf b);
tf __divtf3(tf a, tf b);
tf __negtf2(tf a);

tf __addtf3(tf a, tf b)
{
	return from(fp_fma(Q, bits(a), one(), bits(b)));
}

tf __subtf3(tf a, tf b)
{
	return from(fp_fma(Q, bits(a), one(), neg(bits(b))));
}

tf __negtf2(tf a)
{
	return from(neg(bits(a)));
}

/* a * b + z with z the zero that leaves every product alone: -0, or +0
 * when rounding downward (where +0 + -0 is -0). */
tf __multf3(tf a, tf b)
{
	u128 z = fp_mode() == FPR_DOWN ? 0 : neg(0);
	return from(fp_fma(Q, bits(a), bits(b), z));
}

tf __divtf3(tf a, tf b)
{
	struct fpnum x = fp_unpack(Q, bits(a)), y = fp_unpack(Q, bits(b));
	int s = x.sign ^ y.sign;
	if (x.cls == FPC_NAN || y.cls == FPC_NAN)
		return from(fp_quiet(Q, x.cls == FPC_NAN ? bits(a) : bits(b)));
	if ((x.cls == FPC_INF && y.cls == FPC_INF) || (x.cls == FPC_ZERO && y.cls == FPC_ZERO))
		return from(fp_qnan(Q));
	if (x.cls == FPC_INF || y.cls == FPC_ZERO)
		return from(fp_inf(Q, s));
	if (x.cls == FPC_ZERO || y.cls == FPC_INF)
		return from(fp_pack(Q, s, 0, 0, false, FPR_NEAREST, 0));
	/* both significands have 113 bits, so x.m / y.m is in (1/2, 2): long
	 * division for 116 quotient bits, the remainder as sticky */
	u128 r = x.m, q = 0;
	for (int i = 0; i < 116; i++) {
		q <<= 1;
		if (r >= y.m) {
			r -= y.m;
			q |= 1;
		}
		r <<= 1;
	}
	return from(fp_pack(Q, s, q, x.e - y.e - 115, r != 0, fp_mode(), 0));
}

/* -1, 0, 1, or 2 when unordered. */
static int compare(tf a, tf b)
{
	struct fpnum x = fp_unpack(Q, bits(a)), y = fp_unpack(Q, bits(b));
	if (x.cls == FPC_NAN || y.cls == FPC_NAN)
		return 2;
	if (x.cls == FPC_ZERO && y.cls == FPC_ZERO)
		return 0;
	/* sign-magnitude to an unsigned order: negatives complemented,
	 * positives above them */
	u128 ba = bits(a), bb = bits(b);
	ba = x.sign ? ~ba : ba | ((u128)1 << 127);
	bb = y.sign ? ~bb : bb | ((u128)1 << 127);
	return ba < bb ? -1 : ba > bb;
}

int __eqtf2(tf a, tf b);
int __netf2(tf a, tf b);
int __lttf2(tf a, tf b);
int __letf2(tf a, tf b);
int __gttf2(tf a, tf b);
int __getf2(tf a, tf b);
int __cmptf2(tf a, tf b);
int __unordtf2(tf a, tf b);

/* eq/ne: 0 when equal. lt/le/cmp: < 0, 0, > 0, and 1 when unordered (so
 * that a < b and a <= b come out false). gt/ge: -1 when unordered. */
int __eqtf2(tf a, tf b)
{
	return compare(a, b) != 0;
}
int __netf2(tf a, tf b)
{
	return compare(a, b) != 0;
}
int __lttf2(tf a, tf b)
{
	int c = compare(a, b);
	return c == 2 ? 1 : c;
}
int __letf2(tf a, tf b)
{
	return __lttf2(a, b);
}
int __cmptf2(tf a, tf b)
{
	return __lttf2(a, b);
}
int __gttf2(tf a, tf b)
{
	int c = compare(a, b);
	return c == 2 ? -1 : c;
}
int __getf2(tf a, tf b)
{
	return __gttf2(a, b);
}
int __unordtf2(tf a, tf b)
{
	return compare(a, b) == 2;
}

/* Between formats: exact when widening, rounded in the current mode when
 * narrowing; NaNs stay NaNs (quiet, the top payload bits kept). */
static u128 convert(const struct fpfmt *to, const struct fpfmt *src, u128 b)
{
	struct fpnum n = fp_unpack(src, b);
	switch (n.cls) {
	case FPC_NAN: {
		int drop = src->p - to->p;
		u128 pay = n.m & (((u128)1 << (src->p - 2)) - 1);
		pay = drop > 0 ? pay >> drop : pay << -drop;
		return fp_quiet(to, fp_inf(to, n.sign) | pay);
	}
	case FPC_INF: return fp_inf(to, n.sign);
	case FPC_ZERO: return fp_pack(to, n.sign, 0, 0, false, FPR_NEAREST, 0);
	default: return fp_pack(to, n.sign, n.m, n.e, false, fp_mode(), 0);
	}
}

tf __extendsftf2(float x);
tf __extenddftf2(double x);
float __trunctfsf2(tf x);
double __trunctfdf2(tf x);

tf __extendsftf2(float x)
{
	return from(convert(Q, &__fp_float, fp_bits_f(x)));
}
tf __extenddftf2(double x)
{
	return from(convert(Q, &__fp_double, fp_bits_d(x)));
}
float __trunctfsf2(tf x)
{
	return fp_from_f(convert(&__fp_float, Q, bits(x)));
}
double __trunctfdf2(tf x)
{
	return fp_from_d(convert(&__fp_double, Q, bits(x)));
}

/* |x| truncated to an integer; *big when it takes more than width bits
 * (or x is not finite). */
static u128 magnitude(tf x, int *sign, bool *big, int width)
{
	struct fpnum n = fp_unpack(Q, bits(x));
	*sign = n.sign;
	*big = n.cls == FPC_NAN || n.cls == FPC_INF || (n.cls == FPC_FINITE && n.e + 113 > width);
	if (n.cls != FPC_FINITE || *big)
		return 0;
	if (n.e >= 0)
		return n.m << n.e;
	return n.e <= -113 ? 0 : n.m >> -n.e;
}

/* To signed integers of at most max, truncating; out of range (and NaN)
 * saturates. */
static __int128 to_int(tf x, int width, u128 max)
{
	int sign;
	bool big;
	u128 m = magnitude(x, &sign, &big, width);
	if (big || m > max + (u128)sign)
		return sign ? -(__int128)max - 1 : (__int128)max;
	return sign ? -(__int128)(m - 1) - 1 : (__int128)m;
}

static u128 to_unsigned(tf x, int width, u128 max)
{
	int sign;
	bool big;
	u128 m = magnitude(x, &sign, &big, width);
	if (sign)
		return 0;
	return big || m > max ? max : m;
}

int __fixtfsi(tf x);
long long __fixtfdi(tf x);
__int128 __fixtfti(tf x);
unsigned __fixunstfsi(tf x);
unsigned long long __fixunstfdi(tf x);
unsigned __int128 __fixunstfti(tf x);

int __fixtfsi(tf x)
{
	return (int)to_int(x, 32, INT32_MAX);
}
long long __fixtfdi(tf x)
{
	return (long long)to_int(x, 64, INT64_MAX);
}
__int128 __fixtfti(tf x)
{
	return to_int(x, 128, ~(u128)0 >> 1);
}
unsigned __fixunstfsi(tf x)
{
	return (unsigned)to_unsigned(x, 32, UINT32_MAX);
}
unsigned long long __fixunstfdi(tf x)
{
	return (unsigned long long)to_unsigned(x, 64, UINT64_MAX);
}
unsigned __int128 __fixunstfti(tf x)
{
	return to_unsigned(x, 128, ~(u128)0);
}

/* From integers: exact up to 113 bits, rounded in the current mode above. */
static tf from_int(int sign, u128 m)
{
	return from(fp_pack(Q, sign, m, 0, false, fp_mode(), 0));
}

tf __floatsitf(int i);
tf __floatditf(long long i);
tf __floattitf(__int128 i);
tf __floatunsitf(unsigned i);
tf __floatunditf(unsigned long long i);
tf __floatuntitf(unsigned __int128 i);

tf __floatsitf(int i)
{
	return from_int(i < 0, i < 0 ? -(u128)i : (u128)i);
}
tf __floatditf(long long i)
{
	return from_int(i < 0, i < 0 ? -(u128)i : (u128)i);
}
tf __floattitf(__int128 i)
{
	return from_int(i < 0, i < 0 ? -(u128)i : (u128)i);
}
tf __floatunsitf(unsigned i)
{
	return from_int(0, i);
}
tf __floatunditf(unsigned long long i)
{
	return from_int(0, i);
}
tf __floatuntitf(unsigned __int128 i)
{
	return from_int(0, i);
}
#endif
