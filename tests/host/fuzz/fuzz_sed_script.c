// SPDX-License-Identifier: BSD-2-Clause
// Fuzzer for sed's script compiler (app/sed/script.c): any text is a
// compiled script or a refusal, never a crash, a hang or a leak. The first
// byte chooses basic or extended regular expressions. Invariants of an
// accepted script: every command has a name, a '{' jumps to its '}', a b
// or t to a label or the end, and s has a replacement.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../app/lib/util.h"
#include "../../../app/sed/sed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct sed_script *s)
{
	for (size_t k = 0; k < s->n; k++) {
		const struct sed_cmd *c = &s->cmds[k];
		if (!c->name ||
		    (c->name == '{' &&
		     (c->jump <= k || c->jump >= s->n || s->cmds[c->jump].name != '}')))
			abort();
		if ((c->name == 'b' || c->name == 't') &&
		    (c->jump > s->n || (c->jump < s->n && s->cmds[c->jump].name != ':')))
			abort();
		if (c->name == 's' && !c->repl)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Refusals are the normal case: their messages go to /dev/null, the
	 * fuzzer's own (and the sanitizers', on descriptor 2) do not. */
	static FILE *null;
	if (!null)
		null = fopen("/dev/null", "w");
	if (!size || size > 4096 || !null)
		return 0;
	char *text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = 0;
	struct sed_script s;
	FILE *err = stderr;
	stderr = null;
	bool ok = sed_compile(&s, text, data[0] & 1 ? REG_EXTENDED : 0);
	stderr = err;
	if (ok)
		check(&s);
	sed_free(&s);
	free(text);
	return 0;
}
