// SPDX-License-Identifier: BSD-2-Clause
// The whole pipeline on one source text, into memory: parse and check, lay
// out the messages, generate every output. Nothing touches a file here.
#include "idlc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *out_name(const char *lib, const char *suffix)
{
	size_t n = strlen(lib) + strlen(suffix) + 1;
	char *s = malloc(n);
	if (!s) {
		fprintf(stderr, "idlc: out of memory\n");
		exit(2);
	}
	snprintf(s, n, "%s%s", lib, suffix);
	return s;
}

int idlc_compile(const char *file, const char *src, size_t len, struct idlc_output *out, char *err,
		 size_t errsize)
{
	/* On the heap: what an error long-jumps back to must be in memory. */
	struct idlc_ctx *c = calloc(1, sizeof(*c));
	if (!c) {
		fprintf(stderr, "idlc: out of memory\n");
		exit(2);
	}
	c->file = file;
	*out = (struct idlc_output){ 0 };
	if (setjmp(c->fail)) {
		snprintf(err, errsize, "%s", c->err);
		idlc_arena_free(c);
		free(c);
		return 1;
	}
	if (len > IDLC_MAX_SOURCE)
		idlc_error(c, 1, 1, "file larger than %u bytes", IDLC_MAX_SOURCE);
	lex_init(c, src, len);
	struct idl *idl = parse_idl(c);
	layout_idl(c, idl);
	static const char *const suffix[OUT_COUNT] = { ".h",  "_client.c", "_server.c",
						       ".md", "_async.h",  "_async.c" };
	for (int i = 0; i < OUT_COUNT; i++)
		out->name[i] = out_name(idl->library, suffix[i]);
	gen_header(idl, &out->text[OUT_HEADER]);
	gen_client(idl, &out->text[OUT_CLIENT]);
	gen_server(idl, &out->text[OUT_SERVER]);
	gen_doc(idl, &out->text[OUT_DOC]);
	gen_async_header(idl, &out->text[OUT_ASYNC_HEADER]);
	gen_async(idl, &out->text[OUT_ASYNC]);
	idlc_arena_free(c);
	free(c);
	return 0;
}

void idlc_output_free(struct idlc_output *out)
{
	for (int i = 0; i < OUT_COUNT; i++) {
		free(out->name[i]);
		text_free(&out->text[i]);
	}
}
