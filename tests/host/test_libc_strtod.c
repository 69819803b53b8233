// SPDX-License-Identifier: BSD-2-Clause
// lib/c's strtod and strtof against glibc's: the bits of the result, the
// end pointer and errno (ERANGE) for round trips of random doubles (%.17g,
// %e at every precision, %a), random decimal strings of up to 800 digits
// with exponents past both ends of the range, the exact half-way points
// between neighbouring doubles (and a hair either side), and edge cases.
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>
#include <vtest.h>

static unsigned long compared;

static void same_d(const char *s)
{
	char *e1, *e2;
	errno = 0;
	vgc_errno = 0;
	double a = vgc_strtod(s, &e1);
	int err1 = vgc_errno;
	double b = strtod(s, &e2);
	int err2 = errno;
	compared++;
	uint64_t x, y;
	memcpy(&x, &a, 8);
	memcpy(&y, &b, 8);
	if (isnan(a) && isnan(b)) /* payloads are not compared */
		x = y = x >> 63 == y >> 63;
	CHECK_MSG(x == y && e1 - s == e2 - s, "\"%s\": ours %a (end +%td), glibc %a (end +%td)", s,
		  a, e1 - s, b, e2 - s);
	CHECK_MSG((err1 == VGC_ERANGE) == (err2 == ERANGE), "\"%s\" (%a): ERANGE ours %d, glibc %d",
		  s, a, err1 == VGC_ERANGE, err2 == ERANGE);
}

static void same_f(const char *s)
{
	char *e1, *e2;
	float a = vgc_strtof(s, &e1);
	float b = strtof(s, &e2);
	compared++;
	uint32_t x, y;
	memcpy(&x, &a, 4);
	memcpy(&y, &b, 4);
	if (isnan(a) && isnan(b))
		x = y = 0;
	CHECK_MSG(x == y && e1 == e2, "strtof \"%s\": ours %a, glibc %a", s, (double)a, (double)b);
}

/* For text whose value a double holds exactly: correctly rounded, strtof
 * must give what the hardware's conversion of that double gives. (glibc
 * 2.36's own strtof rounds some hexadecimal subnormals down instead:
 * "0x1.13e501p-134" becomes 0x1.13e4p-134, not 0x1.13e6p-134.) */
static void exact_f(const char *s, double exact)
{
	char *e1;
	float a = vgc_strtof(s, &e1);
	float b = (float)exact;
	compared++;
	CHECK_MSG(!memcmp(&a, &b, 4) || (isnan(a) && isnan(b)), "strtof \"%s\": ours %a, exact %a",
		  s, (double)a, (double)b);
}

static void report(const char *what)
{
	printf("# libc_strtod.%s: %lu comparisons with glibc\n", what, compared);
	compared = 0;
}

static double from_bits(uint64_t b)
{
	double d;
	memcpy(&d, &b, sizeof(d));
	return d;
}

TEST(libc_strtod, round_trip)
{
	uint64_t rng = 21;
	char buf[64];
	for (int i = 0; i < 50000; i++) {
		double v = from_bits(vtest_rand(&rng));
		snprintf(buf, sizeof(buf), "%.17g", v);
		same_d(buf);
		char *end;
		double back = vgc_strtod(buf, &end);
		CHECK_MSG(isnan(v) || !memcmp(&back, &v, 8), "%s does not round-trip", buf);
		snprintf(buf, sizeof(buf), "%.*e", (int)vtest_below(&rng, 25), v);
		same_d(buf);
		snprintf(buf, sizeof(buf), "%a", v);
		same_d(buf);
		snprintf(buf, sizeof(buf), "%.*a", (int)vtest_below(&rng, 14), v);
		same_d(buf);
		exact_f(buf, strtod(buf, NULL));
		snprintf(buf, sizeof(buf), "%.9g", (double)(float)v);
		same_f(buf);
	}
	report("round_trip");
}

TEST(libc_strtod, random_decimal)
{
	uint64_t rng = 22;
	static char buf[1000];
	for (int i = 0; i < 50000; i++) {
		size_t k = 0;
		uint64_t r = vtest_rand(&rng);
		if (r & 1)
			buf[k++] = " \t\n"[(r >> 1) % 3];
		if (r & 8)
			buf[k++] = (r & 16) ? '-' : '+';
		int nd = (r >> 5) % 8 == 0 ? (int)vtest_below(&rng, 800) + 1
					   : (int)vtest_below(&rng, 25) + 1;
		int point = (int)vtest_below(&rng, (uint64_t)nd + 2) - 1;
		int zeros = (r >> 9) % 4 == 0 ? (int)vtest_below(&rng, 30) : 0;
		for (int z = 0; z < zeros; z++)
			buf[k++] = '0';
		for (int d = 0; d < nd; d++) {
			if (d == point)
				buf[k++] = '.';
			buf[k++] = (char)('0' +
					  vtest_below(&rng, (r >> 12) % 3 ? 10 : 2) *
						  ((r >> 14) % 3 ? 1 : 9));
		}
		if ((r >> 16) % 4) {
			buf[k++] = (r >> 18) & 1 ? 'e' : 'E';
			if ((r >> 19) & 1)
				buf[k++] = (r >> 20) & 1 ? '-' : '+';
			int e = (r >> 21) % 16 == 0 ? (int)vtest_below(&rng, 100000)
						    : (int)vtest_below(&rng, 700);
			k += (size_t)sprintf(buf + k, "%d", e);
		}
		if ((r >> 40) & 1)
			buf[k++] = "x.e+-9 "[(r >> 41) % 7];
		buf[k] = 0;
		same_d(buf);
		same_f(buf);
	}
	report("random_decimal");
}

