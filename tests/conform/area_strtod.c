// SPDX-License-Identifier: BSD-2-Clause
// strtod and strtof: correct rounding at halfway points and of long digit
// strings, hexadecimal input, subnormals, overflow and underflow, the
// special names, and where parsing stops.
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "conform.h"

static const char *const fixed[] = {
	"0",
	"-0",
	"+0.0e99999",
	"1",
	"  -1.5",
	".5",
	"5.",
	".",
	"-.e1",
	"e5",
	"1e",
	"1e+",
	"1e-x",
	"1.5e-5junk",
	"0.1",
	"0.30000000000000004",
	"123456789012345678901234567890",
	"9007199254740993",
	"9007199254740993.0000000000000000000000000001",
	"9007199254740995",
	"1.00000000000000011102230246251565404236316680908203125",
	"1.000000000000000111022302462515654042363166809082031250000000001",
	"1.7976931348623157e308",
	"1.7976931348623158e308",
	"1.797693134862315807937289714053e308",
	"1.7976931348623159e308",
	"1e309",
	"-1e309",
	"2.2250738585072014e-308",
	"2.2250738585072011e-308",
	"4.9406564584124654e-324",
	"2.4703282292062328e-324",
	"2.4703282292062327e-324",
	"1e-400",
	"-1e-400",
	"0x0p0",
	"-0x0p0",
	"0x1p-1074",
	"0x1p-1075",
	"0x1.8p-1074",
	"0x1.fffffffffffffp1023",
	"0x1.fffffffffffff8p1023",
	"0x1.fffffffffffff7ffp1023",
	"0x1.00000000000008p0",
	"0x1.000000000000080000001p0",
	"0x1.00000000000018p0",
	"0X1P4",
	"0x.8p1",
	"0x",
	"0x.p1",
	"0xg",
	"0x1p",
	"inf",
	"-INFINITY",
	"infinit",
	"InFiNiTy",
	"nan",
	"-NaN",
	"nan(123)",
	"nan(abc_9)",
	"nan(abc",
	"nan()",
	"nanx",
	"3.4028234663852886e38",
	"3.4028235677973366e38",
	"3.4028235677973367e38",
	"1.4012984643248171e-45",
	"7.0064923216240854e-46",
	"7.006492321624086e-46",
	"1e-50",
	"16777217",
	"16777219",
	"0.000000000000000000000000000000000000000000000000000000000000000000000000000000001e81",
	"100000000000000000000000000000000000000000000000000000000000000000000000000000e-78",
};
enum { NFIXED = sizeof(fixed) / sizeof(fixed[0]) };

static void one(struct conform_sink *sink, const char *s)
{
	struct cbuf in, out;
	char *end;
	cb_reset(&in), cb_reset(&out);
	cb_str(&in, "strtod("), cb_esc(&in, s), cb_str(&in, ")");
	errno = 0;
	double d = strtod(s, &end);
	int e = errno;
	cb_dbl(&out, d), cb_str(&out, " end "), cb_int(&out, end - s);
	cb_str(&out, " errno "), cb_errno(&out, e);
	errno = 0;
	float f = strtof(s, &end);
	e = errno;
	unsigned int fb;
	memcpy(&fb, &f, sizeof(fb));
	cb_str(&out, " strtof ");
	if (f != f)
		cb_str(&out, "nan");
	else
		cb_hex(&out, fb);
	cb_str(&out, " end "), cb_int(&out, end - s);
	cb_str(&out, " errno "), cb_errno(&out, e);
	cb_take(sink, &in, &out);
}

/* Random decimal strings: up to 40 significant digits, exponents over the
 * whole range (and a little past it). */
static void random_decimals(struct conform_sink *sink)
{
	unsigned long long st = 0x9e3779b97f4a7c15ull;
	for (int i = 0; i < 150; i++) {
		char s[80];
		int n = 0, digits = 1 + (int)(conform_rand(&st) % 40);
		if (conform_rand(&st) & 1)
			s[n++] = '-';
		for (int k = 0; k < digits; k++) {
			s[n++] = (char)('0' + conform_rand(&st) % 10);
			if (k == 0)
				s[n++] = '.';
		}
		int ex = (int)(conform_rand(&st) % 680) - 345;
		s[n++] = 'e';
		if (ex < 0)
			s[n++] = '-', ex = -ex;
		char d[8];
		int nd = 0;
		do
			d[nd++] = (char)('0' + ex % 10), ex /= 10;
		while (ex);
		while (nd)
			s[n++] = d[--nd];
		s[n] = 0;
		one(sink, s);
	}
}

void conform_strtod(struct conform_sink *sink)
{
	for (int i = 0; i < NFIXED; i++)
		one(sink, fixed[i]);
	random_decimals(sink);
}
