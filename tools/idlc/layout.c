// SPDX-License-Identifier: BSD-2-Clause
// The wire layout of every message: how many words and handles it needs at
// most, and which variable-size fields travel in a shared VMO. Fields are
// laid out in declaration order; a string, bytes or array field goes inline
// when the message, with it inline and every later one at its minimum,
// still fits in VG_IPC_MAX_WORDS, and in a VMO otherwise (docs/IPC.md).
#include "idlc.h"
#include <verdigris/types.h>

static bool variable(const struct type *ty)
{
	return ty->kind == TY_STRING || ty->kind == TY_BYTES || ty->kind == TY_ARRAY;
}

/* Words of the data of a variable field inline (without its count word). */
static uint64_t data_words(const struct type *ty)
{
	uint64_t bytes = ty->kind == TY_STRING ? ty->max + 1
		: ty->kind == TY_BYTES	       ? ty->max
					       : ty->max * type_elem_size(ty->elem);
	return (bytes + 7) / 8;
}

static void layout_message(struct idlc_ctx *c, const struct method *m, struct field *fs, int n,
			   uint32_t *words, uint32_t *handles, const char *what)
{
	uint64_t w = 0, h = 0;
	for (int i = 0; i < n; i++) {
		const struct type *ty = fs[i].type;
		if (ty->kind == TY_HANDLE)
			h++;
		else if (ty->kind == TY_STRUCT)
			w += ty->ref->words;
		else
			w++; /* a scalar, or the count word of a variable field */
	}
	if (w > VG_IPC_MAX_WORDS)
		idlc_error(c, m->line, m->col,
			   "the %s of '%s' needs %llu words; a message holds %d", what, m->name,
			   (unsigned long long)w, VG_IPC_MAX_WORDS);
	for (int i = 0; i < n; i++) {
		if (!variable(fs[i].type))
			continue;
		uint64_t dw = data_words(fs[i].type);
		if (w + dw <= VG_IPC_MAX_WORDS) {
			w += dw;
		} else {
			fs[i].vmo = true;
			h++;
		}
	}
	if (h > VG_IPC_MAX_HANDLES)
		idlc_error(
			c, m->line, m->col,
			"the %s of '%s' carries %llu handles (VMOs included); a message holds %d",
			what, m->name, (unsigned long long)h, VG_IPC_MAX_HANDLES);
	*words = (uint32_t)w;
	*handles = (uint32_t)h;
}

void layout_idl(struct idlc_ctx *c, struct idl *idl)
{
	for (int i = 0; i < idl->ndecls; i++) {
		struct decl *d = idl->decls[i];
		if (d->kind != D_INTERFACE)
			continue;
		for (int j = 0; j < d->nmethods; j++) {
			struct method *m = &d->methods[j];
			layout_message(c, m, m->ins, m->nins, &m->req_words, &m->req_handles,
				       "request");
			layout_message(c, m, m->outs, m->nouts, &m->rep_words, &m->rep_handles,
				       "reply");
		}
	}
}
