// SPDX-License-Identifier: BSD-2-Clause
// lib/c's qsort, bsearch, abs/div and rand: qsort sorts random, sorted,
// reversed, equal, organ-pipe and few-distinct inputs of every element size
// as glibc's does, with a bounded number of comparisons (never quadratic);
// bsearch finds what glibc's finds.
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>
#include <vtest.h>

static unsigned long ncmp;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	ncmp++;
	return (x > y) - (x < y);
}

/* Orders 24-byte records by their first 8 bytes only (stability is not
 * promised, so ties are compared as keys). */
struct rec {
	int64_t key;
	char pad[16];
};

static int cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	ncmp++;
	return (x->key > y->key) - (x->key < y->key);
}

static void fill(int *v, size_t n, int shape, uint64_t *rng)
{
	for (size_t i = 0; i < n; i++) {
		switch (shape) {
		case 0: v[i] = (int)vtest_rand(rng); break;
		case 1: v[i] = (int)i; break;
		case 2: v[i] = (int)(n - i); break;
		case 3: v[i] = 7; break;
		case 4: v[i] = (int)(i < n / 2 ? i : n - i); break;
		case 5: v[i] = (int)vtest_below(rng, 3); break;
		default: /* sorted with a few swaps */
			v[i] = (int)i;
			if (i && vtest_below(rng, 20) == 0) {
				int t = v[i];
				v[i] = v[i - 1];
				v[i - 1] = t;
			}
		}
	}
}

TEST(libc_stdlib, qsort_shapes)
{
	uint64_t rng = 71;
	static const size_t sizes[] = { 0, 1, 2, 3, 5, 12, 13, 63, 64, 65, 100, 1000, 100000 };
	for (size_t si = 0; si < ARRAY_SIZE(sizes); si++) {
		size_t n = sizes[si];
		int *a = malloc((n + 1) * sizeof(int)), *b = malloc((n + 1) * sizeof(int));
		for (int shape = 0; shape < 7; shape++) {
			fill(a, n, shape, &rng);
			memcpy(b, a, n * sizeof(int));
			ncmp = 0;
			vgc_qsort(a, n, sizeof(int), cmp_int);
			unsigned long ours = ncmp;
			qsort(b, n, sizeof(int), cmp_int);
			CHECK_MSG(!memcmp(a, b, n * sizeof(int)), "n %zu shape %d", n, shape);
			/* n log2 n times a small constant, never n^2. */
			unsigned long lg = 1;
			while ((1ul << lg) < n)
				lg++;
			CHECK_MSG(ours <= 3 * n * lg + 20, "n %zu shape %d: %lu comparisons", n,
				  shape, ours);
		}
		free(a);
		free(b);
	}
}

TEST(libc_stdlib, qsort_records)
{
	uint64_t rng = 72;
	size_t n = 20000;
	struct rec *a = malloc(n * sizeof(*a));
	for (size_t i = 0; i < n; i++) {
		a[i].key = (int64_t)vtest_below(&rng, 5000) - 2500;
		memset(a[i].pad, (int)i, sizeof(a[i].pad));
	}
	vgc_qsort(a, n, sizeof(*a), cmp_rec);
	for (size_t i = 1; i < n; i++)
		CHECK(a[i - 1].key <= a[i].key);
	/* bsearch: present keys are found (with an equal key), absent ones not. */
	for (int64_t k = -2600; k < 2600; k++) {
		struct rec key = { .key = k };
		struct rec *p = vgc_bsearch(&key, a, n, sizeof(*a), cmp_rec);
		struct rec *q = bsearch(&key, a, n, sizeof(*a), cmp_rec);
		CHECK_MSG(!p == !q && (!p || p->key == k), "key %lld", (long long)k);
	}
	struct rec key = { .key = 0 };
	CHECK(vgc_bsearch(&key, a, 0, sizeof(*a), cmp_rec) == NULL);
	free(a);
}

TEST(libc_stdlib, arithmetic)
{
	CHECK(vgc_abs(-5) == 5 && vgc_abs(INT_MAX) == INT_MAX);
	CHECK(vgc_labs(LONG_MIN + 1) == LONG_MAX && vgc_llabs(-7) == 7);
	uint64_t rng = 73;
	for (int i = 0; i < 10000; i++) {
		int x = (int)vtest_rand(&rng);
		CHECK(x == INT_MIN || vgc_abs(x) == abs(x));
	}
}

TEST(libc_stdlib, rand)
{
	/* Deterministic per seed, within range, and not stuck. */
	vgc_srand(5);
	int first[64];
	for (int i = 0; i < 64; i++) {
		first[i] = vgc_rand();
		CHECK(first[i] >= 0 && first[i] <= 0x7fffffff);
	}
	vgc_srand(5);
	for (int i = 0; i < 64; i++)
		CHECK(vgc_rand() == first[i]);
	long buckets[16] = { 0 };
	for (int i = 0; i < 160000; i++)
		buckets[vgc_rand() >> 27]++;
	for (int b = 0; b < 16; b++)
		CHECK_MSG(buckets[b] > 9000 && buckets[b] < 11000, "bucket %d: %ld", b, buckets[b]);
	unsigned seed = 1;
	int r1 = vgc_rand_r(&seed);
	seed = 1;
	CHECK(vgc_rand_r(&seed) == r1 && r1 >= 0);
}
