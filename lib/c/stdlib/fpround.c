// SPDX-License-Identifier: BSD-2-Clause
// Rounding an exact binary value to an IEEE format, to nearest even.
#include "../internal/fp.h"

uint64_t __vg_fp_round(const struct fp_format *f, uint64_t m, int e2, bool sticky, bool *erange)
{
	int lz = __builtin_clzll(m);
	m <<= lz;
	e2 -= lz;
	int top = e2 + 63; /* exponent of the leading bit */
	uint64_t inf = (uint64_t)(f->emax - f->emin + 2) << (f->p - 1);
	if (top > f->emax) {
		*erange = true;
		return inf;
	}
	int keep = top >= f->emin ? f->p : f->p - (f->emin - top);
	if (keep < 0) {
		*erange = true;
		return 0;
	}
	int drop = 64 - keep;
	uint64_t kept = drop == 64 ? 0 : m >> drop;
	uint64_t rem = drop == 64 ? m : m & ((1ull << drop) - 1);
	uint64_t half = 1ull << (drop - 1);
	bool inexact = rem || sticky;
	if (rem > half || (rem == half && (sticky || (kept & 1))))
		kept++;
	if (top < f->emin) {
		/* Subnormal (or, rounded up, the least normal): the encoding is
		 * the kept bits as they are. */
		if (inexact)
			*erange = true;
		return kept;
	}
	if (kept >> f->p) {
		kept >>= 1;
		if (++top > f->emax) {
			*erange = true;
			return inf;
		}
	}
	uint64_t frac = kept & ((1ull << (f->p - 1)) - 1);
	return (uint64_t)(top - f->emin + 1) << (f->p - 1) | frac;
}
