// SPDX-License-Identifier: BSD-2-Clause
// The generated client: per method an encoder, a reply decoder and the
// synchronous stub that joins them with vg_ipc_call_msg; per event a send.
// Register messages (gen_common.h) are written and read word by word.
#include "gen_common.h"

static void args(struct text *t, const struct field *fs, int n)
{
	for (int i = 0; i < n; i++) {
		text_printf(t, ", %s", fs[i].name);
		if (fs[i].type->kind == TY_BYTES || fs[i].type->kind == TY_ARRAY)
			text_printf(t, ", %s%s", fs[i].name, len_suffix(fs[i].type));
	}
}

static void gen_encode(const struct idl *idl, struct text *t, const struct decl *d,
		       const struct method *m)
{
	char label[300];
	upper(label, sizeof(label), idl->library, d->name, m->name);
	text_printf(t, "\nlong %s_%s_%s_encode(struct vg_ipc_buffer *ipc_buf, uint64_t *ipc_tag",
		    idl->library, d->name, m->name);
	emit_params(idl, t, m->ins, m->nins, CLIENT_IN);
	text_printf(t, ")\n{\n\tbool ipc_bad = false;\n");
	emit_precheck(idl, t, m->ins, m->nins, "");
	text_printf(t, "\tif (ipc_bad)\n\t\treturn ERR_INVALID_ARGS;\n");
	if (is_register_message(m->ins, m->nins)) {
		if (!m->nins)
			text_printf(t, "\t(void)ipc_buf;\n");
		emit_reg_put(t, "\t", m->ins, m->nins, "");
		text_printf(t, "\t*ipc_tag = VG_IPC_TAG(%s_LABEL, %d, 0);\n\treturn 0;\n}\n", label,
			    m->nins);
		return;
	}
	text_printf(t, "\tstruct ipc_enc ipc_e;\n\tipc_enc_init(&ipc_e, ipc_buf);\n");
	emit_encode(idl, t, m->ins, m->nins, "");
	text_printf(t, "\t*ipc_tag = ipc_enc_tag(&ipc_e, %s_LABEL);\n\treturn ipc_e.err;\n}\n",
		    label);
}

static void gen_decode_reply(const struct idl *idl, struct text *t, const struct decl *d,
			     const struct method *m)
{
	text_printf(t,
		    "\nlong %s_%s_%s_decode_reply(uint64_t ipc_tag, struct vg_ipc_buffer *ipc_buf",
		    idl->library, d->name, m->name);
	emit_params(idl, t, m->outs, m->nouts, CLIENT_OUT);
	text_printf(t, ")\n{\n");
	if (is_register_message(m->outs, m->nouts)) {
		/* The one shape of a success; anything else (a status, a
		 * malformed reply) takes the general path below. */
		text_printf(t, "\tif (ipc_tag == VG_IPC_TAG(0, %d, 0)) {\n", m->nouts);
		emit_reg_get(idl, t, "\t\t", m->outs, m->nouts, "return ERR_OUT_OF_RANGE");
		for (int i = 0; i < m->nouts; i++) {
			text_printf(t, "\t\t*%s = ", m->outs[i].name);
			emit_reg_value(idl, t, &m->outs[i], i);
			text_printf(t, ";\n");
		}
		text_printf(t, "\t\treturn 0;\n\t}\n");
	}
	text_printf(t, "\tstruct ipc_dec ipc_d;\n");
	text_printf(t, "\tlong ipc_st = ipc_dec_reply(&ipc_d, ipc_tag, ipc_buf);\n");
	if (m->raises)
		text_printf(t, "\tif (ipc_st > 0 && !%s_%s_valid((uint64_t)ipc_st))\n",
			    idl->library, m->raises->name);
	else
		text_printf(t, "\tif (ipc_st > 0)\n");
	text_printf(t, "\t\treturn ERR_BAD_FORMAT;\n\tif (ipc_st)\n\t\treturn ipc_st;\n");
	emit_decode(idl, t, m->outs, m->nouts);
	text_printf(
		t,
		"\tipc_dec_finish(&ipc_d);\n\tif (ipc_d.err)\n\t\treturn ipc_dec_abort(&ipc_d);\n");
	for (int i = 0; i < m->nouts; i++) {
		const struct type *ty = m->outs[i].type;
		const char *nm = m->outs[i].name, *sfx = len_suffix(ty);
		if (ty->kind == TY_STRING) {
			/* Length, then the NUL: a VMO's sender may still be
			 * writing it. */
			text_printf(t, "\t__builtin_memcpy(%s, ipc_v_%s, ipc_v_%s_len);\n", nm, nm,
				    nm);
			text_printf(t, "\t%s[ipc_v_%s_len] = 0;\n", nm, nm);
		} else if (ty->kind == TY_BYTES || ty->kind == TY_ARRAY) {
			text_printf(t, "\t__builtin_memcpy(%s, ipc_v_%s, ipc_v_%s%s * %zu);\n", nm,
				    nm, nm, sfx,
				    ty->kind == TY_ARRAY ? type_elem_size(ty->elem) : 1);
			text_printf(t, "\t*%s%s = ipc_v_%s%s;\n", nm, sfx, nm, sfx);
		} else {
			text_printf(t, "\t*%s = ipc_v_%s;\n", nm, nm);
		}
	}
	text_printf(t, "\tipc_dec_release(&ipc_d);\n\treturn 0;\n}\n");
}

