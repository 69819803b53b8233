// SPDX-License-Identifier: BSD-2-Clause
// 128-bit integer division, which the compiler calls for __int128 '/' and
// '%' (the library's own binary128 and fmod code divides 128-bit
// significands): binary long division, with a fast path for operands that
// fit in 64 bits. Division by zero is the caller's undefined behaviour;
// here it gives all ones.
typedef unsigned __int128 u128;

u128 __udivmodti4(u128 n, u128 d, u128 *rem);
u128 __udivti3(u128 n, u128 d);
u128 __umodti3(u128 n, u128 d);
__int128 __divti3(__int128 n, __int128 d);
__int128 __modti3(__int128 n, __int128 d);

static int bits(u128 x)
{
	unsigned long long hi = (unsigned long long)(x >> 64);
	return hi ? 128 - __builtin_clzll(hi) : x ? 64 - __builtin_clzll((unsigned long long)x) : 0;
}

u128 __udivmodti4(u128 n, u128 d, u128 *rem)
{
	u128 q = 0;
	if (!d) {
		q = ~(u128)0;
	} else if (!(n >> 64) && !(d >> 64)) {
		unsigned long long a = (unsigned long long)n, b = (unsigned long long)d;
		q = a / b;
		n = a % b;
	} else if (n >= d) {
		/* align d's top bit with n's, then one quotient bit per step */
		int shift = bits(n) - bits(d);
		d <<= shift;
		for (int i = 0; i <= shift; i++) {
			q <<= 1;
			if (n >= d) {
				n -= d;
				q |= 1;
			}
			d >>= 1;
		}
	}
	if (rem)
		*rem = n;
	return q;
}

u128 __udivti3(u128 n, u128 d)
{
	return __udivmodti4(n, d, 0);
}

u128 __umodti3(u128 n, u128 d)
{
	u128 r;
	__udivmodti4(n, d, &r);
	return r;
}

/* Truncating division; the remainder has the dividend's sign. */
__int128 __divti3(__int128 n, __int128 d)
{
	u128 an = n < 0 ? -(u128)n : (u128)n, ad = d < 0 ? -(u128)d : (u128)d;
	u128 q = __udivmodti4(an, ad, 0);
	return (n < 0) != (d < 0) ? -(__int128)q : (__int128)q;
}

__int128 __modti3(__int128 n, __int128 d)
{
	u128 an = n < 0 ? -(u128)n : (u128)n, ad = d < 0 ? -(u128)d : (u128)d, r;
	__udivmodti4(an, ad, &r);
	return n < 0 ? -(__int128)r : (__int128)r;
}
