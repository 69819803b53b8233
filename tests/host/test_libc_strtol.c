// SPDX-License-Identifier: BSD-2-Clause
// lib/c's strtol family against glibc's: value, end pointer and errno for
// random strings (signs, white space, prefixes, digits and letters of every
// base, lengths past overflow) in bases 0 and 2 to 36, and edge cases.
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>
#include <vtest.h>

static unsigned long compared;

#define SAME(ours, host, s, base)                                                         \
	do {                                                                              \
		char *e1_, *e2_;                                                          \
		vgc_errno = 0;                                                            \
		errno = 0;                                                                \
		uint64_t a_ = (uint64_t)ours(s, &e1_, base);                              \
		int x_ = vgc_errno;                                                       \
		uint64_t b_ = (uint64_t)host(s, &e2_, base);                              \
		int y_ = errno;                                                           \
		compared++;                                                               \
		CHECK_MSG(a_ == b_ && e1_ == e2_ && (x_ == VGC_ERANGE) == (y_ == ERANGE), \
			  #host "(\"%s\", %d): ours %" PRIx64 " +%td e%d, glibc %" PRIx64 \
				" +%td e%d",                                              \
			  s, base, a_, e1_ - s, x_, b_, e2_ - s, y_);                     \
	} while (0)

static void all(const char *s, int base)
{
	SAME(vgc_strtol, strtol, s, base);
	SAME(vgc_strtoul, strtoul, s, base);
	SAME(vgc_strtoll, strtoll, s, base);
	SAME(vgc_strtoull, strtoull, s, base);
	SAME(vgc_strtoimax, strtoimax, s, base);
	SAME(vgc_strtoumax, strtoumax, s, base);
}

TEST(libc_strtol, random_strings)
{
	static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzXZ";
	uint64_t rng = 41;
	char buf[96];
	for (int i = 0; i < 40000; i++) {
		uint64_t r = vtest_rand(&rng);
		size_t k = 0;
		for (unsigned w = 0; w < (r & 3); w++)
			buf[k++] = " \t\n\v\f\r"[(r >> (2 + w)) % 6];
		if ((r >> 8) & 1)
			buf[k++] = (r >> 9) & 1 ? '-' : '+';
		if ((r >> 10) % 3 == 0) {
			buf[k++] = '0';
			if ((r >> 12) & 1)
				buf[k++] = (r >> 13) & 1 ? 'x' : 'X';
		}
		int base = (r >> 14) % 4 == 0 ? 0 : (int)((r >> 16) % 35) + 2;
		size_t nd = vtest_below(&rng, (r >> 24) & 1 ? 80 : 22);
		uint64_t lim = (r >> 25) & 1 ? (uint64_t)(base ? base : 10) : 38;
		for (size_t d = 0; d < nd; d++)
			buf[k++] = alphabet[vtest_below(&rng, lim)];
		buf[k] = 0;
		all(buf, base);
	}
	printf("# libc_strtol.random_strings: %lu comparisons with glibc\n", compared);
	compared = 0;
}

TEST(libc_strtol, edge_cases)
{
	static const char *const cases[] = {
		"",
		" ",
		"-",
		"+",
		"0",
		"-0",
		"0x",
		"0X",
		"0xg",
		"-0x",
		"0x1",
		"010",
		"08",
		"0b1",
		"9223372036854775807",
		"9223372036854775808",
		"-9223372036854775808",
		"-9223372036854775809",
		"18446744073709551615",
		"18446744073709551616",
		"-18446744073709551615",
		"-18446744073709551616",
		"99999999999999999999999999",
		"-1",
		"zz",
		"ZZ",
		"  +7f",
		"0x7fffffffffffffff",
		"-0x8000000000000000",
		"0xffffffffffffffff",
		"0x10000000000000000",
		"1z",
		"+-1",
		"--1",
		" -  1",
	};
	static const int bases[] = { 0, 2, 8, 10, 16, 36, 35, 11 };
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		for (size_t b = 0; b < ARRAY_SIZE(bases); b++)
			all(cases[i], bases[b]);
	/* An invalid base is EINVAL, nothing consumed. */
	char *end;
	vgc_errno = 0;
	const char *s = "123";
	CHECK(vgc_strtol(s, &end, 1) == 0 && vgc_errno == VGC_EINVAL && end == s);
	CHECK(vgc_strtol(s, &end, 37) == 0 && end == s);
	CHECK(vgc_atoi(" -42x") == -42 && vgc_atol("77") == 77 && vgc_atoll("-9") == -9);
	printf("# libc_strtol.edge_cases: %lu comparisons with glibc\n", compared);
	compared = 0;
}
