// SPDX-License-Identifier: BSD-2-Clause
// Fixed-capacity unsigned big integers (see internal/bigint.h). Overflowing
// the capacity is a bug in the caller; the callers' bounds keep them within.
#include "../internal/bigint.h"

static void trim(struct big *b)
{
	while (b->n && !b->w[b->n - 1])
		b->n--;
}

void __vg_big_set(struct big *b, uint64_t v)
{
	b->w[0] = (uint32_t)v;
	b->w[1] = (uint32_t)(v >> 32);
	b->n = 2;
	trim(b);
}

void __vg_big_mul_small(struct big *b, uint32_t m)
{
	uint64_t carry = 0;
	for (int i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->w[i] * m + carry;
		b->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry && b->n < BIG_WORDS)
		b->w[b->n++] = (uint32_t)carry;
	trim(b);
}

void __vg_big_add_small(struct big *b, uint32_t a)
{
	uint64_t carry = a;
	for (int i = 0; carry && i < b->n; i++) {
		uint64_t t = (uint64_t)b->w[i] + carry;
		b->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry && b->n < BIG_WORDS)
		b->w[b->n++] = (uint32_t)carry;
}

void __vg_big_mul_pow5(struct big *b, unsigned e)
{
	for (; e >= 13; e -= 13)
		__vg_big_mul_small(b, 1220703125u); /* 5^13 */
	uint32_t m = 1;
	while (e--)
		m *= 5;
	if (m != 1)
		__vg_big_mul_small(b, m);
}

void __vg_big_shl(struct big *b, unsigned bits)
{
	if (!b->n)
		return;
	int words = (int)(bits / 32), s = (int)(bits % 32);
	int n = b->n + words + 1;
	if (n > BIG_WORDS)
		n = BIG_WORDS;
	for (int i = n - 1; i >= 0; i--) {
		int src = i - words;
		uint32_t hi = src >= 0 && src < b->n ? b->w[src] : 0;
		uint32_t lo = src >= 1 && src - 1 < b->n ? b->w[src - 1] : 0;
		b->w[i] = s ? (hi << s) | (lo >> (32 - s)) : hi;
	}
	b->n = n;
	trim(b);
}

void __vg_big_shr1(struct big *b)
{
	for (int i = 0; i < b->n; i++)
		b->w[i] = (b->w[i] >> 1) | (i + 1 < b->n ? b->w[i + 1] << 31 : 0);
	trim(b);
}

int __vg_big_cmp(const struct big *a, const struct big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

void __vg_big_sub(struct big *a, const struct big *b)
{
	int64_t borrow = 0;
	for (int i = 0; i < a->n; i++) {
		int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
		borrow = t < 0;
		a->w[i] = (uint32_t)t;
	}
	trim(a);
}

unsigned __vg_big_bitlen(const struct big *b)
{
	if (!b->n)
		return 0;
	return (unsigned)(b->n - 1) * 32 + 32 - (unsigned)__builtin_clz(b->w[b->n - 1]);
}

uint32_t __vg_big_divmod_small(struct big *b, uint32_t d)
{
	uint64_t rem = 0;
	for (int i = b->n - 1; i >= 0; i--) {
		uint64_t t = rem << 32 | b->w[i];
		b->w[i] = (uint32_t)(t / d);
		rem = t % d;
	}
	trim(b);
	return (uint32_t)rem;
}

uint64_t __vg_big_bits(const struct big *b, unsigned lo)
{
	uint64_t v = 0;
	for (unsigned k = 0; k < 3; k++) {
		unsigned word = lo / 32 + k;
		if (word >= (unsigned)b->n)
			break;
		uint64_t w = b->w[word];
		int shift = (int)(k * 32) - (int)(lo % 32);
		v |= shift >= 0 ? (shift < 64 ? w << shift : 0) : w >> -shift;
	}
	return v;
}

bool __vg_big_any_below(const struct big *b, unsigned lo)
{
	unsigned word = lo / 32;
	for (unsigned i = 0; i < word && i < (unsigned)b->n; i++)
		if (b->w[i])
			return true;
	if (word < (unsigned)b->n && lo % 32)
		return (b->w[word] & ((1u << (lo % 32)) - 1)) != 0;
	return false;
}
