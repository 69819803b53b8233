// SPDX-License-Identifier: BSD-2-Clause
// The generated header: the types (enums, errors, structs with their
// encoders), labels, client stubs, and the server's operations table.
#include "gen_common.h"
#include <stdio.h>
#include <string.h>

static void enum_value(struct text *t, const struct decl *d, int64_t v)
{
	if (!type_signed(d->base))
		text_printf(t, "%lluu", (unsigned long long)v);
	else if (v == INT64_MIN)
		text_printf(t, "INT64_MIN");
	else
		text_printf(t, "%lld", (long long)v);
}

static void gen_enum(const struct idl *idl, struct text *t, const struct decl *d)
{
	char buf[160], name[200];
	const char *lib = idl->library;
	if (d->kind == D_ENUM) {
		struct type base = { .kind = d->base };
		text_printf(t, "\n/* enum %s : %s */\ntypedef %s %s_%s_t;\n", d->name,
			    (const char *[]){ "u8", "u16", "u32", "u64", "i8", "i16", "i32",
					      "i64" }[d->base],
			    type_c_scalar(idl, &base, buf, sizeof(buf)), lib, d->name);
	} else {
		text_printf(t, "\n/* error %s: method statuses above zero */\n", d->name);
	}
	for (int i = 0; i < d->nmembers; i++) {
		upper(name, sizeof(name), lib, d->name, d->members[i].name);
		if (d->kind == D_ENUM)
			text_printf(t, "#define %s ((%s_%s_t)", name, lib, d->name);
		else
			text_printf(t, "#define %s (", name);
		enum_value(t, d, d->members[i].value);
		text_printf(t, ")\n");
	}
	text_printf(t, "static inline bool %s_%s_valid(uint64_t ipc_v)\n{\n\tswitch (ipc_v) {\n",
		    lib, d->name);
	for (int i = 0; i < d->nmembers; i++)
		text_printf(t, "\tcase UINT64_C(0x%llx):\n",
			    (unsigned long long)d->members[i].value);
	text_printf(t, "\t\treturn true;\n\tdefault:\n\t\treturn false;\n\t}\n}\n");
}

static void gen_struct(const struct idl *idl, struct text *t, const struct decl *d)
{
	char buf[160], v[160];
	const char *lib = idl->library;
	text_printf(t, "\nstruct %s_%s {\n", lib, d->name);
	for (int i = 0; i < d->nfields; i++)
		text_printf(t, "\t%s %s;\n",
			    type_c_scalar(idl, d->fields[i].type, buf, sizeof(buf)),
			    d->fields[i].name);
	text_printf(t, "};\n");
	/* Encoder, decoder and check: static inline, so that they cost
	 * nothing where unused. */
	text_printf(t,
		    "static inline void %s_%s_put(struct ipc_enc *ipc_e, const struct %s_%s "
		    "*ipc_v)\n{\n",
		    lib, d->name, lib, d->name);
	for (int i = 0; i < d->nfields; i++) {
		const struct type *ty = d->fields[i].type;
		snprintf(v, sizeof(v), "%sipc_v->%s", ty->kind == TY_STRUCT ? "&" : "",
			 d->fields[i].name);
		emit_put_fixed(idl, t, "\t", ty, "ipc_e", v);
	}
	text_printf(t, "}\n");
	text_printf(t,
		    "static inline void %s_%s_get(struct ipc_dec *ipc_d, struct %s_%s *ipc_v)\n{\n",
		    lib, d->name, lib, d->name);
	for (int i = 0; i < d->nfields; i++) {
		snprintf(v, sizeof(v), "ipc_v->%s", d->fields[i].name);
		emit_get_fixed(idl, t, "\t", d->fields[i].type, "ipc_d", v);
	}
	text_printf(t, "}\n");
	text_printf(t, "static inline bool %s_%s_valid(const struct %s_%s *ipc_v)\n{\n", lib,
		    d->name, lib, d->name);
	text_printf(t, "\t(void)ipc_v;\n\treturn true");
	for (int i = 0; i < d->nfields; i++) {
		const struct type *ty = d->fields[i].type;
		if (!needs_check(ty))
			continue;
		snprintf(v, sizeof(v), "%sipc_v->%s", ty->kind == TY_STRUCT ? "&" : "",
			 d->fields[i].name);
		text_printf(t, " &&\n\t       ");
		emit_check_expr(idl, t, ty, v);
	}
	text_printf(t, ";\n}\n");
}

static void gen_maxima(const struct idl *idl, struct text *t, const struct decl *d,
		       const struct method *m, const struct field *fs, int n)
{
	char name[300], param[100];
	for (int i = 0; i < n; i++) {
		if (!is_variable(fs[i].type))
			continue;
		upper(name, sizeof(name), idl->library, d->name, m->name);
		upper(param, sizeof(param), fs[i].name, NULL, NULL);
		text_printf(t, "#define %s_%s_MAX %lluu\n", name, param,
			    (unsigned long long)fs[i].type->max);
	}
}

