// SPDX-License-Identifier: BSD-2-Clause
// The exact decimal expansion of a double: m * 2^e is m << e for e >= 0 and
// m * 5^-e * 10^e otherwise, an integer printed in base 10^9.
#include <string.h>

#include "../internal/bigint.h"
#include "../internal/format.h"

int __vg_exact_digits(double v, char *digits, int *e10)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof(bits));
	int bexp = (int)(bits >> 52 & 0x7ff);
	uint64_t m = bits & ((1ull << 52) - 1);
	if (bexp)
		m |= 1ull << 52;
	else
		bexp = 1;
	int e2 = bexp - 1075;
	static _Thread_local struct big n;
	__vg_big_set(&n, m);
	if (e2 >= 0)
		__vg_big_shl(&n, (unsigned)e2);
	else
		__vg_big_mul_pow5(&n, (unsigned)-e2);
	/* Base 10^9 chunks, least significant first. */
	uint32_t chunks[BIG_WORDS * 32 / 29 + 2];
	int nc = 0;
	while (n.n)
		chunks[nc++] = __vg_big_divmod_small(&n, 1000000000u);
	char tmp[12];
	int nd = 0;
	for (int i = nc - 1; i >= 0; i--) {
		uint32_t c = chunks[i];
		int k = 0;
		do {
			tmp[k++] = (char)('0' + c % 10);
			c /= 10;
		} while (c);
		if (i != nc - 1) /* inner chunks have all nine digits */
			while (k < 9)
				tmp[k++] = '0';
		while (k)
			digits[nd++] = tmp[--k];
	}
	int total = nd;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	*e10 = total - 1 + (e2 < 0 ? e2 : 0);
	return nd;
}