static void gen_stub(const struct idl *idl, struct text *t, const struct decl *d,
		     const struct method *m)
{
	const char *lib = idl->library;
	if (m->event)
		text_printf(t, "\nlong %s_%s_%s_send(vg_handle_t ipc_ep", lib, d->name, m->name);
	else
		text_printf(t, "\nlong %s_%s_%s(vg_handle_t ipc_ep", lib, d->name, m->name);
	emit_params(idl, t, m->ins, m->nins, CLIENT_IN);
	if (!m->event)
		emit_params(idl, t, m->outs, m->nouts, CLIENT_OUT);
	text_printf(
		t,
		")\n{\n\tstruct vg_ipc_buffer *ipc_buf = vg_ipc_buffer();\n\tuint64_t ipc_tag;\n");
	text_printf(t, "\tlong ipc_st = %s_%s_%s_encode(ipc_buf, &ipc_tag", lib, d->name, m->name);
	args(t, m->ins, m->nins);
	text_printf(t, ");\n\tif (ipc_st)\n\t\treturn ipc_st;\n");
	if (m->event) {
		text_printf(t, "\treturn ipc_send_event(ipc_ep, ipc_tag, ipc_buf);\n}\n");
		return;
	}
	text_printf(t, "\tipc_st = vg_ipc_call_msg(ipc_ep, ipc_tag, ipc_buf, &ipc_tag);\n");
	text_printf(t, "\tif (ipc_st < 0)\n\t\treturn ipc_st;\n");
	text_printf(t, "\treturn %s_%s_%s_decode_reply(ipc_tag, ipc_buf", lib, d->name, m->name);
	args(t, m->outs, m->nouts);
	text_printf(t, ");\n}\n");
}

void gen_client(const struct idl *idl, struct text *t)
{
	emit_banner(idl, t, "client stubs");
	text_printf(t, "#include \"%s.h\"\n#include <ipc/transport.h>\n", idl->library);
	for (int i = 0; i < idl->ndecls; i++) {
		const struct decl *d = idl->decls[i];
		if (d->kind != D_INTERFACE)
			continue;
		for (int j = 0; j < d->nmethods; j++) {
			const struct method *m = &d->methods[j];
			gen_encode(idl, t, d, m);
			if (!m->event)
				gen_decode_reply(idl, t, d, m);
			gen_stub(idl, t, d, m);
		}
	}
}
