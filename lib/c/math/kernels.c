// SPDX-License-Identifier: BSD-2-Clause
// The cores of the elementary functions, in double-double (dd.h): e^x
// (Taylor series of e^(r/256) - 1 squared eight times), log (the atanh
// series of (m - 1) / (m + 1)), argument reduction by pi/2 for any double
// (Payne-Hanek, with 1536 bits of 2/pi), sin and cos (Taylor series on
// [-pi/4, pi/4]) and atan (argument halving, then the Taylor series).
#include <errno.h>
#include <math.h>

#include "dd.h"
#include "fpbits.h"

double dd_round(dd v, long k)
{
	if (v.hi == 0 || !isfinite(v.hi))
		return v.hi;
	struct fpnum h = fp_unpack(&__fp_double, fp_bits_d(v.hi));
	u128 m = h.m << 64;
	int e = h.e - 64;
	bool sticky = false;
	if (v.lo != 0) {
		struct fpnum l = fp_unpack(&__fp_double, fp_bits_d(v.lo));
		u128 lm = u128_shr_sticky(l.m, e - l.e, &sticky);
		if (l.sign == h.sign) {
			m += lm;
		} else {
			m -= lm;
			if (sticky) /* m - (lm + s) = (m - lm - 1) + (1 - s) */
				m--;
		}
	}
	if (k > 5000)
		k = 5000;
	if (k < -5000)
		k = -5000;
	int fl;
	double r =
		fp_from_d(fp_pack(&__fp_double, h.sign, m, e + (int)k, sticky, FPR_NEAREST, &fl));
	if (fl & (FPF_OVERFLOW | FPF_UNDERFLOW))
		errno = ERANGE;
	return r;
}

dd expm1_small(dd r)
{
	/* s = r / 256: e^s - 1 = s + s^2 sum_i s^i / (i+2)!, the first two
	 * coefficients in double-double */
	dd s = dd_scale(r, 0x1p-8);
	dd e = dd_add(s, dd_mul(dd_mul(s, s), dd_poly(s, S_EXPM1, 2, 10)));
	/* (1 + e)^2 - 1 = e (2 + e), eight times */
	for (int i = 0; i < 8; i++)
		e = dd_mul(e, dd_add_d(e, 2.0));
	return e;
}

dd exp_core(dd x, long *k)
{
	double kf = __builtin_round(x.hi * C_INV_LN2.hi);
	dd r = dd_sub(x, dd_mul_d(C_LN2, kf));
	*k = (long)kf;
	return dd_add_d(expm1_small(r), 1.0);
}

dd expm1_core(double x)
{
	if (fabs(x) <= 0.34)
		return expm1_small(dd_make(x, 0));
	long k;
	dd m = exp_core(dd_make(x, 0), &k);
	return dd_add_d(dd_scale(m, ldexp(1.0, (int)k)), -1.0);
}

dd log_core(dd w)
{
	/* w = m 2^k with m in [sqrt(1/2), sqrt(2)) */
	int k;
	double mh = frexp(w.hi, &k);
	if (mh < 0x1.6a09e667f3bcdp-1) {
		mh *= 2;
		k--;
	}
	dd m = dd_make(mh, ldexp(w.lo, -k));
	dd f = dd_add_d(dd_make(m.hi - 1.0, 0), m.lo); /* m.hi - 1 is exact */
	dd s = dd_div(f, dd_add_d(f, 2.0));
	dd z = dd_mul(s, s);
	/* log m = 2s + s z sum 2 z^i / (2i+3) */
	dd t = dd_mul(dd_mul(s, z), dd_poly(z, S_LOG, 3, 16));
	dd lm = dd_add(dd_scale(s, 2.0), t);
	return dd_add(dd_mul_d(C_LN2, (double)k), lm);
}

/* Bits [pos, pos + 64) of a little-endian array of n words (zeros past
 * either end). */
static uint64_t bits_at(const uint64_t *a, int n, int pos)
{
	int w = pos >> 6, b = pos & 63;
	uint64_t lo = w >= 0 && w < n ? a[w] : 0;
	uint64_t hi = w + 1 >= 0 && w + 1 < n ? a[w + 1] : 0;
	return b ? (lo >> b) | (hi << (64 - b)) : lo;
}

int rem_pio2(double x, dd *r)
{
	if (fabs(x) <= C_PI_4.hi) {
		*r = dd_make(x, 0);
		return 0;
	}
	/* x = m 2^e; x * 2/pi = sum over the words w_j of 2/pi (weights
	 * 2^(-64(j+1))) of m w_j 2^(e - 64(j+1)). Words whose product lies
	 * wholly at weights 4 and above do not change the result mod 4: start
	 * at the first that does, take four words (256 bits). */
	struct fpnum n = fp_unpack(&__fp_double, fp_bits_d(x));
	int e = n.e;
	int j0 = e > 1 ? (e - 2) / 64 : 0;
	/* product of the 53-bit m with words j0..j0+3, little-endian limbs */
	uint64_t p[6] = { 0 };
	uint64_t m = (uint64_t)n.m;
	for (int i = 0; i < 4; i++) {
		u128 t = (u128)m * TWO_OVER_PI[j0 + 3 - i];
		u128 s = (u128)p[i] + (uint64_t)t;
		p[i] = (uint64_t)s;
		p[i + 1] += (uint64_t)(t >> 64) + (uint64_t)(s >> 64);
	}
	/* the binary point sits at bit 64(j0 + 4) - e of p */
	int point = 64 * (j0 + 4) - e;
	unsigned q = (unsigned)(bits_at(p, 6, point) & 3);
	uint64_t f1 = bits_at(p, 6, point - 64), f2 = bits_at(p, 6, point - 128);
	/* fraction in [0, 1): to [-1/2, 1/2) by moving into the next quadrant */
	int neg = (int)(f1 >> 63);
	if (neg) {
		f1 = ~f1;
		f2 = ~f2;
		q++;
	}
	/* fraction = (f1 2^64 + f2) 2^-128 (negated: ones' complement, off by
	 * 2^-128, far below what matters) */
	dd fr = two_sum(ldexp((double)(f1 >> 11), -53), ldexp((double)(f1 & 0x7ff), -64));
	fr = dd_add_d(fr, ldexp((double)(f2 >> 11), -117));
	dd v = dd_mul(fr, C_PI_2);
	if (neg)
		v = dd_neg(v);
	if (n.sign) {
		v = dd_neg(v);
		q = 0u - q;
	}
	*r = v;
	return (int)(q & 3);
}

dd sin_core(dd r)
{
	dd z = dd_mul(r, r);
	return dd_add(r, dd_mul(dd_mul(r, z), dd_poly(z, S_SIN, 3, 14)));
}

dd cos_core(dd r)
{
	dd z = dd_mul(r, r);
	return dd_add_d(dd_mul(z, dd_poly(z, S_COS, 3, 14)), 1.0);
}

dd atan_core(dd t)
{
	/* atan t = 2 atan(t / (1 + sqrt(1 + t^2))): four halvings take t <= 1
	 * below tan(pi/64) < 0.05 */
	int halvings = 0;
	while (t.hi > 0.05) {
		dd h = dd_add_d(dd_sqrt(dd_add_d(dd_mul(t, t), 1.0)), 1.0);
		t = dd_div(t, h);
		halvings++;
	}
	dd z = dd_mul(t, t);
	dd a = dd_add(t, dd_mul(dd_mul(t, z), dd_poly(z, S_ATAN, 3, 14)));
	return dd_scale(a, (double)(1 << halvings));
}
