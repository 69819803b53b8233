// SPDX-License-Identifier: BSD-2-Clause
// The generated server: a dispatcher that validates every message before
// calling the implementation, and encodes its outputs as the reply.
// Register messages (gen_common.h) are read and written word by word.
#include "gen_common.h"

static void gen_serve(const struct idl *idl, struct text *t, const struct decl *d,
		      const struct method *m)
{
	const char *lib = idl->library;
	/* Not inlined into the dispatcher: there the largest method's frame
	 * and saved registers would be paid by every call, the smallest too. */
	text_printf(t,
		    "\nstatic __attribute__((noinline)) int %s_%s_%s_serve(const struct "
		    "%s_%s_server *ipc_s, uint64_t "
		    "ipc_badge,\n"
		    "\t\tuint64_t ipc_tag, struct vg_ipc_buffer *ipc_buf, uint64_t "
		    "*ipc_reply_tag)\n{\n",
		    lib, d->name, m->name, lib, d->name);
	bool reg_in = is_register_message(m->ins, m->nins);
	char label[300];
	upper(label, sizeof(label), lib, d->name, m->name);
	if (reg_in) {
		/* A request of any other shape is malformed (reserved bits,
		 * words or handles missing or left over): refused whole. */
		text_printf(t,
			    "\tif (ipc_tag != VG_IPC_TAG(%s_LABEL, %d, 0)) {\n"
			    "\t\treturn ipc_refuse(ipc_tag, ipc_buf, ERR_BAD_FORMAT, "
			    "ipc_reply_tag);\n\t}\n",
			    label, m->nins);
		emit_reg_get(idl, t, "\t", m->ins, m->nins,
			     "{\n\t\t*ipc_reply_tag = ipc_status_tag(ERR_OUT_OF_RANGE);\n"
			     "\t\treturn 0;\n\t}");
		text_printf(t,
			    "\tif (!ipc_s->ops->%s) {\n"
			    "\t\t*ipc_reply_tag = ipc_status_tag(ERR_NOT_SUPPORTED);\n"
			    "\t\treturn 0;\n\t}\n",
			    m->name);
		char buf[160];
		for (int i = 0; i < m->nins; i++) {
			text_printf(t, "\t%s ipc_v_%s = ",
				    type_c_scalar(idl, m->ins[i].type, buf, sizeof(buf)),
				    m->ins[i].name);
			emit_reg_value(idl, t, &m->ins[i], i);
			text_printf(t, ";\n");
		}
	} else {
		text_printf(t,
			    "\tstruct ipc_dec ipc_d;\n\tipc_dec_init(&ipc_d, ipc_tag, ipc_buf);\n");
		emit_decode(idl, t, m->ins, m->nins);
		text_printf(t, "\tipc_dec_finish(&ipc_d);\n");
		text_printf(t, "\tif (ipc_d.err || !ipc_s->ops->%s) {\n", m->name);
		text_printf(t, "\t\tlong ipc_st = ipc_d.err ? ipc_d.err : ERR_NOT_SUPPORTED;\n");
		text_printf(t,
			    "\t\tipc_dec_abort(&ipc_d);\n\t\t*ipc_reply_tag = "
			    "ipc_status_tag(ipc_st);\n"
			    "\t\treturn 0;\n\t}\n");
	}
	/* Outputs start zeroed. */
	char buf[160];
	for (int i = 0; i < m->nouts; i++) {
		const struct type *ty = m->outs[i].type;
		const char *nm = m->outs[i].name;
		switch (ty->kind) {
		case TY_STRING: text_printf(t, "\tconst char *ipc_o_%s = NULL;\n", nm); break;
		case TY_BYTES:
		case TY_ARRAY:
			text_printf(t, "\tconst %s *ipc_o_%s = NULL;\n\tsize_t ipc_o_%s%s = 0;\n",
				    ty->kind == TY_BYTES
					    ? "void"
					    : type_c_scalar(idl, ty->elem, buf, sizeof(buf)),
				    nm, nm, len_suffix(ty));
			break;
		case TY_HANDLE:
			text_printf(t, "\tvg_handle_t ipc_o_%s = VG_HANDLE_INVALID;\n", nm);
			break;
		case TY_STRUCT:
			text_printf(t,
				    "\t%s ipc_o_%s;\n\t__builtin_memset(&ipc_o_%s, 0, "
				    "sizeof(ipc_o_%s));\n",
				    type_c_scalar(idl, ty, buf, sizeof(buf)), nm, nm, nm);
			break;
		default:
			text_printf(t, "\t%s ipc_o_%s = 0;\n",
				    type_c_scalar(idl, ty, buf, sizeof(buf)), nm);
			break;
		}
	}
	text_printf(t, "\t%sipc_s->ops->%s(ipc_s->ctx, ipc_badge",
		    m->event ? "" : "long ipc_st = ", m->name);
	for (int i = 0; i < m->nins; i++) {
		const struct type *ty = m->ins[i].type;
		const char *nm = m->ins[i].name;
		if (is_variable(ty))
			text_printf(t, ", ipc_v_%s, ipc_v_%s%s", nm, nm, len_suffix(ty));
		else
			text_printf(t, ", %sipc_v_%s", ty->kind == TY_STRUCT ? "&" : "", nm);
	}
	for (int i = 0; i < m->nouts; i++) {
		const struct type *ty = m->outs[i].type;
		const char *nm = m->outs[i].name;
		text_printf(t, ", &ipc_o_%s", nm);
		if (ty->kind == TY_BYTES || ty->kind == TY_ARRAY)
			text_printf(t, ", &ipc_o_%s%s", nm, len_suffix(ty));
	}
	text_printf(t, ");\n");
	if (!reg_in)
		text_printf(t, "\tipc_dec_release(&ipc_d);\n");
	if (m->event) {
		text_printf(t, "\t*ipc_reply_tag = ipc_status_tag(0);\n\treturn 0;\n}\n");
		return;
	}
	if (m->raises)
		text_printf(t, "\tif (ipc_st > 0 && !%s_%s_valid((uint64_t)ipc_st))\n", lib,
			    m->raises->name);
	else
		text_printf(t, "\tif (ipc_st > 0)\n");
	text_printf(t, "\t\tipc_st = ERR_BAD_STATE; /* not a status this method returns */\n");
	text_printf(t, "\tbool ipc_bad = false;\n");
	emit_precheck(idl, t, m->outs, m->nouts, "ipc_o_");
	text_printf(t,
		    "\tif (ipc_bad && !ipc_st)\n\t\tipc_st = ERR_BAD_STATE; /* outputs out of "
		    "bounds */\n");
	if (is_register_message(m->outs, m->nouts)) {
		text_printf(t, "\tif (!ipc_st) {\n");
		emit_reg_put(t, "\t\t", m->outs, m->nouts, "ipc_o_");
		text_printf(t, "\t\t*ipc_reply_tag = VG_IPC_TAG(0, %d, 0);\n\t\treturn 0;\n\t}\n",
			    m->nouts);
		text_printf(t, "\t*ipc_reply_tag = ipc_status_tag(ipc_st);\n\treturn 0;\n}\n");
		return;
	}
	text_printf(t,
		    "\tif (!ipc_st) {\n\t\tstruct ipc_enc ipc_e;\n\t\tipc_enc_init(&ipc_e, "
		    "ipc_buf);\n");
	struct text enc = { 0 };
	emit_encode(idl, &enc, m->outs, m->nouts, "ipc_o_");
	/* Indent the encoder one level more. */
	for (size_t i = 0; i < enc.len; i++) {
		if (i == 0 || enc.data[i - 1] == '\n')
			text_printf(t, "\t");
		text_printf(t, "%c", enc.data[i]);
	}
	text_free(&enc);
	text_printf(t,
		    "\t\t*ipc_reply_tag = ipc_enc_tag(&ipc_e, 0);\n\t\tipc_st = ipc_e.err;\n\t}\n");
	text_printf(t, "\tif (ipc_st) {\n");
	for (int i = 0; i < m->nouts; i++)
		if (m->outs[i].type->kind == TY_HANDLE)
			text_printf(t,
				    "\t\tif (ipc_o_%s != "
				    "VG_HANDLE_INVALID)\n\t\t\tipc_rt_handle_close(ipc_o_%s);\n",
				    m->outs[i].name, m->outs[i].name);
	text_printf(t, "\t\t*ipc_reply_tag = ipc_status_tag(ipc_st);\n\t}\n\treturn 0;\n}\n");
}

