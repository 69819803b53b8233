// SPDX-License-Identifier: BSD-2-Clause
// qsort: introsort. Quicksort with a median-of-three pivot and a three-way
// partition (so equal keys cost linear time), insertion sort for short
// ranges, heapsort when the recursion grows too deep; O(n log n) always.
#include <stdint.h>
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
	if (a == b)
		return;
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void insertion(char *base, size_t n, size_t size, cmp_fn cmp)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0; j--)
			swap(base + (j - 1) * size, base + j * size, size);
}

static void sift_down(char *base, size_t root, size_t n, size_t size, cmp_fn cmp)
{
	for (;;) {
		size_t child = 2 * root + 1;
		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
		root = child;
	}
}

static void heapsort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(base, i, n, size, cmp);
	for (size_t end = n; end-- > 1;) {
		swap(base, base + end * size, size);
		sift_down(base, 0, end, size, cmp);
	}
}

static char *median3(char *a, char *b, char *c, cmp_fn cmp)
{
	if (cmp(a, b) < 0)
		return cmp(b, c) < 0 ? b : (cmp(a, c) < 0 ? c : a);
	return cmp(a, c) < 0 ? a : (cmp(b, c) < 0 ? c : b);
}

static void introsort(char *base, size_t n, size_t size, cmp_fn cmp, int depth)
{
	while (n > 12) {
		if (depth-- == 0) {
			heapsort(base, n, size, cmp);
			return;
		}
		char *mid = base + (n / 2) * size;
		char *last = base + (n - 1) * size;
		if (n > 64) { /* ninther over three spread samples */
			size_t k = n / 8 * size;
			char *a = median3(base, base + k, base + 2 * k, cmp);
			char *b = median3(mid - k, mid, mid + k, cmp);
			char *c = median3(last - 2 * k, last - k, last, cmp);
			mid = median3(a, b, c, cmp);
		} else {
			mid = median3(base, mid, last, cmp);
		}
		swap(base, mid, size); /* the pivot stays at base during the partition */
		/* Dutch flag: [1, lt) < pivot, [lt, i) == pivot, (gt, n) > pivot;
		 * the pivot itself is counted in the equal block at the end. */
		size_t lt = 1, i = 1, gt = n;
		while (i < gt) {
			int c = cmp(base + i * size, base);
			if (c < 0)
				swap(base + lt++ * size, base + i++ * size, size);
			else if (c > 0)
				swap(base + i * size, base + --gt * size, size);
			else
				i++;
		}
		swap(base, base + (lt - 1) * size, size);
		size_t nless = lt - 1, ngreater = n - gt;
		/* Recurse into the smaller side, loop over the larger. */
		if (nless < ngreater) {
			introsort(base, nless, size, cmp, depth);
			base += gt * size;
			n = ngreater;
		} else {
			introsort(base + gt * size, ngreater, size, cmp, depth);
			n = nless;
		}
	}
	insertion(base, n, size, cmp);
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n < 2 || !size)
		return;
	int depth = 0;
	for (size_t k = n; k; k >>= 1)
		depth += 2;
	introsort(base, n, size, cmp, depth);
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *))
{
	const char *lo = base;
	while (n) {
		const char *mid = lo + (n / 2) * size;
		int c = cmp(key, mid);
		if (c == 0)
			return (void *)(uintptr_t)mid;
		if (c > 0) {
			lo = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