static void gen_interface(const struct idl *idl, struct text *t, const struct decl *d)
{
	const char *lib = idl->library;
	char name[300];
	upper(name, sizeof(name), lib, d->name, NULL);
	text_printf(t, "\n/* ---- interface %s @%u ---- */\n#define %s_ID %uu\n", d->name, d->id,
		    name, d->id);
	for (int i = 0; i < d->nmethods; i++) {
		const struct method *m = &d->methods[i];
		upper(name, sizeof(name), lib, d->name, m->name);
		text_printf(t, "#define %s_LABEL 0x%08xu\n", name, d->id << 16 | m->ordinal);
		gen_maxima(idl, t, d, m, m->ins, m->nins);
		gen_maxima(idl, t, d, m, m->outs, m->nouts);
	}
	text_printf(t,
		    "\n/* Client: synchronous stubs return 0, an error value (> 0) or ERR_*. */\n");
	for (int i = 0; i < d->nmethods; i++) {
		const struct method *m = &d->methods[i];
		if (m->event) {
			text_printf(t, "long %s_%s_%s_send(vg_handle_t ipc_ep", lib, d->name,
				    m->name);
			emit_params(idl, t, m->ins, m->nins, CLIENT_IN);
			text_printf(t, ");\n");
		} else {
			text_printf(t, "long %s_%s_%s(vg_handle_t ipc_ep", lib, d->name, m->name);
			emit_params(idl, t, m->ins, m->nins, CLIENT_IN);
			emit_params(idl, t, m->outs, m->nouts, CLIENT_OUT);
			text_printf(t, ");\n");
		}
	}
	text_printf(t,
		    "\n/* Client halves, for asynchronous callers: encode a request into buf,\n"
		    " * decode the reply of one. */\n");
	for (int i = 0; i < d->nmethods; i++) {
		const struct method *m = &d->methods[i];
		text_printf(t,
			    "long %s_%s_%s_encode(struct vg_ipc_buffer *ipc_buf, uint64_t *ipc_tag",
			    lib, d->name, m->name);
		emit_params(idl, t, m->ins, m->nins, CLIENT_IN);
		text_printf(t, ");\n");
		if (m->event)
			continue;
		text_printf(t,
			    "long %s_%s_%s_decode_reply(uint64_t ipc_tag, struct vg_ipc_buffer "
			    "*ipc_buf",
			    lib, d->name, m->name);
		emit_params(idl, t, m->outs, m->nouts, CLIENT_OUT);
		text_printf(t, ");\n");
	}
	text_printf(t,
		    "\n/* Server: the implementation's operations. A method returns 0 (its\n"
		    " * outputs are sent), an error value (> 0) or ERR_*. Inputs point into\n"
		    " * the message and live until the operation returns. */\n");
	text_printf(t, "struct %s_%s_ops {\n", lib, d->name);
	for (int i = 0; i < d->nmethods; i++) {
		const struct method *m = &d->methods[i];
		text_printf(t, "\t%s (*%s)(void *ipc_ctx, uint64_t ipc_badge",
			    m->event ? "void" : "long", m->name);
		emit_params(idl, t, m->ins, m->nins, SERVER_IN);
		emit_params(idl, t, m->outs, m->nouts, SERVER_OUT);
		text_printf(t, ");\n");
	}
	text_printf(t, "};\n");
	text_printf(t, "struct %s_%s_server {\n\tconst struct %s_%s_ops *ops;\n\tvoid *ctx;\n};\n",
		    lib, d->name, lib, d->name);
	text_printf(t, "/* An ipc_dispatch_fn: server is a struct %s_%s_server. */\n", lib,
		    d->name);
	text_printf(t,
		    "int %s_%s_dispatch(void *ipc_server, uint64_t ipc_badge, uint64_t ipc_tag,\n"
		    "\t\tstruct vg_ipc_buffer *ipc_buf, uint64_t *ipc_reply_tag);\n",
		    lib, d->name);
}

void gen_header(const struct idl *idl, struct text *t)
{
	char guard[200];
	upper(guard, sizeof(guard), "IDL", idl->library, "H");
	emit_banner(idl, t, "types and stubs");
	text_printf(t, "#ifndef %s\n#define %s\n\n", guard, guard);
	text_printf(t,
		    "#include <ipc/msg.h>\n#include <stdbool.h>\n#include <stddef.h>\n"
		    "#include <stdint.h>\n#include <verdigris/types.h>\n");
	for (int i = 0; i < idl->ndecls; i++) {
		const struct decl *d = idl->decls[i];
		if (d->kind == D_ENUM || d->kind == D_ERROR)
			gen_enum(idl, t, d);
		else if (d->kind == D_STRUCT)
			gen_struct(idl, t, d);
		else
			gen_interface(idl, t, d);
	}
	text_printf(t, "\n#endif\n");
}