void gen_server(const struct idl *idl, struct text *t)
{
	const char *lib = idl->library;
	emit_banner(idl, t, "server dispatch");
	text_printf(t, "#include \"%s.h\"\n#include <ipc/transport.h>\n", lib);
	for (int i = 0; i < idl->ndecls; i++) {
		const struct decl *d = idl->decls[i];
		if (d->kind != D_INTERFACE)
			continue;
		for (int j = 0; j < d->nmethods; j++)
			gen_serve(idl, t, d, &d->methods[j]);
		text_printf(t,
			    "\nint %s_%s_dispatch(void *ipc_server, uint64_t ipc_badge, uint64_t "
			    "ipc_tag,\n"
			    "\t\tstruct vg_ipc_buffer *ipc_buf, uint64_t *ipc_reply_tag)\n{\n",
			    lib, d->name);
		text_printf(t, "\tconst struct %s_%s_server *ipc_s = ipc_server;\n", lib, d->name);
		text_printf(t, "\tswitch (VG_IPC_TAG_LABEL(ipc_tag)) {\n");
		for (int j = 0; j < d->nmethods; j++) {
			char label[300];
			upper(label, sizeof(label), lib, d->name, d->methods[j].name);
			text_printf(t,
				    "\tcase %s_LABEL:\n\t\treturn %s_%s_%s_serve(ipc_s, ipc_badge, "
				    "ipc_tag, ipc_buf, ipc_reply_tag);\n",
				    label, lib, d->name, d->methods[j].name);
		}
		text_printf(
			t,
			"\tdefault:\n\t\treturn ipc_refuse(ipc_tag, ipc_buf, ERR_NOT_SUPPORTED, "
			"ipc_reply_tag);\n\t}\n}\n");
	}
}
