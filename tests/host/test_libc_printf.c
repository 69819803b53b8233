// SPDX-License-Identifier: BSD-2-Clause
// lib/c's printf engine (integers, characters, strings, pointers, %n, %%)
// against glibc's snprintf: random conversion specifications (flags, width,
// precision, '*', length modifiers) with random values and buffer sizes,
// random format strings of several conversions, and edge cases.
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <vgc.h>
#include <vtest.h>

static unsigned long compared;

static void report(const char *what)
{
	printf("# libc_printf.%s: %lu comparisons with glibc\n", what, compared);
	compared = 0;
}

/* Compares the output (the whole buffer, so bytes past the terminator
 * too) and the return value for a buffer of size bytes. */
#define SAME(size, ...)                                                                        \
	do {                                                                                   \
		char o_[256], h_[256];                                                         \
		memset(o_, 0x5a, sizeof(o_));                                                  \
		memset(h_, 0x5a, sizeof(h_));                                                  \
		int n1_ = vgc_snprintf(o_, (size), __VA_ARGS__);                               \
		int n2_ = snprintf(h_, (size), __VA_ARGS__);                                   \
		compared++;                                                                    \
		CHECK_MSG(n1_ == n2_ && !memcmp(o_, h_, sizeof(o_)),                           \
			  "format \"%s\" size %zu: ours %d \"%.*s\", glibc %d \"%.*s\"", fmt,  \
			  (size_t)(size), n1_, (int)sizeof(o_), o_, n2_, (int)sizeof(h_), h_); \
	} while (0)

TEST(libc_printf, random_integers)
{
	static const char *const lms[] = { "", "hh", "h", "l", "ll", "j", "z", "t" };
	uint64_t rng = 31;
	for (int i = 0; i < 150000; i++) {
		uint64_t r = vtest_rand(&rng);
		char conv = "diouxXc"[r % 7];
		const char *lm = conv == 'c' ? "" : lms[(r >> 3) % 8];
		char fmt[40];
		size_t k = 0;
		fmt[k++] = '[';
		fmt[k++] = '%';
		for (int f = 0; f < 5; f++)
			if ((r >> (6 + f)) & 1 && (conv != 'c' || f == 0))
				fmt[k++] = "-+ #0"[f];
		int w = (int)vtest_below(&rng, 30) - 8, p = (int)vtest_below(&rng, 30) - 8;
		bool star = (r >> 11) & 1;
		if (star)
			k += (size_t)sprintf(fmt + k, "*");
		else if (w > 0)
			k += (size_t)sprintf(fmt + k, "%d", w);
		if ((r >> 12) & 1 && conv != 'c')
			k += (size_t)sprintf(fmt + k, star ? ".*" : ".%d", p < 0 ? 0 : p);
		k += (size_t)sprintf(fmt + k, "%s%c]", lm, conv);
		fmt[k] = 0;
		uint64_t v = vtest_rand(&rng);
		if ((r >> 13) & 1)
			v &= 0xff;
		if (((r >> 14) & 3) == 0)
			v = 0;
		size_t size = (r >> 16) & 1 ? 256 : (size_t)((r >> 17) % 40);
		if (!star)
			SAME(size, fmt, v);
		else
			SAME(size, fmt, w, p, v);
	}
	report("random_integers");
}

TEST(libc_printf, strings_and_pointers)
{
	static const char *const strs[] = { "", "a", "hello", "a longer string, 32 characters.",
					    "tab\there" };
	static const char *const fmts[] = { "%s",     "%10s", "%-10s", "%.3s", "%10.3s",
					    "%-*.*s", "%.0s", "%.*s|", "%*s" };
	for (size_t s = 0; s < ARRAY_SIZE(strs); s++)
		for (size_t f = 0; f < ARRAY_SIZE(fmts); f++)
			for (int w = -12; w < 40; w += 5)
				for (size_t size = 0; size < 50; size += 7) {
					const char *fmt = fmts[f];
					if (strstr(fmt, "*.*"))
						SAME(size, fmt, w, w + 3, strs[s]);
					else if (strchr(fmt, '*'))
						SAME(size, fmt, w, strs[s]);
					else
						SAME(size, fmt, strs[s]);
				}
	const char *fmt = "%s|%.6s|%.5s|%10s";
	SAME(256, fmt, (char *)NULL, (char *)NULL, (char *)NULL, (char *)NULL);
	static const char *const pfmts[] = { "%p", "%20p", "%-20p|", "%020p", "%.20p", "%#p" };
	for (size_t f = 0; f < ARRAY_SIZE(pfmts); f++) {
		fmt = pfmts[f];
		SAME(256, fmt, (void *)0x1234abcd);
		SAME(256, fmt, (void *)~0ul);
		if (f < 3)
			SAME(256, fmt, (void *)NULL);
	}
	fmt = "%c%c%5c%-5c|";
	SAME(256, fmt, 'a', 0, 'b', 'c');
	CHECK(vgc_snprintf(NULL, 0, "100%%") == 4);
	report("strings_and_pointers");
}

