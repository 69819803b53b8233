// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for the IDL compiler (tools/idlc): any text either
// compiles or gets one "bad.idl:line:col: message"; never a crash, a leak
// or a hang. Seeds: tests/idl/*.idl.
#include "../../../tools/idlc/idlc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct idlc_output out;
	char err[600];
	int r = idlc_compile("bad.idl", (const char *)data, size, &out, err, sizeof(err));
	if (r == 0) {
		for (int i = 0; i < OUT_COUNT; i++) {
			if (!out.text[i].len || strncmp(out.text[i].data, "/* SPDX", 7) == 0)
				continue;
			if (i == OUT_DOC && strncmp(out.text[i].data, "<!-- SPDX", 9) == 0)
				continue;
			fprintf(stderr, "FUZZ FAIL: output %s lacks its licence line\n",
				out.name[i]);
			abort();
		}
		idlc_output_free(&out);
	} else if (strncmp(err, "bad.idl:", 8) != 0) {
		fprintf(stderr, "FUZZ FAIL: error without a position: %s\n", err);
		abort();
	}
	return 0;
}
