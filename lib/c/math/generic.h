// SPDX-License-Identifier: BSD-2-Clause
// Defining a function once for float, double and long double: the three
// C functions name##f, name, name##l call one implementation that works on
// the bit patterns (fpbits.h) of the format it is given.
#ifndef LIBC_MATH_GENERIC_H
#define LIBC_MATH_GENERIC_H

#include "fpbits.h"

/* T name(T x) from u128 impl(const struct fpfmt *, u128 bits). */
#define FP_UNARY_ALL(name, impl)                                     \
	float name##f(float x)                                       \
	{                                                            \
		return fp_from_f(impl(&__fp_float, fp_bits_f(x)));   \
	}                                                            \
	double name(double x)                                        \
	{                                                            \
		return fp_from_d(impl(&__fp_double, fp_bits_d(x)));  \
	}                                                            \
	long double name##l(long double x)                           \
	{                                                            \
		return fp_from_l(impl(&__fp_ldouble, fp_bits_l(x))); \
	}

/* R name(T x) from R impl(const struct fpfmt *, u128 bits). */
#define FP_TO_ALL(R, name, impl)                          \
	R name##f(float x)                                \
	{                                                 \
		return impl(&__fp_float, fp_bits_f(x));   \
	}                                                 \
	R name(double x)                                  \
	{                                                 \
		return impl(&__fp_double, fp_bits_d(x));  \
	}                                                 \
	R name##l(long double x)                          \
	{                                                 \
		return impl(&__fp_ldouble, fp_bits_l(x)); \
	}

#endif
