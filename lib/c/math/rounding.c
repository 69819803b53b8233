// SPDX-License-Identifier: BSD-2-Clause
// Rounding to an integral value: floor, ceil, trunc, round, rint and
// nearbyint (the current rounding mode), and the conversions to long and
// long long. Exact integer work on the significand, for every format.
#include <limits.h>
#include <math.h>

#include "generic.h"

/* Round half away from zero, round()'s rule, beside fpbits.h's modes. */
#define FPR_AWAY 4

/* |x| rounded to an integer in mode r (0 if that takes more than 128 bits). */
static u128 int_part(struct fpnum n, int r)
{
	if (n.e >= 0)
		return n.e < 128 - u128_bits(n.m) ? n.m << n.e : 0;
	bool sticky = false;
	u128 q = u128_shr_sticky(n.m, -n.e - 1, &sticky);
	bool half = q & 1;
	q >>= 1;
	bool up;
	switch (r) {
	case FPR_NEAREST: up = half && (sticky || (q & 1)); break;
	case FPR_AWAY: up = half; break;
	case FPR_UP: up = !n.sign && (half || sticky); break;
	case FPR_DOWN: up = n.sign && (half || sticky); break;
	default: up = false; break;
	}
	return q + up;
}

static u128 round_to_int(const struct fpfmt *f, u128 b, int r)
{
	struct fpnum n = fp_unpack(f, b);
	if (n.cls == FPC_NAN)
		return fp_quiet(f, b);
	if (n.cls != FPC_FINITE || n.e >= 0)
		return b;
	return fp_pack(f, n.sign, int_part(n, r), 0, false, FPR_NEAREST, 0);
}

static u128 floor_bits(const struct fpfmt *f, u128 b)
{
	return round_to_int(f, b, FPR_DOWN);
}
static u128 ceil_bits(const struct fpfmt *f, u128 b)
{
	return round_to_int(f, b, FPR_UP);
}
static u128 trunc_bits(const struct fpfmt *f, u128 b)
{
	return round_to_int(f, b, FPR_ZERO);
}
static u128 round_bits(const struct fpfmt *f, u128 b)
{
	return round_to_int(f, b, FPR_AWAY);
}
static u128 rint_bits(const struct fpfmt *f, u128 b)
{
	return round_to_int(f, b, fp_mode());
}

FP_UNARY_ALL(floor, floor_bits)
FP_UNARY_ALL(ceil, ceil_bits)
FP_UNARY_ALL(trunc, trunc_bits)
FP_UNARY_ALL(round, round_bits)
FP_UNARY_ALL(rint, rint_bits)
FP_UNARY_ALL(nearbyint, rint_bits)

/* The integer in mode r, or LLONG_MIN when it does not fit in long long
 * (or x is not finite), as the hardware conversions give. */
static long long to_ll(const struct fpfmt *f, u128 b, int r)
{
	struct fpnum n = fp_unpack(f, b);
	if (n.cls == FPC_ZERO)
		return 0;
	if (n.cls != FPC_FINITE || n.e >= 64)
		return LLONG_MIN;
	u128 q = int_part(n, r);
	if (q > (u128)LLONG_MAX + n.sign)
		return LLONG_MIN;
	return n.sign ? (long long)(0 - (unsigned long long)q) : (long long)q;
}

static long long lround_ll(const struct fpfmt *f, u128 b)
{
	return to_ll(f, b, FPR_AWAY);
}
static long long lrint_ll(const struct fpfmt *f, u128 b)
{
	return to_ll(f, b, fp_mode());
}

/* long and long long have the same width on our three targets (LP64). */
_Static_assert(sizeof(long) == sizeof(long long), "LP64");
FP_TO_ALL(long, lround, lround_ll)
FP_TO_ALL(long long, llround, lround_ll)
FP_TO_ALL(long, lrint, lrint_ll)
FP_TO_ALL(long long, llrint, lrint_ll)
