// SPDX-License-Identifier: BSD-2-Clause
// <ctype.h> in the C locale on EOF and every unsigned char value.
#include <ctype.h>
#include <stdio.h>

#include "conform.h"

void conform_ctype(struct conform_sink *sink)
{
	static int (*const classes[])(
		int) = { isalnum, isalpha, isblank, iscntrl, isdigit, isgraph,
			 islower, isprint, ispunct, isspace, isupper, isxdigit };
	static const char letters[] = "abBcdglpPsux";
	struct cbuf in, out;
	for (int c = EOF; c < 256; c++) {
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "ctype("), cb_int(&in, c), cb_str(&in, ")");
		for (int k = 0; k < 12; k++)
			if (classes[k](c))
				cb_bytes(&out, &letters[k], 1);
		cb_str(&out, " up "), cb_int(&out, toupper(c));
		cb_str(&out, " low "), cb_int(&out, tolower(c));
		cb_take(sink, &in, &out);
	}
}
