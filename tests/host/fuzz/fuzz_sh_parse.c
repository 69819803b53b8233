// SPDX-License-Identifier: BSD-2-Clause
// Fuzzer for the shell's lexer and parser (app/sh): any input is a parse or
// a syntax error, never a crash, a hang or a leak. Aliases are defined so
// that alias substitution (which rewrites the input) is exercised too.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "sh.h"

struct shell sh = { .arg0 = "sh", .errname = "sh" };

void sh_error(const char *fmt, ...)
{
	(void)fmt;
}

_Noreturn void sh_abort(int status)
{
	(void)status;
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		alias_set("ll", "ls -l ");
		alias_set("loop", "loop; ");
		alias_set("ifx", "if true; then ");
		init = 1;
	}
	parse_all_quiet((const char *)data, size);
	parse_check_complete(size && data[size - 1] == 0 ? (const char *)data : "echo");
	return 0;
}
