/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Message encoding and decoding for the code idlc generates (docs/IPC.md,
 * "Wire format"). Every value takes whole 64-bit words in a struct
 * vg_ipc_buffer; handles take slots of buf->handles[].
 *
 * Errors are sticky: the first failure is kept in enc.err or dec.err (a
 * negative ERR_*), later calls do nothing and getters return zero, so that
 * generated code checks once at the end.
 *
 * Canonical form: a receiver accepts exactly one encoding of every value.
 * Unused high bits of a word are zero (sign copies for signed integers), a
 * bool is 0 or 1, padding after bytes is zero, a string ends in exactly one
 * NUL at its length, and a message has no words or handles left over.
 */
#ifndef IPC_MSG_H
#define IPC_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <verdigris/types.h>

#define IPC_MAX_PAYLOADS VG_IPC_MAX_HANDLES

/* A payload mapped by a decoder, released by ipc_dec_release/ipc_dec_abort. */
struct ipc_payload {
	vg_handle_t vmo;
	const void *data;
	size_t size;
};

struct ipc_enc {
	struct vg_ipc_buffer *buf;
	uint32_t nwords, nhandles;
	uint32_t payload_slots; /* bit i: handles[i] is a VMO this encoder made */
	long err;
};

struct ipc_dec {
	struct vg_ipc_buffer *buf;
	uint32_t nwords, pos;
	uint32_t nhandles, hpos;
	uint32_t npayloads;
	struct ipc_payload payloads[IPC_MAX_PAYLOADS];
	long err;
};

/* ---- encoding ---- */
/* The helpers every fixed-size value goes through are inline: generated code
 * then checks a message's fixed part without a call per word, and the
 * sticky error folds away where nothing can fail. */
static inline void ipc_enc_init(struct ipc_enc *e, struct vg_ipc_buffer *buf)
{
	e->buf = buf;
	e->nwords = 0;
	e->nhandles = 0;
	e->payload_slots = 0;
	e->err = 0;
}
static inline void ipc_enc_fail(struct ipc_enc *e, long err)
{
	if (!e->err)
		e->err = err;
}
static inline void ipc_put_word(struct ipc_enc *e, uint64_t w)
{
	if (e->err)
		return;
	if (e->nwords >= VG_IPC_MAX_WORDS) {
		ipc_enc_fail(e, ERR_OUT_OF_RANGE);
		return;
	}
	e->buf->words[e->nwords++] = w;
}
/* A count word, then the bytes padded with zeros to whole words; a string
 * also gets its NUL (len counts the characters only). */
void ipc_put_bytes(struct ipc_enc *e, uint64_t count, const void *data, size_t size);
void ipc_put_string(struct ipc_enc *e, const char *s, size_t len);
void ipc_put_handle(struct ipc_enc *e, vg_handle_t h);
/* A count word and a fresh VMO holding size bytes of data. */
void ipc_put_payload(struct ipc_enc *e, uint64_t count, const void *data, size_t size);
/* The tag for the message so far; on error closes the VMOs this encoder
 * made (never the caller's handles) and returns 0 with e->err set. */
uint64_t ipc_enc_tag(struct ipc_enc *e, uint32_t label);

/* ---- decoding ---- */
static inline void ipc_dec_fail(struct ipc_dec *d, long err)
{
	if (!d->err)
		d->err = err;
}
/* Starts decoding a message: fails when the tag has reserved bits set or
 * counts beyond the buffer. */
static inline void ipc_dec_init(struct ipc_dec *d, uint64_t tag, struct vg_ipc_buffer *buf)
{
	d->buf = buf;
	d->pos = 0;
	d->hpos = 0;
	d->npayloads = 0;
	d->err = 0;
	d->nwords = VG_IPC_TAG_WORDS(tag);
	d->nhandles = VG_IPC_TAG_HANDLES(tag);
	if (d->nhandles > VG_IPC_MAX_HANDLES) {
		d->nhandles = VG_IPC_MAX_HANDLES; /* what abort may close */
		ipc_dec_fail(d, ERR_BAD_FORMAT);
	}
	if ((tag & VG_IPC_TAG_RESERVED) || d->nwords > VG_IPC_MAX_WORDS) {
		d->nwords = 0;
		ipc_dec_fail(d, ERR_BAD_FORMAT);
	}
}
static inline uint64_t ipc_get_word(struct ipc_dec *d)
{
	if (d->err)
		return 0;
	if (d->pos >= d->nwords) {
		ipc_dec_fail(d, ERR_BAD_FORMAT);
		return 0;
	}
	return d->buf->words[d->pos++];
}
/* An unsigned value of bits bits (8..64), or a signed one sign-extended. */
static inline uint64_t ipc_get_uint(struct ipc_dec *d, unsigned bits)
{
	uint64_t w = ipc_get_word(d);
	if (bits < 64 && (w >> bits)) {
		ipc_dec_fail(d, ERR_OUT_OF_RANGE);
		return 0;
	}
	return w;
}
static inline int64_t ipc_get_int(struct ipc_dec *d, unsigned bits)
{
	uint64_t w = ipc_get_word(d);
	if (bits < 64) {
		/* The bits above bits-1 must all copy the sign bit. */
		uint64_t high = w >> (bits - 1);
		if (high != 0 && high != (~0ull >> (bits - 1))) {
			ipc_dec_fail(d, ERR_OUT_OF_RANGE);
			return 0;
		}
	}
	return (int64_t)w;
}
static inline bool ipc_get_bool(struct ipc_dec *d)
{
	uint64_t w = ipc_get_word(d);
	if (w > 1) {
		ipc_dec_fail(d, ERR_OUT_OF_RANGE);
		return false;
	}
	return w == 1;
}
/* count elements of elem_size bytes inline, at most max; returns where
 * they are in the buffer (aligned to 8) and the count in *count. */
