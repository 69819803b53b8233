// SPDX-License-Identifier: BSD-2-Clause
// The printf family: floating point in every conversion at halfway points,
// extremes, subnormals, -0.0, infinities and NaN; integers at the limits
// of each length modifier with every flag; strings; and snprintf's
// truncation (the return value is the untruncated length).
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "conform.h"

static const char *const float_formats[] = {
	"%g",	"%.0g", "%.1g", "%.3g",	 "%.17g", "%#g",    "%#.2g",	"%G",
	"%e",	"%.0e", "%.2e", "%.20e", "%E",	  "%#.0e",  "%-12.4e|", "%f",
	"%.0f", "%.1f", "%.2f", "%.3f",	 "%#.0f", "%10.3f", "%010.2f",	"%+g",
	"% g",	"%a",	"%.0a", "%.1a",	 "%.3a",  "%A",	    "%+.13a",	"%-+14.2f|",
};
enum { NFF = sizeof(float_formats) / sizeof(float_formats[0]) };

static void show(struct conform_sink *sink, struct cbuf *in, const char *buf, int n)
{
	struct cbuf out;
	cb_reset(&out);
	cb_esc(&out, buf), cb_str(&out, " ret "), cb_int(&out, n);
	cb_take(sink, in, &out);
}

static void floats(struct conform_sink *sink)
{
	static const double values[] = {
		0.0,
		-0.0,
		1.0,
		0.5,
		1.5,
		2.5,
		-2.5,
		0.125,
		0.375,
		9.5,
		99.5,
		999.5,
		0.05,
		1e-5,
		0.0001,
		123456789.0,
		1e21,
		1e23,
		1e100,
		DBL_MAX,
		DBL_MIN,
		0x1p-1074,
		0x1.fffffffffffffp-1,
		0x1.08p0,
		0x1.18p0,
		1.0 / 3.0,
		-2.0 / 3.0,
		(double)INFINITY,
		-(double)INFINITY,
		(double)NAN,
		-(double)NAN,
	};
	static char buf[1024];
	struct cbuf in;
	for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++)
		for (int f = 0; f < NFF; f++) {
			int n = snprintf(buf, sizeof(buf), float_formats[f], values[v]);
			cb_reset(&in);
			cb_str(&in, "printf(\""), cb_str(&in, float_formats[f]),
				cb_str(&in, "\", ");
			cb_dbl(&in, values[v]);
			if (values[v] != values[v])
				cb_str(&in, signbit(values[v]) ? " negative" : " positive");
			cb_str(&in, ")");
			show(sink, &in, buf, n);
		}
	/* Random bit patterns, in the conversions that show every digit. */
	static const char *const exact[] = { "%.17g", "%a", "%.3e", "%.10f", "%.0e", "%g" };
	unsigned long long st = 0x2545f4914f6cdd1dull;
	for (int i = 0; i < 60; i++) {
		unsigned long long bits = conform_rand(&st);
		if (i % 3 == 0) /* near 1, where %f shows the digits */
			bits = (bits >> 12) | ((0x3ffull + (bits & 63) - 32) << 52);
		double d;
		memcpy(&d, &bits, sizeof(d));
		if (d != d)
			continue;
		for (int f = 0; f < 6; f++) {
			int n = snprintf(buf, sizeof(buf), exact[f], d);
			cb_reset(&in);
			cb_str(&in, "printf(\""), cb_str(&in, exact[f]), cb_str(&in, "\", ");
			cb_dbl(&in, d), cb_str(&in, ")");
			show(sink, &in, buf, n);
		}
	}
}

/* The argument's type, which the conversion's length modifier fixes. */
enum arg_type { A_INT, A_LONG, A_LLONG, A_SIZE, A_INTMAX };

