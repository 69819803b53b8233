// SPDX-License-Identifier: BSD-2-Clause
// The asynchronous client (<library>_async.h and _async.c): per method a
// call structure holding the arguments and the results, and a _start that
// hands the call to lib/async (the generated _encode and _decode_reply halves
// run on one of its helper threads) and completes on the loop thread through
// the call's future and an optional callback. A file of its own so that the
// synchronous client needs nothing of lib/async.
#include "gen_common.h"
#include <stdio.h>

/* The call structure's member for one field: inputs are kept by value
 * (a struct is copied), except the data of strings, bytes and arrays, which
 * stays the caller's; outputs of fixed size land in the structure, those of
 * variable size in the caller's buffer named at the start. */
static void member(const struct idl *idl, struct text *t, const struct field *f, bool out)
{
	const struct type *ty = f->type;
	char buf[160];
	switch (ty->kind) {
	case TY_STRING: text_printf(t, "\t\t%schar *%s;\n", out ? "" : "const ", f->name); break;
	case TY_BYTES:
	case TY_ARRAY:
		text_printf(t, "\t\t%s%s *%s;\n\t\tsize_t %s%s;\n", out ? "" : "const ",
			    ty->kind == TY_BYTES ? "void"
						 : type_c_scalar(idl, ty->elem, buf, sizeof(buf)),
			    f->name, f->name, len_suffix(ty));
		break;
	case TY_HANDLE: text_printf(t, "\t\tvg_handle_t %s;\n", f->name); break;
	default:
		text_printf(t, "\t\t%s %s;\n", type_c_scalar(idl, ty, buf, sizeof(buf)), f->name);
		break;
	}
}

/* ", T *name" for each output of variable size: where it is to go. */
static void out_buffers(const struct idl *idl, struct text *t, const struct method *m)
{
	char buf[160];
	for (int i = 0; i < m->nouts; i++) {
		const struct type *ty = m->outs[i].type;
		if (ty->kind == TY_STRING)
			text_printf(t, ", char *%s", m->outs[i].name);
		else if (ty->kind == TY_BYTES)
			text_printf(t, ", void *%s", m->outs[i].name);
		else if (ty->kind == TY_ARRAY)
			text_printf(t, ", %s *%s", type_c_scalar(idl, ty->elem, buf, sizeof(buf)),
				    m->outs[i].name);
	}
}

static void start_proto(const struct idl *idl, struct text *t, const char *fn,
			const struct method *m)
{
	text_printf(t,
		    "long %s_start(struct async_loop *ipc_loop, struct %s_call *ipc_c, "
		    "vg_handle_t ipc_ep",
		    fn, fn);
	emit_params(idl, t, m->ins, m->nins, CLIENT_IN);
	out_buffers(idl, t, m);
	text_printf(t, ", %s_done_fn ipc_fn, void *ipc_ctx)", fn);
}

static void gen_decls(const struct idl *idl, struct text *t, const char *fn, const struct method *m)
{
	text_printf(t, "\nstruct %s_call;\n", fn);
	text_printf(t,
		    "typedef void (*%s_done_fn)(struct %s_call *ipc_c, long ipc_status, "
		    "void *ipc_ctx);\n",
		    fn, fn);
	text_printf(t,
		    "struct %s_call {\n\tstruct async_call ipc_call; /* ipc_call.done: the "
		    "future */\n\t%s_done_fn ipc_fn;\n\tvoid *ipc_ctx;\n\tstruct async_then "
		    "ipc_then;\n",
		    fn, fn);
	if (m->nins) {
		text_printf(t, "\tstruct {\n");
		for (int i = 0; i < m->nins; i++)
			member(idl, t, &m->ins[i], false);
		text_printf(t, "\t} in;\n");
	}
	if (m->nouts) {
		text_printf(t, "\tstruct {\n");
		for (int i = 0; i < m->nouts; i++)
			member(idl, t, &m->outs[i], true);
		text_printf(t, "\t} out;\n");
	}
	text_printf(t, "};\n");
	start_proto(idl, t, fn, m);
	text_printf(t, ";\n");
}

static void gen_adapters(const struct idl *idl, struct text *t, const char *fn,
			 const struct method *m)
{
	(void)idl;
	text_printf(t,
		    "\nstatic long %s_enc(struct vg_ipc_buffer *ipc_buf, uint64_t *ipc_tag, void "
		    "*ipc_p)\n{\n\tstruct %s_call *ipc_c = ipc_p;\n",
		    fn, fn);
	if (!m->nins)
		text_printf(t, "\t(void)ipc_c;\n");
	text_printf(t, "\treturn %s_encode(ipc_buf, ipc_tag", fn);
	for (int i = 0; i < m->nins; i++) {
		const struct type *ty = m->ins[i].type;
		const char *nm = m->ins[i].name;
		text_printf(t, ", %sipc_c->in.%s", ty->kind == TY_STRUCT ? "&" : "", nm);
		if (ty->kind == TY_BYTES || ty->kind == TY_ARRAY)
			text_printf(t, ", ipc_c->in.%s%s", nm, len_suffix(ty));
	}
	text_printf(t, ");\n}\n");

	text_printf(t,
		    "\nstatic long %s_dec(uint64_t ipc_tag, struct vg_ipc_buffer *ipc_buf, void "
		    "*ipc_p)\n{\n",
		    fn);
	if (m->event) {
		text_printf(t, "\t(void)ipc_p;\n\treturn ipc_event_ack(ipc_tag, ipc_buf);\n}\n");
	} else {
		text_printf(t, "\tstruct %s_call *ipc_c = ipc_p;\n", fn);
		if (!m->nouts)
			text_printf(t, "\t(void)ipc_c;\n");
		text_printf(t, "\treturn %s_decode_reply(ipc_tag, ipc_buf", fn);
		for (int i = 0; i < m->nouts; i++) {
			const struct type *ty = m->outs[i].type;
			const char *nm = m->outs[i].name;
			if (ty->kind == TY_STRING)
				text_printf(t, ", ipc_c->out.%s", nm);
			else if (ty->kind == TY_BYTES || ty->kind == TY_ARRAY)
				text_printf(t, ", ipc_c->out.%s, &ipc_c->out.%s%s", nm, nm,
					    len_suffix(ty));
			else
				text_printf(t, ", &ipc_c->out.%s", nm);
		}
		text_printf(t, ");\n}\n");
	}

	text_printf(t,
		    "\nstatic void %s_then(struct async_future *ipc_f, void *ipc_p)\n{\n"
		    "\tstruct %s_call *ipc_c = ipc_p;\n"
		    "\tipc_c->ipc_fn(ipc_c, ipc_f->status, ipc_c->ipc_ctx);\n}\n",
		    fn, fn);
}

