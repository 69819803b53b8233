// SPDX-License-Identifier: BSD-2-Clause
// lib/c's sscanf against glibc's: the return value and every byte written,
// for random formats (integer, floating-point, string, character, scanset
// and %n conversions with widths, '*' and length modifiers, white space and
// literals) over random inputs made of number-like and word-like pieces, and
// edge cases of the EOF rules.
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <vgc.h>
#include <vtest.h>

static unsigned long compared;

#define SLOTS 8
#define SLOT_SIZE 64

static void same(const char *input, const char *fmt)
{
	static _Alignas(16) char ours[SLOTS][SLOT_SIZE], host[SLOTS][SLOT_SIZE];
	memset(ours, 0x5a, sizeof(ours));
	memset(host, 0x5a, sizeof(host));
	int n1 = vgc_sscanf(input, fmt, ours[0], ours[1], ours[2], ours[3], ours[4], ours[5],
			    ours[6], ours[7]);
	int n2 = sscanf(input, fmt, host[0], host[1], host[2], host[3], host[4], host[5], host[6],
			host[7]);
	compared++;
	CHECK_MSG(n1 == n2, "sscanf(\"%s\", \"%s\"): ours %d, glibc %d", input, fmt, n1, n2);
	for (int i = 0; i < SLOTS; i++)
		CHECK_MSG(!memcmp(ours[i], host[i], SLOT_SIZE),
			  "sscanf(\"%s\", \"%s\"): slot %d differs (%02x%02x%02x%02x vs "
			  "%02x%02x%02x%02x)",
			  input, fmt, i, (unsigned char)ours[i][0], (unsigned char)ours[i][1],
			  (unsigned char)ours[i][2], (unsigned char)ours[i][3],
			  (unsigned char)host[i][0], (unsigned char)host[i][1],
			  (unsigned char)host[i][2], (unsigned char)host[i][3]);
}

static const char *const directives[] = {
	"%d",  "%i",   "%u",	 "%x",	  "%X",	   "%o",      "%5d",   "%2i", "%*d", "%hhd", "%hd",
	"%ld", "%lld", "%jd",	 "%zu",	  "%lx",   "%3x",     "%p",    "%s",  "%3s", "%*s",  "%c",
	"%4c", "%*c",  "%[a-c]", "%[^,]", "%[]x]", "%2[0-9]", "%*[ ]", "%f",  "%lf", "%le",  "%lg",
	"%la", "%5lf", "%2f",	 "%lE",	  "%n",	   " ",	      ",",     "x",   "%%",  "-",    "%e",
};

static const char *const pieces[] = {
	"0",
	"12",
	"-7",
	"+3",
	"0x1f",
	"0X",
	"077",
	"089",
	"1e5",
	"1e",
	"-1.5e-3",
	"inf",
	"nan",
	".5",
	"abc",
	"xyz",
	" ",
	"  \t",
	",",
	"-",
	"+",
	"x",
	"%",
	"]",
	"c",
	"9",
	"1.",
	"0x1p3",
	"4294967296",
	"99999999999999999999",
	"-.e",
	"infinity",
	"INFx",
	"nan(1)",
	"0x.8",
	"1e+",
	"18446744073709551615",
	"aab",
	"c,a",
};

TEST(libc_scanf, random)
{
	uint64_t rng = 51;
	char fmt[128], input[160];
	for (int i = 0; i < 150000; i++) {
		size_t k = 0;
		int nconv = 0;
		int nd = (int)vtest_below(&rng, 6) + 1;
		for (int d = 0; d < nd && k < 100; d++) {
			const char *dir = directives[vtest_below(&rng, ARRAY_SIZE(directives))];
			if (dir[0] == '%' && dir[1] != '%' && ++nconv > SLOTS)
				break;
			k += (size_t)sprintf(fmt + k, "%s", dir);
		}
		fmt[k] = 0;
		k = 0;
		int np = (int)vtest_below(&rng, 7);
		for (int p = 0; p < np && k < 130; p++)
			k += (size_t)sprintf(input + k, "%s",
					     pieces[vtest_below(&rng, ARRAY_SIZE(pieces))]);
		input[k] = 0;
		same(input, fmt);
	}
	printf("# libc_scanf.random: %lu comparisons with glibc\n", compared);
	compared = 0;
}

TEST(libc_scanf, eof_rules)
{
	static const char *const cases[][2] = {
		{ "", "%d" },	      { "", "" },	    { "", " " },
		{ "", "%n" },	      { "", "x" },	    { "  ", "%d" },
		{ "  ", "%c" },	      { "1", "%*d%d" },	    { "1", "%d%d" },
		{ "1 ", "%d %d" },    { "abc", "abc%d" },   { "ab", "abc" },
		{ "ab", "ax" },	      { "1 x", "%d %d" },   { "x", "%[a]" },
		{ "", "%[a]" },	      { "abc", "%2c" },	    { "ab", "%5c" },
		{ "12", "%d%n" },     { "%", "%%" },	    { " %", "%%" },
		{ "", "%%" },	      { "1", "%d%%" },	    { "0x", "%x" },
		{ "0x", "%i" },	      { "0xz", "%x%s" },    { "-", "%d" },
		{ "1e", "%f" },	      { "1e5x", "%f%s" },   { "1.5e+", "%lf" },
		{ ".", "%f" },	      { "nan(", "%lf" },    { "infinite", "%lf%s" },
		{ "0x1.8p1", "%la" }, { "12345", "%3d%d" }, { "a b", "%s%s" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		same(cases[i][0], cases[i][1]);
	printf("# libc_scanf.eof_rules: %lu comparisons with glibc\n", compared);
	compared = 0;
}
