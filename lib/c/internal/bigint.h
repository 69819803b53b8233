// SPDX-License-Identifier: BSD-2-Clause
// Unsigned big integers of a fixed capacity, for exact decimal <-> binary
// conversion (strtod, printf's floating-point conversions). 4096 bits hold
// every intermediate those need: a double's mantissa times 5^1074, or 801
// decimal digits shifted against 5^1126.
#ifndef LIBC_BIGINT_H
#define LIBC_BIGINT_H

#include <stdbool.h>
#include <stdint.h>

#define BIG_WORDS 128

struct big {
	int n; /* words in use; w[n - 1] != 0 unless n == 0 */
	uint32_t w[BIG_WORDS]; /* least significant first */
};

void __vg_big_set(struct big *b, uint64_t v);
void __vg_big_mul_small(struct big *b, uint32_t m);
void __vg_big_add_small(struct big *b, uint32_t a);
void __vg_big_mul_pow5(struct big *b, unsigned e);
void __vg_big_shl(struct big *b, unsigned bits);
void __vg_big_shr1(struct big *b);
int __vg_big_cmp(const struct big *a, const struct big *b);
void __vg_big_sub(struct big *a, const struct big *b); /* a >= b */
unsigned __vg_big_bitlen(const struct big *b);
/* Divides by d (non-zero); returns the remainder. */
uint32_t __vg_big_divmod_small(struct big *b, uint32_t d);
/* The 64 bits starting at bit position lo (bits past the top read as 0). */
uint64_t __vg_big_bits(const struct big *b, unsigned lo);
/* Whether any bit below position lo is set. */
bool __vg_big_any_below(const struct big *b, unsigned lo);

#endif