static void integers(struct conform_sink *sink)
{
	static const struct {
		const char *fmt;
		enum arg_type type;
	} formats[] = {
		{ "%d", A_INT },     { "%5d|", A_INT },	     { "%-5d|", A_INT },
		{ "%05d", A_INT },   { "%+d", A_INT },	     { "% d", A_INT },
		{ "%.3d", A_INT },   { "%.0d", A_INT },	     { "%+.0d", A_INT },
		{ "%8.3d|", A_INT }, { "%-08d|", A_INT },    { "%x", A_INT },
		{ "%#x", A_INT },    { "%#X", A_INT },	     { "%#.0x", A_INT },
		{ "%o", A_INT },     { "%#o", A_INT },	     { "%#.0o", A_INT },
		{ "%#5o", A_INT },   { "%u", A_INT },	     { "%hhd", A_INT },
		{ "%hhu", A_INT },   { "%hd", A_INT },	     { "%hx", A_INT },
		{ "%c|", A_INT },    { "%ld", A_LONG },	     { "%lu", A_LONG },
		{ "%#lx", A_LONG },  { "%lld", A_LLONG },    { "%llo", A_LLONG },
		{ "%zu", A_SIZE },   { "%zx", A_SIZE },	     { "%jd", A_INTMAX },
		{ "%ju", A_INTMAX }, { "%020lld", A_LLONG }, { "%-+20ld|", A_LONG },
	};
	static const long long values[] = {
		0,
		1,
		-1,
		42,
		255,
		256,
		-129,
		65535,
		65536,
		INT_MAX,
		INT_MIN,
		0x7fffffffffffffffll,
		-0x7fffffffffffffffll - 1,
	};
	char buf[128];
	struct cbuf in;
	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++)
		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
			const char *fmt = formats[f].fmt;
			long long x = values[v];
			int n;
			switch (formats[f].type) {
			case A_INT:
				/* Only int's values: the conversion converts to
				 * char or short itself. */
				if (x < INT_MIN || x > INT_MAX)
					continue;
				n = snprintf(buf, sizeof(buf), fmt, (int)x);
				break;
			case A_LONG: n = snprintf(buf, sizeof(buf), fmt, (long)x); break;
			case A_LLONG: n = snprintf(buf, sizeof(buf), fmt, x); break;
			case A_SIZE: n = snprintf(buf, sizeof(buf), fmt, (size_t)x); break;
			default: n = snprintf(buf, sizeof(buf), fmt, (intmax_t)x); break;
			}
			cb_reset(&in);
			cb_str(&in, "printf(\""), cb_str(&in, fmt), cb_str(&in, "\", "),
				cb_int(&in, x);
			cb_str(&in, ")");
			show(sink, &in, buf, n);
		}
}

static void strings_and_truncation(struct conform_sink *sink)
{
	static const char *const formats[] = { "%s",   "%.3s",	 "%10s|",  "%-10s|",
					       "%.0s", "%5.2s|", "[%s%%]", "%c%s" };
	static const char *const texts[] = { "", "hi", "hello", "hello world!" };
	char buf[64];
	struct cbuf in;
	for (int f = 0; f < 8; f++)
		for (int t = 0; t < 4; t++) {
			int n = f == 7 ? snprintf(buf, sizeof(buf), formats[f], 'x', texts[t])
				       : snprintf(buf, sizeof(buf), formats[f], texts[t]);
			cb_reset(&in);
			cb_str(&in, "printf(\""), cb_str(&in, formats[f]), cb_str(&in, "\", ");
			cb_esc(&in, texts[t]), cb_str(&in, ")");
			show(sink, &in, buf, n);
		}
	static const size_t sizes[] = { 0, 1, 2, 5, 6, 7, 40 };
	for (int s = 0; s < 7; s++) {
		struct cbuf out;
		memset(buf, '#', 16);
		buf[16] = 0;
		int n = snprintf(buf, sizes[s], "%d:%s:%.1f", 12345, "ab", 2.25);
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "snprintf(b, "), cb_uint(&in, sizes[s]);
		cb_str(&in, ", \"%d:%s:%.1f\", 12345, \"ab\", 2.25)");
		cb_bytes(&out, buf, 16), cb_str(&out, " ret "), cb_int(&out, n);
		cb_take(sink, &in, &out);
	}
	int n = sprintf(buf, "%s|%5c|%-3c|%%|%i", "x", 'y', 'z', -7);
	cb_reset(&in);
	cb_str(&in, "sprintf(\"%s|%5c|%-3c|%%|%i\", \"x\", 'y', 'z', -7)");
	show(sink, &in, buf, n);
	n = snprintf(buf, sizeof(buf), "%*d|%-*d|%.*f|%*.*e", 6, 42, 4, 7, 2, 3.14159, -12, 3,
		     1234.5);
	cb_reset(&in);
	cb_str(&in, "printf(\"%*d|%-*d|%.*f|%*.*e\", 6, 42, 4, 7, 2, 3.14159, -12, 3, 1234.5)");
	show(sink, &in, buf, n);
}

void conform_printf(struct conform_sink *sink)
{
	floats(sink);
	integers(sink);
	strings_and_truncation(sink);
}