/* The exact decimal value of the half-way point above v, as long double
 * (whose 64-bit significand holds it) prints it: every digit. */
static void halfway(double v, char *buf, size_t size)
{
	long double mid = ((long double)v + (long double)nextafter(v, INFINITY)) / 2;
	snprintf(buf, size, "%.800Le", mid);
	char *e = strchr(buf, 'e');
	char *t = e;
	while (t[-1] == '0')
		t--;
	memmove(t, e, strlen(e) + 1);
}

TEST(libc_strtod, halfway_points)
{
	uint64_t rng = 23;
	static char buf[1000], var[1100];
	for (int i = 0; i < 20000; i++) {
		double v = from_bits(vtest_rand(&rng) & 0x7fefffffffffffffull);
		if ((i & 3) == 0) /* subnormals and the smallest normals */
			v = from_bits(vtest_rand(&rng) & 0x001fffffffffffffull);
		halfway(v, buf, sizeof(buf));
		same_d(buf);
		/* A hair above: a 1 far below the last digit. */
		char *e = strchr(buf, 'e');
		snprintf(var, sizeof(var), "%.*s000000001%s", (int)(e - buf), buf, e);
		same_d(var);
		/* A hair below: the last digit one less, then nines. */
		snprintf(var, sizeof(var), "%.*s%c999999%s", (int)(e - buf - 1), buf, e[-1] - 1, e);
		same_d(var);
	}
	report("halfway_points");
}

TEST(libc_strtod, edge_cases)
{
	static const char *const cases[] = {
		"",
		" ",
		"+",
		"-",
		".",
		"e5",
		".e5",
		"0",
		"-0",
		"+0.",
		".0",
		"0.e",
		"1e",
		"1e+",
		"1e-",
		"1e+x",
		"1.5e3x",
		"inf",
		"INF",
		"-Inf",
		"infinity",
		"infinit",
		"infx",
		"nan",
		"-nan",
		"NaN(abc)",
		"nan(",
		"nan()",
		"nan(a-b)",
		"0x",
		"0x.",
		"0xg",
		"0x1",
		"-0x1p-1074",
		"0x1p-1075",
		"0x1.8p-1074",
		"0x1p1024",
		"0x1.fffffffffffff8p1023",
		"0x1.fffffffffffff7ffp1023",
		"0X1.ABCDEFP+10",
		"0x.8",
		"0x1p",
		"0x1p+",
		"0x1P-2",
		"1e308",
		"1.8e308",
		"1.7976931348623157e308",
		"1.7976931348623158e308",
		"1.7976931348623159e308",
		"2.2250738585072011e-308",
		"2.2250738585072012e-308",
		"2.2250738585072014e-308",
		"4.9406564584124654e-324",
		"2.4703282292062327e-324",
		"2.4703282292062328e-324",
		"2.4703282292062327208e-324",
		"1e-400",
		"-1e-400",
		"1e400",
		"1e-99999999999999999999",
		"1e99999999999999999999",
		"0e99999999",
		"0.000000e-999999",
		"123456789012345678901234567890",
		"9007199254740993",
		"9007199254740992.5",
		"9007199254740993.0000000000000000000000001",
		"  \t\n\v\f\r42",
		"1,5",
		"1..5",
		"--1",
		"+-1",
		"0x1.0000000000000800000000000001p0",
		"3.4028235677973366e38",
		"3.4028234663852886e38",
		"1.40129846e-45",
		"7.0064923e-46",
		"7.0064924e-46",
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		same_d(cases[i]);
		same_f(cases[i]);
	}
	/* A value with 5000 digits, beyond the ones that can matter. */
	static char big[5100];
	memset(big, '9', 5000);
	big[0] = '1';
	strcpy(big + 5000, "e-5000");
	same_d(big);
	big[2500] = '5';
	same_d(big);
	memset(big, '0', 5000);
	big[0] = '0';
	big[1] = '.';
	big[4999] = '1';
	big[5000] = 0;
	same_d(big);
	report("edge_cases");
}

TEST(libc_strtod, atof)
{
	CHECK(vgc_atof("  -2.5e1x") == -25.0);
	CHECK(vgc_strtod("0x1p-1074", NULL) == 0x1p-1074);
}
