// SPDX-License-Identifier: BSD-2-Clause
// Every binary floating-point format the library handles (float, double,
// the x87 80-bit long double of x86_64, the IEEE binary128 long double of
// AArch64 and RISC-V) taken apart into sign, integer significand and
// exponent, and put back together with one correctly rounded step. The
// exactly specified functions (floor, fmod, frexp, nextafter, fma, sqrt...)
// and the binary128 soft-float routines of lib/c/rt are written once on
// this form for all formats.
#ifndef LIBC_MATH_FPBITS_H
#define LIBC_MATH_FPBITS_H

#include <stdbool.h>
#include <stdint.h>

/* The library's internal functions, under names reserved for it. */
#define fp_mode __vg_fp_mode
#define fp_unpack __vg_fp_unpack
#define fp_pack __vg_fp_pack
#define fp_inf __vg_fp_inf
#define fp_qnan __vg_fp_qnan
#define fp_quiet __vg_fp_quiet
#define fp_fma __vg_fp_fma
#define fp_bits_f __vg_fp_bits_f
#define fp_bits_d __vg_fp_bits_d
#define fp_bits_l __vg_fp_bits_l
#define fp_from_f __vg_fp_from_f
#define fp_from_d __vg_fp_from_d
#define fp_from_l __vg_fp_from_l

typedef unsigned __int128 u128;

struct fpfmt {
	int p; /* significand bits, the integer bit included */
	int emax; /* largest exponent; the smallest normal one is 1 - emax */
	int ebits; /* width of the exponent field */
	bool explicit; /* the integer bit is stored (x87) */
};

extern const struct fpfmt __fp_float, __fp_double, __fp_ldouble, __fp_quad;

enum fpclass { FPC_ZERO, FPC_FINITE, FPC_INF, FPC_NAN };

/* The value (-1)^sign * m * 2^e. Finite numbers come out of fp_unpack with
 * m's top bit at p - 1 (subnormals normalized). */
struct fpnum {
	int sign;
	enum fpclass cls;
	int e;
	u128 m;
};

/* The rounding directions, independent of the architecture's FE_ bits. */
enum fpround { FPR_NEAREST, FPR_DOWN, FPR_UP, FPR_ZERO };
enum fpround fp_mode(void); /* the current mode, from fegetround() */

/* Flags fp_pack reports. */
enum { FPF_INEXACT = 1, FPF_OVERFLOW = 2, FPF_UNDERFLOW = 4 };

struct fpnum fp_unpack(const struct fpfmt *f, u128 bits);

/* (-1)^sign * (m + s) * 2^e, 0 <= s < 1 and s != 0 exactly when sticky,
 * rounded once in mode r to format f; *flags (if not NULL) gets FPF_*. */
u128 fp_pack(const struct fpfmt *f, int sign, u128 m, int e, bool sticky, enum fpround r,
	     int *flags);

u128 fp_inf(const struct fpfmt *f, int sign);
u128 fp_qnan(const struct fpfmt *f);
/* A NaN operand made quiet (its payload kept). */
u128 fp_quiet(const struct fpfmt *f, u128 bits);

static inline int u128_bits(u128 m) /* position of the top bit + 1 */
{
	uint64_t hi = (uint64_t)(m >> 64);
	return hi ? 128 - __builtin_clzll(hi) : m ? 64 - __builtin_clzll((uint64_t)m) : 0;
}

/* m >> n, its lost bits or'ed into *sticky; any n >= 0. */
static inline u128 u128_shr_sticky(u128 m, int n, bool *sticky)
{
	if (n <= 0)
		return m;
	if (n >= 128) {
		*sticky |= m != 0;
		return 0;
	}
	*sticky |= (m & (((u128)1 << n) - 1)) != 0;
	return m >> n;
}

/* x * y + z rounded once in the current mode (fma.c); no errno. */
u128 fp_fma(const struct fpfmt *f, u128 x, u128 y, u128 z);

/* The bit patterns of the three C types, and back. */
u128 fp_bits_f(float x);
u128 fp_bits_d(double x);
u128 fp_bits_l(long double x);
float fp_from_f(u128 b);
double fp_from_d(u128 b);
long double fp_from_l(u128 b);

#endif
