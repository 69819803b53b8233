// SPDX-License-Identifier: BSD-2-Clause
// fma: x * y + z rounded once (current rounding mode), for every format.
// The product is exact in 256 bits (two significands of at most 113 bits);
// z is aligned to it with the bits shifted out kept as a sticky bit.
#include <errno.h>
#include <math.h>

#include "generic.h"

struct u256 {
	u128 hi, lo;
};

static struct u256 mul(u128 a, u128 b)
{
	uint64_t a0 = (uint64_t)a, a1 = (uint64_t)(a >> 64);
	uint64_t b0 = (uint64_t)b, b1 = (uint64_t)(b >> 64);
	u128 p00 = (u128)a0 * b0, p01 = (u128)a0 * b1, p10 = (u128)a1 * b0, p11 = (u128)a1 * b1;
	u128 mid = (p00 >> 64) + (uint64_t)p01 + (uint64_t)p10;
	struct u256 r;
	r.lo = (mid << 64) | (uint64_t)p00;
	r.hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
	return r;
}

static int bits256(struct u256 a)
{
	return a.hi ? 128 + u128_bits(a.hi) : u128_bits(a.lo);
}

static struct u256 shl(struct u256 a, int n)
{
	if (n <= 0)
		return a;
	if (n >= 128)
		return (struct u256){ a.lo << (n - 128), 0 };
	return (struct u256){ (a.hi << n) | (a.lo >> (128 - n)), a.lo << n };
}

static struct u256 shr_sticky(struct u256 a, int n, bool *sticky)
{
	if (n <= 0)
		return a;
	if (n >= 256) {
		*sticky |= a.hi || a.lo;
		return (struct u256){ 0, 0 };
	}
	if (n >= 128) {
		*sticky |= a.lo != 0;
		return (struct u256){ 0, u128_shr_sticky(a.hi, n - 128, sticky) };
	}
	*sticky |= (a.lo & (((u128)1 << n) - 1)) != 0;
	return (struct u256){ a.hi >> n, (a.lo >> n) | (a.hi << (128 - n)) };
}

static struct u256 add(struct u256 a, struct u256 b)
{
	struct u256 r = { a.hi + b.hi, a.lo + b.lo };
	r.hi += r.lo < a.lo;
	return r;
}

static struct u256 sub(struct u256 a, struct u256 b)
{
	struct u256 r = { a.hi - b.hi, a.lo - b.lo };
	r.hi -= a.lo < b.lo;
	return r;
}

static bool less(struct u256 a, struct u256 b)
{
	return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
}

/* Rounds (-1)^sign * (a + sticky) * 2^e to format f. */
static u128 pack256(const struct fpfmt *f, int sign, struct u256 a, int e, bool sticky,
		    enum fpround r)
{
	int n = bits256(a) - 126;
	if (n > 0) {
		a = shr_sticky(a, n, &sticky);
		e += n;
	}
	return fp_pack(f, sign, a.lo, e, sticky, r, 0);
}

u128 fp_fma(const struct fpfmt *f, u128 xb, u128 yb, u128 zb)
{
	struct fpnum x = fp_unpack(f, xb), y = fp_unpack(f, yb), z = fp_unpack(f, zb);
	int ps = x.sign ^ y.sign;
	enum fpround r = fp_mode();
	if (x.cls == FPC_NAN || y.cls == FPC_NAN || z.cls == FPC_NAN)
		return fp_quiet(f, x.cls == FPC_NAN ? xb : y.cls == FPC_NAN ? yb : zb);
	bool pinf = x.cls == FPC_INF || y.cls == FPC_INF;
	bool pzero = x.cls == FPC_ZERO || y.cls == FPC_ZERO;
	if ((pinf && pzero) || (pinf && z.cls == FPC_INF && z.sign != ps))
		return fp_qnan(f);
	if (pinf)
		return fp_inf(f, ps);
	if (z.cls == FPC_INF)
		return zb;
	if (pzero) {
		if (z.cls != FPC_ZERO)
			return zb;
		int s = z.sign == ps ? ps : r == FPR_DOWN;
		return fp_pack(f, s, 0, 0, false, r, 0);
	}
	struct u256 p = mul(x.m, y.m);
	int pe = x.e + y.e;
	if (z.cls == FPC_ZERO)
		return pack256(f, ps, p, pe, false, r);
	/* both with the top bit at 250; the smaller exponent shifted right */
	struct u256 q = { 0, z.m };
	int qe = z.e;
	int sp = 250 - bits256(p), sq = 250 - bits256(q);
	p = shl(p, sp);
	pe -= sp;
	q = shl(q, sq);
	qe -= sq;
	bool sticky = false;
	if (pe >= qe) {
		long d = (long)pe - qe;
		q = shr_sticky(q, d > 300 ? 300 : (int)d, &sticky);
		qe = pe;
	} else {
		long d = (long)qe - pe;
		p = shr_sticky(p, d > 300 ? 300 : (int)d, &sticky);
		pe = qe;
	}
	/* the sticky part belongs to whichever operand was shifted: the smaller */
	if (ps == z.sign)
		return pack256(f, ps, add(p, q), pe, sticky, r);
	int sign = ps;
	if (less(p, q)) {
		struct u256 t = p;
		p = q;
		q = t;
		sign = z.sign;
	}
	struct u256 d = sub(p, q);
	if (sticky) /* big - (small + s) = (big - small - 1) + (1 - s) */
		d = sub(d, (struct u256){ 0, 1 });
	if (!d.hi && !d.lo && !sticky)
		return fp_pack(f, r == FPR_DOWN, 0, 0, false, r, 0);
	return pack256(f, sign, d, pe, sticky, r);
}

/* EDOM for a NaN made from numbers (inf * 0, inf - inf). */
#define FMA_FUNC(T, name, F, bits, from)                             \
	T name(T x, T y, T z)                                        \
	{                                                            \
		T r = from(fp_fma(&F, bits(x), bits(y), bits(z)));   \
		if (isnan(r) && !isnan(x) && !isnan(y) && !isnan(z)) \
			errno = EDOM;                                \
		return r;                                            \
	}

FMA_FUNC(float, fmaf, __fp_float, fp_bits_f, fp_from_f)
FMA_FUNC(double, fma, __fp_double, fp_bits_d, fp_from_d)
FMA_FUNC(long double, fmal, __fp_ldouble, fp_bits_l, fp_from_l)
