// SPDX-License-Identifier: BSD-2-Clause
// Conversions between double and IEEE binary128, the long double of AArch64
// and RISC-V 64, which the compiler calls when code converts one to the
// other (the printf engine takes a long double argument as a double). On
// x86_64, whose long double is the x87 format, this file is empty. No other
// binary128 arithmetic is provided yet (docs/PORTING.md).
#include <stdint.h>

#if __LDBL_MANT_DIG__ == 113
double __trunctfdf2(long double x);
long double __extenddftf2(double x);

union quad {
	long double f;
	struct {
		uint64_t lo, hi; /* little-endian on both targets */
	} w;
};

union dbl {
	double f;
	uint64_t u;
};

/* Rounds to nearest, ties to even, as the default rounding mode does. */
double __trunctfdf2(long double x)
{
	union quad q = { .f = x };
	uint64_t sign = q.w.hi & (1ull << 63);
	int exp = (int)((q.w.hi >> 48) & 0x7fff);
	uint64_t mhi = q.w.hi & 0xffffffffffffull, lo = q.w.lo;
	union dbl d;
	if (exp == 0x7fff) { /* infinity, or NaN kept quiet with its top bits */
		uint64_t m = (mhi << 4) | (lo >> 60);
		d.u = sign | (0x7ffull << 52) | (m || lo ? (m | (1ull << 51)) : 0);
		return d.f;
	}
	if (exp == 0) { /* zero or a binary128 subnormal: far below double's range */
		d.u = sign;
		return d.f;
	}
	int e = exp - 16383 + 1023;
	if (e >= 0x7ff) {
		d.u = sign | (0x7ffull << 52);
		return d.f;
	}
	unsigned __int128 sig = ((unsigned __int128)(mhi | (1ull << 48)) << 64) | lo;
	int shift = e > 0 ? 60 : 60 + 1 - e;
	if (shift > 120) {
		d.u = sign;
		return d.f;
	}
	uint64_t r = (uint64_t)(sig >> shift);
	unsigned __int128 rem = sig & (((unsigned __int128)1 << shift) - 1);
	unsigned __int128 half = (unsigned __int128)1 << (shift - 1);
	if (rem > half || (rem == half && (r & 1)))
		r++;
	/* A carry out of the significand moves into the exponent (and to
	 * infinity at the top) by itself. */
	d.u = sign | (e > 0 ? ((uint64_t)e << 52) + r - (1ull << 52) : r);
	return d.f;
}

/* Exact: every double is a binary128. */
long double __extenddftf2(double x)
{
	union dbl d = { .f = x };
	uint64_t sign = d.u & (1ull << 63);
	int exp = (int)((d.u >> 52) & 0x7ff);
	uint64_t m = d.u & ((1ull << 52) - 1);
	union quad q;
	int qexp;
	if (exp == 0x7ff) {
		qexp = 0x7fff;
	} else if (exp == 0) {
		if (!m) {
			qexp = 0;
		} else { /* subnormal double: normal in binary128 */
			int s = __builtin_clzll(m) - 11;
			m = (m << s) & ((1ull << 52) - 1);
			qexp = 1 - 1023 - s + 16383;
		}
	} else {
		qexp = exp - 1023 + 16383;
	}
	q.w.hi = sign | ((uint64_t)qexp << 48) | (m >> 4);
	q.w.lo = m << 60;
	return q.f;
}
#else
typedef int tfconv_not_needed; /* x86_64: long double is not binary128 */
#endif
