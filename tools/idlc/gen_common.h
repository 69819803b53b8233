/* SPDX-License-Identifier: BSD-2-Clause */
/* Pieces of C the header, client and server generators share. */
#ifndef IDLC_GEN_COMMON_H
#define IDLC_GEN_COMMON_H

#include "idlc.h"

enum role { CLIENT_IN, CLIENT_OUT, SERVER_IN, SERVER_OUT };

/* ", type name[, size_t name_len]" for each field, as role sees it. */
void emit_params(const struct idl *idl, struct text *t, const struct field *fs, int n,
		 enum role role);
/* The file's first lines: licence, origin. */
void emit_banner(const struct idl *idl, struct text *t, const char *what);
/* Statements that encode one scalar, bool, enum or struct value with enc
 * (an expression of type struct ipc_enc *). */
void emit_put_fixed(const struct idl *idl, struct text *t, const char *ind, const struct type *ty,
		    const char *enc, const char *value);
/* Statements that decode one fixed value into lvalue with dec. */
void emit_get_fixed(const struct idl *idl, struct text *t, const char *ind, const struct type *ty,
		    const char *dec, const char *lvalue);
/* "(ok)" check of a fixed value (enums, structs holding enums) or NULL. */
bool needs_check(const struct type *ty);
void emit_check_expr(const struct idl *idl, struct text *t, const struct type *ty,
		     const char *value);
/* Encodes a message's fields: values named by prefix ("" for the client's
 * parameters, "ipc_o_" for the server's outputs). Pre-checks first: a bad
 * value sets ipc_bad. */
void emit_precheck(const struct idl *idl, struct text *t, const struct field *fs, int n,
		   const char *prefix);
void emit_encode(const struct idl *idl, struct text *t, const struct field *fs, int n,
		 const char *prefix);
/* Decodes a message's fields into locals ipc_v_<name>[_len|_count]. */
void emit_decode(const struct idl *idl, struct text *t, const struct field *fs, int n);
/* "ipc_v_name, ipc_v_name_len" etc. as arguments. */
const char *len_suffix(const struct type *ty);
bool is_variable(const struct type *ty);

/*
 * Register messages: at most four words of integers, bools and enums and no
 * handle, so the whole message travels in the four register words. idlc
 * writes and reads those words directly, with the checks of the canonical
 * form spelt out, instead of going through lib/ipc's encoder and decoder.
 */
bool is_register_message(const struct field *fs, int n);
/* ipc_buf->words[i] = the value of field i (named prefix + name). */
void emit_reg_put(struct text *t, const char *ind, const struct field *fs, int n,
		  const char *prefix);
/* uint64_t ipc_w<i> = ipc_buf->words[i], then the check of each: on_bad
 * (a statement) when one is not canonical or not a declared enum value. */
void emit_reg_get(const struct idl *idl, struct text *t, const char *ind, const struct field *fs,
		  int n, const char *on_bad);
/* The C value of field i from its checked word ipc_w<i>. */
void emit_reg_value(const struct idl *idl, struct text *t, const struct field *f, int i);

#endif
