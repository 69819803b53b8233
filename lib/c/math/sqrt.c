// SPDX-License-Identifier: BSD-2-Clause
// Correctly rounded square roots for every format, in the current rounding
// mode: the root's bits one at a time (the schoolbook method in base 2),
// whose remainder decides the rounding.
#include <errno.h>
#include <math.h>

#include "generic.h"

static u128 sqrt_bits(const struct fpfmt *f, u128 b)
{
	struct fpnum n = fp_unpack(f, b);
	if (n.cls == FPC_NAN)
		return fp_quiet(f, b);
	if (n.cls == FPC_ZERO || (n.cls == FPC_INF && !n.sign))
		return b;
	if (n.sign) {
		errno = EDOM;
		return fp_qnan(f);
	}
	/* The radicand is R = m * 2^z, z even and R at least 2p + 1 bits wide,
	 * so that the integer root has p + 1 bits or more (one to round with);
	 * R can be wider than 128 bits: its bits come from m, then zeros. */
	if (n.e & 1) {
		n.m <<= 1;
		n.e--;
	}
	int mbits = u128_bits(n.m);
	int z = 2 * f->p + 2 - mbits;
	z += z & 1;
	u128 root = 0, rem = 0;
	for (int i = (mbits + z + 1) / 2 - 1; i >= 0; i--) {
		int lo = 2 * i - z; /* m's bit for the low bit of this pair (even) */
		rem = (rem << 2) | (lo >= 0 ? (n.m >> lo) & 3 : 0);
		u128 t = (root << 2) | 1;
		root <<= 1;
		if (rem >= t) {
			rem -= t;
			root |= 1;
		}
	}
	return fp_pack(f, 0, root, (n.e - z) / 2, rem != 0, fp_mode(), 0);
}

FP_UNARY_ALL(sqrt, sqrt_bits)
