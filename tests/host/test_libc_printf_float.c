// SPDX-License-Identifier: BSD-2-Clause
// lib/c's floating-point printf conversions against glibc's: random bit
// patterns (every exponent, subnormals, infinities, NaNs) through %.17g, %e,
// %f, %a and random flags, widths and precisions; binary fractions that fall
// exactly on a decimal tie; and a table of edge cases.
#define _GNU_SOURCE
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <vgc.h>
#include <vtest.h>

static unsigned long compared;

/* One comparison of the formatted value (and the return value), through a
 * buffer big enough for any %f of a double. */
static void same(const char *fmt, int a, int b, double v)
{
	static char ours[4096], host[4096];
	int n1 = vgc_snprintf(ours, sizeof(ours), fmt, a, b, v);
	int n2 = snprintf(host, sizeof(host), fmt, a, b, v);
	compared++;
	CHECK_MSG(n1 == n2 && !strcmp(ours, host),
		  "format \"%s\" (%d, %d) of %a: ours %d \"%s\", glibc %d \"%s\"", fmt, a, b, v, n1,
		  ours, n2, host);
}

static double from_bits(uint64_t b)
{
	double d;
	memcpy(&d, &b, sizeof(d));
	return d;
}

static void report(const char *what)
{
	printf("# libc_printf_float.%s: %lu comparisons with glibc\n", what, compared);
	compared = 0;
}

TEST(libc_printf_float, random_bits)
{
	uint64_t rng = 11;
	for (int i = 0; i < 60000; i++) {
		double v = from_bits(vtest_rand(&rng));
		same("%*.*g", 0, 17, v);
		same("%*.*e", 0, (int)vtest_below(&rng, 20), v);
		same("%*.*a", 0, -1, v);
		same("%*.*A", 0, (int)vtest_below(&rng, 16), v);
	}
	report("random_bits");
}

TEST(libc_printf_float, random_f)
{
	uint64_t rng = 12;
	for (int i = 0; i < 30000; i++) {
		/* Exponents where %f has something to say. */
		double v = from_bits(vtest_rand(&rng) & 0x800fffffffffffffull) * 0 +
			ldexp(from_bits((vtest_rand(&rng) & 0x800fffffffffffffull) |
					0x3ff0000000000000ull),
			      (int)vtest_below(&rng, 140) - 70);
		same("%*.*f", 0, (int)vtest_below(&rng, 30), v);
		same("%*.*g", 0, (int)vtest_below(&rng, 20), v);
		same("%*.*f", 0, 6, from_bits(vtest_rand(&rng)));
	}
	report("random_f");
}

TEST(libc_printf_float, random_flags)
{
	static const char *const convs[] = { "e", "E", "f", "F", "g", "G", "a", "A" };
	uint64_t rng = 13;
	for (int i = 0; i < 40000; i++) {
		char fmt[32];
		size_t k = 0;
		fmt[k++] = '%';
		uint64_t r = vtest_rand(&rng);
		for (int f = 0; f < 5; f++)
			if (r & (1u << f))
				fmt[k++] = "-+ #0"[f];
		k += (size_t)sprintf(fmt + k, "*.*%s", convs[(r >> 8) % 8]);
		fmt[k] = 0;
		double v;
		switch ((r >> 12) % 4) {
		case 0: v = from_bits(vtest_rand(&rng)); break;
		case 1:
			v = (double)(int64_t)vtest_rand(&rng) / (double)(1 << (r >> 20) % 20);
			break;
		case 2: v = (double)(int)vtest_below(&rng, 2000) / 8.0 - 100; break;
		default: v = ldexp((double)vtest_rand(&rng), (int)vtest_below(&rng, 200) - 130);
		}
		int width = (int)vtest_below(&rng, 40) - 5;
		int prec = (int)vtest_below(&rng, 25) - 3;
		if (fmt[k - 1] == 'f' || fmt[k - 1] == 'F')
			if (fabs(v) > 1e30)
				v = 1.5;
		same(fmt, width, prec, v);
	}
	report("random_flags");
}

TEST(libc_printf_float, decimal_ties)
{
	/* k / 2^s is exactly a tie at s - 1 decimal places (for odd k). */
	uint64_t rng = 14;
	for (int i = 0; i < 30000; i++) {
		int s = (int)vtest_below(&rng, 12) + 1;
		double v = (double)(int64_t)(vtest_below(&rng, 1u << 22) - (1u << 21)) /
			(double)(1 << s);
		int p = s - 1 - (int)vtest_below(&rng, 2);
		same("%*.*f", 0, p < 0 ? 0 : p, v);
		same("%*.*e", 0, (int)vtest_below(&rng, 10), v);
		same("%*.*g", 0, (int)vtest_below(&rng, 10), v);
		same("%*.*a", 0, (int)vtest_below(&rng, 13), v);
	}
	report("decimal_ties");
}

TEST(libc_printf_float, edge_cases)
{
	static const double vals[] = { 0.0,
				       -0.0,
				       1.0,
				       -1.0,
				       0.5,
				       1.5,
				       2.5,
				       9.5,
				       0.05,
				       0.95,
				       99.5,
				       999999.5,
				       1e23,
				       1e22,
				       9.999999999999999e22,
				       DBL_MAX,
				       -DBL_MAX,
				       DBL_MIN,
				       4.9406564584124654e-324,
				       2.2250738585072009e-308,
				       0.1,
				       0.3,
				       1e-5,
				       1e-4,
				       123456.0,
				       1234567.0,
				       1e15,
				       1e16,
				       1e17,
				       9.9999995,
				       0.00009999995,
				       INFINITY,
				       -INFINITY,
				       NAN,
				       -NAN,
				       0x1.fffffffffffffp+0,
				       0x1.ffffffffffff8p+0,
				       0x1.0000000000008p+0,
				       0x1.8p+0 };
	static const char *const fmts[] = {
		"%*.*e",  "%*.*f",  "%*.*g",  "%*.*a",	"%*.*E",  "%*.*F",  "%*.*G",  "%*.*A",
		"%-*.*e", "%+*.*f", "% *.*g", "%#*.*a", "%0*.*e", "%0*.*f", "%#*.*g", "%+0*.*a",
	};
	static const int precs[] = { -1, 0,  1,	 2,  3,	 5,   6,    10,	 13,
				     14, 16, 17, 20, 40, 340, 1100, 1200 };
	for (size_t i = 0; i < ARRAY_SIZE(vals); i++)
		for (size_t f = 0; f < ARRAY_SIZE(fmts); f++)
			for (size_t p = 0; p < ARRAY_SIZE(precs); p++)
				for (int w = 0; w < 30; w += 13)
					same(fmts[f], w, precs[p], vals[i]);
	report("edge_cases");
}

TEST(libc_printf_float, long_double)
{
	/* long double is printed with double's precision: equal for values a
	 * double holds. */
	char ours[128], host[128];
	vgc_snprintf(ours, sizeof(ours), "%Lf %Le %Lg", 1.5L, -0.25L, 1e100L);
	snprintf(host, sizeof(host), "%Lf %Le %Lg", 1.5L, -0.25L, 1e100L);
	CHECK_STREQ(ours, host);
}