TEST(libc_printf, count_n)
{
	int a = -1, b = -1;
	signed char hh = -1;
	short h = -1;
	long l = -1;
	long long ll = -1;
	size_t z = 99;
	intmax_t j = -1;
	ptrdiff_t t = -1;
	char buf[64];
	int n = vgc_snprintf(buf, 4, "ab%ncdef%hhn%hn%ln%lln%zn%jn%tnxyz%n", &a, &hh, &h, &l, &ll,
			     &z, &j, &t, &b);
	CHECK(n == 9 && a == 2 && hh == 6 && h == 6 && l == 6 && ll == 6 && z == 6 && j == 6 &&
	      t == 6 && b == 9);
	CHECK_STREQ(buf, "abc");
}

TEST(libc_printf, random_strings_of_conversions)
{
	/* Several conversions and literal text in one format. */
	uint64_t rng = 32;
	for (int i = 0; i < 30000; i++) {
		char fmt[128];
		size_t k = 0;
		long long vals[4];
		for (int c = 0; c < 4; c++) {
			uint64_t r = vtest_rand(&rng);
			k += (size_t)sprintf(fmt + k, "%.*s", (int)(r % 4), "ab c");
			k += (size_t)sprintf(fmt + k, "%%%s%d%s%c", (r >> 3) & 1 ? "-" : "",
					     (int)((r >> 4) % 12), "ll", "dixXuo"[(r >> 8) % 6]);
			vals[c] = (long long)vtest_rand(&rng) >> ((r >> 12) % 64);
		}
		fmt[k] = 0;
		size_t size = vtest_below(&rng, 120);
		SAME(size, fmt, vals[0], vals[1], vals[2], vals[3]);
	}
	report("random_strings_of_conversions");
}

TEST(libc_printf, edge_cases)
{
	const char *fmt = "%d %d %ld %ld %lld %llu %hhd %hhu %hd %hu";
	SAME(256, fmt, INT_MIN, INT_MAX, LONG_MIN, LONG_MAX, LLONG_MIN, ULLONG_MAX,
	     (signed char)-100, (unsigned char)200, (short)-30000, (unsigned short)60000);
	fmt = "%.0d|%.0x|%#.0o|%#x|%#o|%+.0d|% .0i|%5.0d|";
	SAME(256, fmt, 0, 0, 0, 0, 0, 0, 0, 0);
	fmt = "%-+08.3d|%0-8d|%+ d|% +d|%#X|%#08x|%#.8x";
	SAME(256, fmt, 42, 42, 42, 42, 255, 255, 255);
	fmt = "%*d|%-*d|%.*d|%.*d";
	SAME(256, fmt, -6, 1, 6, 2, -3, 3, 3, 4);
	fmt = "%jd %zd %td %ju %zu";
	SAME(256, fmt, INTMAX_MIN, (ssize_t)-1, (ptrdiff_t)-5, UINTMAX_MAX, (size_t)-1);
	/* Long outputs: the count goes on past the buffer. */
	fmt = "%300d|%-300s|%.300d";
	SAME(256, fmt, 1, "x", 7);
	CHECK(vgc_snprintf(NULL, 0, "%1000000d", 5) == 1000000);
	/* Results past INT_MAX are an error. */
	vgc_errno = 0;
	CHECK(vgc_snprintf(NULL, 0, "%2147483647d%d", 1, 2) == -1 && vgc_errno == VGC_EOVERFLOW);
	char buf[16];
	CHECK(vgc_sprintf(buf, "%s-%d", "ab", 12) == 5 && !strcmp(buf, "ab-12"));
	report("edge_cases");
}
