// SPDX-License-Identifier: BSD-2-Clause
// The strtol family: every base's prefixes and digits, signs, white space,
// junk after the number, and overflow at each width (ERANGE and the
// clamped value).
#include <errno.h>
#include <stdlib.h>

#include "conform.h"

static const char *const inputs[] = {
	"0",
	"-0",
	"  +42",
	"\t\n\v\f\r 17",
	"0x1A",
	"0X1a",
	"0x",
	"0xg",
	"-0x10",
	"0777",
	"08",
	"0b101",
	"1010",
	"zz",
	"ZZ",
	"1z",
	"123abc",
	"+-1",
	"",
	"   ",
	"-",
	"1_000",
	"2147483647",
	"2147483648",
	"-2147483649",
	"4294967296",
	"9223372036854775807",
	"9223372036854775808",
	"-9223372036854775808",
	"-9223372036854775809",
	"18446744073709551615",
	"18446744073709551616",
	"-1",
	"-18446744073709551615",
	"-18446744073709551616",
	"0x7fffffffffffffff",
	"0x8000000000000000",
	"0xffffffffffffffffff",
	"3w5e11264sgsf",
	"3w5e11264sgsg",
	"00000000000000000000000000009",
};
enum { NINPUTS = sizeof(inputs) / sizeof(inputs[0]) };

/* Starts the case fn(s, &end, base). */
static void begin(struct cbuf *in, struct cbuf *out, const char *fn, const char *s, int base)
{
	cb_reset(in), cb_reset(out);
	cb_str(in, fn), cb_str(in, "("), cb_esc(in, s), cb_str(in, ", "), cb_int(in, base);
	cb_str(in, ")");
	errno = 0;
}

/* Ends it: where parsing stopped, and errno. */
static void finish(struct conform_sink *sink, struct cbuf *in, struct cbuf *out, const char *s,
		   char *end, int err)
{
	cb_str(out, " end "), cb_int(out, end - s);
	cb_str(out, " errno "), cb_errno(out, err);
	cb_take(sink, in, out);
}

void conform_strtol(struct conform_sink *sink)
{
	static const int bases[] = { 0, 2, 8, 10, 16, 36 };
	struct cbuf in, out;
	char *end;
	for (int i = 0; i < NINPUTS; i++) {
		const char *s = inputs[i];
		for (int b = 0; b < 6; b++) {
			begin(&in, &out, "strtol", s, bases[b]);
			cb_int(&out, strtol(s, &end, bases[b]));
			finish(sink, &in, &out, s, end, errno);
			begin(&in, &out, "strtoul", s, bases[b]);
			cb_uint(&out, strtoul(s, &end, bases[b]));
			finish(sink, &in, &out, s, end, errno);
		}
		begin(&in, &out, "strtoll", s, 0);
		cb_int(&out, strtoll(s, &end, 0));
		finish(sink, &in, &out, s, end, errno);
		begin(&in, &out, "strtoull", s, 0);
		cb_uint(&out, strtoull(s, &end, 0));
		finish(sink, &in, &out, s, end, errno);
	}
}
