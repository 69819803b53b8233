// SPDX-License-Identifier: BSD-2-Clause
// Unpacking and correctly rounded packing of binary floating-point formats
// (fpbits.h).
#include "fpbits.h"

#include <fenv.h>
#include <string.h>

const struct fpfmt __fp_float = { 24, 127, 8, false };
const struct fpfmt __fp_double = { 53, 1023, 11, false };
const struct fpfmt __fp_quad = { 113, 16383, 15, false };
#if __LDBL_MANT_DIG__ == 64
const struct fpfmt __fp_ldouble = { 64, 16383, 15, true };
#elif __LDBL_MANT_DIG__ == 113
const struct fpfmt __fp_ldouble = { 113, 16383, 15, false };
#else
const struct fpfmt __fp_ldouble = { 53, 1023, 11, false };
#endif

enum fpround fp_mode(void)
{
	switch (fegetround()) {
	case FE_DOWNWARD: return FPR_DOWN;
	case FE_UPWARD: return FPR_UP;
	case FE_TOWARDZERO: return FPR_ZERO;
	default: return FPR_NEAREST;
	}
}

/* Bits of the stored fraction (without an implicit integer bit). */
static int frac_bits(const struct fpfmt *f)
{
	return f->explicit ? f->p : f->p - 1;
}

static u128 sign_bit(const struct fpfmt *f)
{
	return (u128)1 << (frac_bits(f) + f->ebits);
}

struct fpnum fp_unpack(const struct fpfmt *f, u128 bits)
{
	int fb = frac_bits(f);
	int bias = f->emax;
	int ef = (int)(bits >> fb) & ((1 << f->ebits) - 1);
	u128 frac = bits & (((u128)1 << fb) - 1);
	struct fpnum n = { .sign = (int)(bits >> (fb + f->ebits)) & 1 };
	u128 top = (u128)1 << (f->p - 1);
	if (ef == (1 << f->ebits) - 1) {
		/* x87: the integer bit is set in infinities and NaNs */
		u128 mfrac = f->explicit ? frac & (top - 1) : frac;
		n.cls = mfrac ? FPC_NAN : FPC_INF;
		n.m = frac;
		return n;
	}
	if (f->explicit) {
		if (ef && !(frac & top)) { /* an unnormal: invalid operand */
			n.cls = FPC_NAN;
			n.m = frac;
			return n;
		}
		n.m = frac;
	} else {
		n.m = ef ? frac | top : frac;
	}
	if (!n.m) {
		n.cls = FPC_ZERO;
		return n;
	}
	n.cls = FPC_FINITE;
	n.e = (ef ? ef : 1) - bias - (f->p - 1);
	int s = f->p - u128_bits(n.m);
	n.m <<= s;
	n.e -= s;
	return n;
}

u128 fp_inf(const struct fpfmt *f, int sign)
{
	int fb = frac_bits(f);
	u128 b = (u128)((1 << f->ebits) - 1) << fb;
	if (f->explicit)
		b |= (u128)1 << (f->p - 1);
	return b | (sign ? sign_bit(f) : 0);
}

/* The quiet bit is the top stored fraction bit below the integer bit. */
static u128 quiet_bit(const struct fpfmt *f)
{
	return (u128)1 << (f->p - 2);
}

u128 fp_qnan(const struct fpfmt *f)
{
	return fp_inf(f, 0) | quiet_bit(f);
}

u128 fp_quiet(const struct fpfmt *f, u128 bits)
{
	return bits | quiet_bit(f);
}

static u128 max_finite(const struct fpfmt *f, int sign)
{
	int fb = frac_bits(f);
	u128 b = ((u128)((1 << f->ebits) - 2) << fb) | (((u128)1 << fb) - 1);
	return b | (sign ? sign_bit(f) : 0);
}

u128 fp_pack(const struct fpfmt *f, int sign, u128 m, int e, bool sticky, enum fpround r,
	     int *flags)
{
	int fl = 0;
	u128 sb = sign ? sign_bit(f) : 0;
	if (!m && !sticky) {
		if (flags)
			*flags = 0;
		return sb;
	}
	int emin = 1 - f->emax;
	/* The exponent of the result's last place: p bits wide if normal,
	 * fixed at the subnormal scale otherwise. A value that is all sticky
	 * (m == 0) is below the least subnormal. */
	int nb = m ? u128_bits(m) : 0;
	int E = m ? e + nb - f->p : emin - (f->p - 1) - 1;
	if (E < emin - (f->p - 1))
		E = emin - (f->p - 1);
	bool half = false;
	if (E > e) {
		/* keep one more bit than fits: the rounding bit */
		long d = (long)E - e - 1;
		m = u128_shr_sticky(m, d > 200 ? 200 : (int)d, &sticky);
		half = m & 1;
		m >>= 1;
	} else {
		m <<= (e - E);
	}
	bool inexact = half || sticky;
	if (inexact) {
		fl |= FPF_INEXACT;
		bool up;
		switch (r) {
		case FPR_NEAREST: up = half && (sticky || (m & 1)); break;
		case FPR_UP: up = !sign; break;
		case FPR_DOWN: up = sign; break;
		default: up = false; break;
		}
		m += up;
		if (m >> f->p) {
			m >>= 1;
			E++;
		}
	}
	u128 top = (u128)1 << (f->p - 1);
	if (inexact && !(m & top))
		fl |= FPF_UNDERFLOW;
	u128 bits;
	if (E + f->p - 1 > f->emax) {
		fl |= FPF_OVERFLOW | FPF_INEXACT;
		bool to_inf = r == FPR_NEAREST || (r == FPR_UP && !sign) || (r == FPR_DOWN && sign);
		bits = to_inf ? fp_inf(f, sign) : max_finite(f, sign);
	} else {
		int fb = frac_bits(f);
		u128 ef = (m & top) ? (u128)(E + f->p - 1 + f->emax) : 0;
		bits = sb | (ef << fb) | (f->explicit ? m : m & (top - 1));
	}
	if (flags)
		*flags = fl;
	return bits;
}

u128 fp_bits_f(float x)
{
	uint32_t b;
	memcpy(&b, &x, sizeof(b));
	return b;
}

u128 fp_bits_d(double x)
{
	uint64_t b;
	memcpy(&b, &x, sizeof(b));
	return b;
}

u128 fp_bits_l(long double x)
{
	u128 b = 0;
	memcpy(&b, &x, __LDBL_MANT_DIG__ == 64 ? 10 : sizeof(x));
	return b;
}

float fp_from_f(u128 b)
{
	uint32_t w = (uint32_t)b;
	float x;
	memcpy(&x, &w, sizeof(x));
	return x;
}

double fp_from_d(u128 b)
{
	uint64_t w = (uint64_t)b;
	double x;
	memcpy(&x, &w, sizeof(x));
	return x;
}

long double fp_from_l(u128 b)
{
	long double x = 0;
	memcpy(&x, &b, __LDBL_MANT_DIG__ == 64 ? 10 : sizeof(x));
	return x;
}