static void gen_start(const struct idl *idl, struct text *t, const char *fn, const struct method *m)
{
	text_printf(t, "\n");
	start_proto(idl, t, fn, m);
	text_printf(t, "\n{\n\tbool ipc_bad = !ipc_c;\n");
	/* Checked here as well as in _encode, so that a bad argument is the
	 * caller's error at once, with nothing started and its handles its own. */
	emit_precheck(idl, t, m->ins, m->nins, "");
	for (int i = 0; i < m->nouts; i++)
		if (is_variable(m->outs[i].type))
			text_printf(t, "\tif (!%s)\n\t\tipc_bad = true;\n", m->outs[i].name);
	text_printf(t, "\tif (ipc_bad)\n\t\treturn ERR_INVALID_ARGS;\n");
	for (int i = 0; i < m->nins; i++) {
		const struct type *ty = m->ins[i].type;
		const char *nm = m->ins[i].name;
		text_printf(t, "\tipc_c->in.%s = %s%s;\n", nm, ty->kind == TY_STRUCT ? "*" : "",
			    nm);
		if (ty->kind == TY_BYTES || ty->kind == TY_ARRAY)
			text_printf(t, "\tipc_c->in.%s%s = %s%s;\n", nm, len_suffix(ty), nm,
				    len_suffix(ty));
	}
	for (int i = 0; i < m->nouts; i++)
		if (is_variable(m->outs[i].type))
			text_printf(t, "\tipc_c->out.%s = %s;\n", m->outs[i].name, m->outs[i].name);
	text_printf(t,
		    "\tipc_c->ipc_fn = ipc_fn;\n\tipc_c->ipc_ctx = ipc_ctx;\n"
		    "\tlong ipc_st = async_call_start(ipc_loop, &ipc_c->ipc_call, ipc_ep, %s_enc, "
		    "%s_dec, ipc_c);\n"
		    "\tif (!ipc_st && ipc_fn)\n"
		    "\t\tasync_future_then(&ipc_c->ipc_call.done, &ipc_c->ipc_then, %s_then, "
		    "ipc_c);\n"
		    "\treturn ipc_st;\n}\n",
		    fn, fn, fn);
}

/* Calls fn(idl, t, "<lib>_<iface>_<method>", m) for every method. */
static void each_method(const struct idl *idl, struct text *t,
			void (*fn)(const struct idl *, struct text *, const char *,
				   const struct method *))
{
	for (int i = 0; i < idl->ndecls; i++) {
		const struct decl *d = idl->decls[i];
		if (d->kind != D_INTERFACE)
			continue;
		for (int j = 0; j < d->nmethods; j++) {
			char name[300];
			snprintf(name, sizeof(name), "%s_%s_%s", idl->library, d->name,
				 d->methods[j].name);
			fn(idl, t, name, &d->methods[j]);
		}
	}
}

void gen_async_header(const struct idl *idl, struct text *t)
{
	char guard[200];
	upper(guard, sizeof(guard), "IDL", idl->library, "ASYNC_H");
	emit_banner(idl, t, "asynchronous client stubs");
	text_printf(t, "#ifndef %s\n#define %s\n\n", guard, guard);
	text_printf(t, "#include \"%s.h\"\n#include <async/call.h>\n", idl->library);
	text_printf(t,
		    "\n/*\n * Per method: <method>_start(loop, call, ep, inputs, output buffers, "
		    "fn, ctx)\n"
		    " * checks the arguments (ERR_INVALID_ARGS: nothing started, handles still\n"
		    " * the caller's), keeps them in *call and starts the call on a helper\n"
		    " * thread of lib/async. It completes on the loop thread: call->ipc_call.done\n"
		    " * (a future) is resolved with the status (0, an error value > 0 or ERR_*),\n"
		    " * then fn(call, status, ctx) runs if fn is not NULL. Outputs are in\n"
		    " * call->out (variable ones in the buffers given, with their lengths in\n"
		    " * call->out) when the status is 0. The call, and the data of string,\n"
		    " * bytes and array inputs, must stay untouched until async_call_busy(\n"
		    " * &call->ipc_call) is false, even after a timeout.\n */\n");
	each_method(idl, t, gen_decls);
	text_printf(t, "\n#endif\n");
}

static void gen_method(const struct idl *idl, struct text *t, const char *fn,
		       const struct method *m)
{
	gen_adapters(idl, t, fn, m);
	gen_start(idl, t, fn, m);
}

void gen_async(const struct idl *idl, struct text *t)
{
	emit_banner(idl, t, "asynchronous client stubs");
	text_printf(t, "#include \"%s_async.h\"\n", idl->library);
	each_method(idl, t, gen_method);
}
