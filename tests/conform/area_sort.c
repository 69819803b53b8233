// SPDX-License-Identifier: BSD-2-Clause
// qsort and bsearch: arrays of many sizes with many equal keys, sorted by
// total orders only (so that stability, which C leaves open, cannot show),
// and searches for present and absent keys.
#include <stdlib.h>
#include <string.h>

#include "conform.h"

struct rec {
	int key, id;
};

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int by_int_desc(const void *a, const void *b)
{
	return by_int(b, a);
}

/* Key, then id: a total order on distinct records. */
static int by_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	if (x->key != y->key)
		return (x->key > y->key) - (x->key < y->key);
	return (x->id > y->id) - (x->id < y->id);
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

enum { MAXN = 300 };

void conform_sort(struct conform_sink *sink)
{
	static const int sizes[] = { 0, 1, 2, 3, 5, 7, 8, 16, 31, 64, 100, 257, 300 };
	static const int ranges[] = { 1, 3, 1000, 1000000 };
	static int a[MAXN];
	static struct rec r[MAXN];
	unsigned long long st = 0x853c49e6748fea9bull;
	struct cbuf in, out;
	for (int s = 0; s < 13; s++)
		for (int g = 0; g < 4; g++) {
			int n = sizes[s];
			for (int i = 0; i < n; i++) {
				a[i] = (int)(conform_rand(&st) % (unsigned)ranges[g]) -
					ranges[g] / 2;
				r[i].key = a[i] / 2;
				r[i].id = n - i;
			}
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "qsort(n="), cb_int(&in, n), cb_str(&in, ", keys in ");
			cb_int(&in, ranges[g]), cb_str(&in, ")");
			qsort(a, (size_t)n, sizeof(a[0]), by_int);
			for (int i = 0; i < n && i < 40; i++)
				cb_int(&out, a[i]), cb_str(&out, ",");
			/* The rest as a checksum. */
			unsigned long long h = 1469598103934665603ull;
			for (int i = 0; i < n; i++)
				h = (h ^ (unsigned)a[i]) * 1099511628211ull;
			qsort(r, (size_t)n, sizeof(r[0]), by_rec);
			for (int i = 0; i < n; i++)
				h = (h ^ (unsigned)(r[i].key * 4096 + r[i].id)) * 1099511628211ull;
			qsort(a, (size_t)n, sizeof(a[0]), by_int_desc);
			for (int i = 0; i < n; i++)
				h = (h ^ (unsigned)a[i]) * 1099511628211ull;
			cb_str(&out, " sum "), cb_hex(&out, h);
			cb_take(sink, &in, &out);
		}
	/* bsearch over distinct sorted keys 0, 3, 6, ...: every key, every
	 * gap and both ends. */
	for (int n = 0; n < 12; n++) {
		for (int i = 0; i < n; i++)
			a[i] = 3 * i;
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "bsearch(0,3,..,"), cb_int(&in, 3 * n - 3), cb_str(&in, ")");
		for (int key = -2; key <= 3 * n; key++) {
			const int *p = bsearch(&key, a, (size_t)n, sizeof(a[0]), by_int);
			cb_int(&out, p ? p - a : -1), cb_str(&out, ",");
		}
		cb_take(sink, &in, &out);
	}
	static const char *words[] = { "pear",	    "apple", "",  "Zebra", "apple",
				       "\xe9t\xe9", "app",   "b", "a",	   "pearl" };
	qsort(words, 10, sizeof(words[0]), by_str);
	cb_reset(&in), cb_reset(&out);
	cb_str(&in, "qsort(strings, strcmp)");
	for (int i = 0; i < 10; i++)
		cb_esc(&out, words[i]), cb_str(&out, " ");
	cb_take(sink, &in, &out);
}