const void *ipc_get_bytes(struct ipc_dec *d, uint64_t max, size_t elem_size, size_t *count);
/* A string of at most max characters: NUL-terminated in the buffer. */
const char *ipc_get_string(struct ipc_dec *d, uint64_t max, size_t *len);
/* The next handle: of object type type (any type for VG_OBJ_NONE, from
 * the IDL's handle<any>) with at least rights. */
vg_handle_t ipc_get_handle(struct ipc_dec *d, uint32_t type, uint32_t rights);
/* A payload carried in a VMO, mapped; is_string also checks termination. */
const void *ipc_get_payload(struct ipc_dec *d, uint64_t max, size_t elem_size, bool is_string,
			    size_t *count);
/* Fails unless every word and handle was consumed. */
static inline void ipc_dec_finish(struct ipc_dec *d)
{
	if (!d->err && (d->pos != d->nwords || d->hpos != d->nhandles))
		ipc_dec_fail(d, ERR_BAD_FORMAT);
}
/* After a failure: unmaps the payloads, closes every handle of the message
 * and returns d->err. */
long ipc_dec_abort(struct ipc_dec *d);
/* After success: unmaps the payloads and closes their VMOs; the other
 * handles now belong to whoever received them. */
void ipc_dec_release(struct ipc_dec *d);

/* ---- replies and dispatch ---- */
/* A reply carrying only a status (0, an error enum value > 0, or ERR_*). */
static inline uint64_t ipc_status_tag(long status)
{
	return VG_IPC_TAG((uint32_t)(int32_t)status, 0, 0);
}
/* Starts decoding a reply: returns its status. A status other than 0 with
 * words or handles is ERR_BAD_FORMAT (its handles closed). */
long ipc_dec_reply(struct ipc_dec *d, uint64_t tag, struct vg_ipc_buffer *buf);
/* Rejects a whole message (unknown label): closes its handles. */
uint64_t ipc_reject(uint64_t tag, struct vg_ipc_buffer *buf, long status);
/* The same for a dispatcher: the status reply in *reply_tag, and 0 (a reply
 * is due), so that refusing is a tail call that needs no frame. */
int ipc_refuse(uint64_t tag, struct vg_ipc_buffer *buf, long status, uint64_t *reply_tag);

size_t ipc_strnlen(const char *s, size_t max);
/* Whether [p, p+size) overlaps buf (a server's outputs may not). */
bool ipc_in_buffer(const struct vg_ipc_buffer *buf, const void *p, size_t size);

/* A generated dispatcher: decodes, calls the implementation and leaves the
 * reply in buf and *reply_tag. Returns 0 (a reply is due). */
typedef int (*ipc_dispatch_fn)(void *server, uint64_t badge, uint64_t tag,
			       struct vg_ipc_buffer *buf, uint64_t *reply_tag);

/* Serves ep with dispatch until the transport fails; returns that error. */
long ipc_serve(vg_handle_t ep, ipc_dispatch_fn dispatch, void *server);

/* Sends a one-way event message. Until the kernel has a one-way send it is
 * a call whose empty acknowledgment is dropped. */
long ipc_send_event(vg_handle_t ep, uint64_t tag, struct vg_ipc_buffer *buf);
/* The acknowledgment of an event (tag, buf): whatever it carries is dropped
 * (its handles closed). 0: the receiver had it. */
long ipc_event_ack(uint64_t ack, struct vg_ipc_buffer *buf);

#endif
