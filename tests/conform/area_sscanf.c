// SPDX-License-Identifier: BSD-2-Clause
// sscanf: each conversion on good, partial and bad input, assignment
// suppression, %n, scansets, literal matching, and the EOF return.
#include <stdio.h>
#include <string.h>

#include "conform.h"

/* What a case stores into. */
enum kind { K_INT, K_UINT, K_LONG, K_HH, K_H, K_DBL, K_STR, K_CHARS3, K_INT2, K_INT_N };

static const struct {
	const char *fmt, *text;
	enum kind kind;
} cases[] = {
	{ "%d", "42", K_INT },
	{ "%d", "  -42abc", K_INT },
	{ "%d", "+", K_INT },
	{ "%d", "", K_INT },
	{ "%d", "   ", K_INT },
	{ "%d", "x1", K_INT },
	{ "%3d", "123456", K_INT },
	{ "%i", "0x1f", K_INT },
	{ "%i", "010", K_INT },
	{ "%i", "-0x", K_INT },
	{ "%i", "0", K_INT },
	{ "%i", "09", K_INT },
	{ "%x", "0x", K_UINT },
	{ "%x", "ff", K_UINT },
	{ "%x", "0XAbC", K_UINT },
	{ "%o", "0778", K_UINT },
	{ "%u", "-1", K_UINT },
	{ "%u", "4294967295", K_UINT },
	{ "%ld", "-9223372036854775808", K_LONG },
	{ "%lx", "7fffffffffffffff", K_LONG },
	{ "%hhd", "-128", K_HH },
	{ "%hhu", "255", K_HH },
	{ "%hd", "-32768", K_H },
	{ "%lf", "1e5", K_DBL },
	{ "%lf", "-0", K_DBL },
	{ "%lf", "nan", K_DBL },
	{ "%lf", "-inf", K_DBL },
	{ "%lf", "0x1p3", K_DBL },
	{ "%lf", "100ergs", K_DBL },
	{ "%lf", "1e+", K_DBL },
	{ "%lf", ".", K_DBL },
	{ "%lf", "2.5e-3x", K_DBL },
	{ "%4lf", "3.14159", K_DBL },
	{ "%le", "1.7976931348623157e308", K_DBL },
	{ "%lg", "4.9406564584124654e-324", K_DBL },
	{ "%s", "  hello world", K_STR },
	{ "%5s", "abcdefgh", K_STR },
	{ "%[a-z]", "abc123", K_STR },
	{ "%[^,]", "one,two", K_STR },
	{ "%[]a]", "]a]b", K_STR },
	{ "%[^]x]", "ab]c", K_STR },
	{ "%[a-c-e]", "ab-edf", K_STR },
	{ "%[0-9]", "abc", K_STR },
	{ "%3c", "xyzw", K_CHARS3 },
	{ "%3c", " ab", K_CHARS3 },
	{ "%d %d", "1 2", K_INT2 },
	{ "%d,%d", "1 ,2", K_INT2 },
	{ "%d%%%d", "5%6", K_INT2 },
	{ "%*d %d", "7 8", K_INT2 },
	{ "a%db%d", "a12b3", K_INT2 },
	{ "a%db%d", "a12c3", K_INT2 },
	{ "%d %d", "5", K_INT2 },
	{ "%d%n", "123 ", K_INT_N },
	{ "%d %n", "123   x", K_INT_N },
	{ " %d%n", "\t\n 9", K_INT_N },
};

void conform_sscanf(struct conform_sink *sink)
{
	struct cbuf in, out;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *fmt = cases[i].fmt, *text = cases[i].text;
		int a = -99, b = -99, r;
		unsigned u = 99;
		long l = 99;
		signed char hh = 99;
		short h = 99;
		double d = 99;
		char s[16];
		memset(s, '#', sizeof(s));
		s[15] = 0;
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "sscanf("), cb_esc(&in, text), cb_str(&in, ", \""), cb_str(&in, fmt);
		cb_str(&in, "\")");
		switch (cases[i].kind) {
		case K_INT:
			r = sscanf(text, fmt, &a);
			cb_int(&out, r), cb_str(&out, " "), cb_int(&out, a);
			break;
		case K_UINT:
			r = sscanf(text, fmt, &u);
			cb_int(&out, r), cb_str(&out, " "), cb_uint(&out, u);
			break;
		case K_LONG:
			r = sscanf(text, fmt, &l);
			cb_int(&out, r), cb_str(&out, " "), cb_int(&out, l);
			break;
		case K_HH:
			r = sscanf(text, fmt, &hh);
			cb_int(&out, r), cb_str(&out, " "), cb_int(&out, hh);
			break;
		case K_H:
			r = sscanf(text, fmt, &h);
			cb_int(&out, r), cb_str(&out, " "), cb_int(&out, h);
			break;
		case K_DBL:
			r = sscanf(text, fmt, &d);
			cb_int(&out, r), cb_str(&out, " "), cb_dbl(&out, d);
			break;
		case K_STR:
		case K_CHARS3:
			r = sscanf(text, fmt, s);
			cb_int(&out, r), cb_str(&out, " "), cb_bytes(&out, s, sizeof(s));
			break;
		case K_INT2:
			r = sscanf(text, fmt, &a, &b);
			cb_int(&out, r), cb_str(&out, " "), cb_int(&out, a), cb_str(&out, " ");
			cb_int(&out, b);
			break;
		default:
			r = sscanf(text, fmt, &a, &b);
			cb_int(&out, r), cb_str(&out, " "), cb_int(&out, a), cb_str(&out, " n ");
			cb_int(&out, b);
			break;
		}
		cb_take(sink, &in, &out);
	}
}
