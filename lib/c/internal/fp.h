// SPDX-License-Identifier: BSD-2-Clause
// Shared by the floating-point parsers: rounding an exact binary value to an
// IEEE binary format, and the strtod engine for double and float.
#ifndef LIBC_FP_H
#define LIBC_FP_H

#include <stdbool.h>
#include <stdint.h>

/* An IEEE binary format: p significand bits (with the hidden one), the
 * least normal and the greatest exponent. */
struct fp_format {
	int p, emin, emax;
};

/* Rounds (m + f) * 2^e2, m != 0 and 0 <= f < 1 with f != 0 exactly when
 * sticky, to nearest, ties to even. Returns the format's bit pattern without
 * the sign; *erange is set on overflow (infinity) and on an inexact result
 * below the normal range. */
uint64_t __vg_fp_round(const struct fp_format *f, uint64_t m, int e2, bool sticky, bool *erange);

/* strtod for the given format: the bit pattern including the sign. */
uint64_t __vg_strtofp(const char *s, char **end, const struct fp_format *f);

#endif
