// SPDX-License-Identifier: BSD-2-Clause
// Message encoding and decoding with bounds checks (see <ipc/msg.h>).
// Freestanding: only the compiler's memcpy/memset, which libvg provides.
#include <ipc/msg.h>
#include <ipc/transport.h>

#define WORD 8u

static uint64_t words_for(uint64_t bytes)
{
	return (bytes + WORD - 1) / WORD;
}

size_t ipc_strnlen(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

/* ---- encoding ---- */

static void put_data(struct ipc_enc *e, const void *data, size_t size)
{
	uint64_t n = words_for(size);
	if (e->err)
		return;
	if (n > VG_IPC_MAX_WORDS - e->nwords) {
		ipc_enc_fail(e, ERR_OUT_OF_RANGE);
		return;
	}
	if (n) {
		e->buf->words[e->nwords + n - 1] = 0; /* the padding */
		if (size)
			__builtin_memmove(&e->buf->words[e->nwords], data, size);
	}
	e->nwords += (uint32_t)n;
}

void ipc_put_bytes(struct ipc_enc *e, uint64_t count, const void *data, size_t size)
{
	ipc_put_word(e, count);
	put_data(e, data, size);
}

void ipc_put_string(struct ipc_enc *e, const char *s, size_t len)
{
	ipc_put_word(e, len);
	if (e->err)
		return;
	uint64_t n = words_for((uint64_t)len + 1);
	if (n > VG_IPC_MAX_WORDS - e->nwords) {
		ipc_enc_fail(e, ERR_OUT_OF_RANGE);
		return;
	}
	e->buf->words[e->nwords + n - 1] = 0; /* padding and the NUL */
	if (len)
		__builtin_memmove(&e->buf->words[e->nwords], s, len);
	e->nwords += (uint32_t)n;
}

void ipc_put_handle(struct ipc_enc *e, vg_handle_t h)
{
	if (e->err)
		return;
	if (e->nhandles >= VG_IPC_MAX_HANDLES) {
		ipc_enc_fail(e, ERR_OUT_OF_RANGE);
		return;
	}
	e->buf->handles[e->nhandles++] = h;
}

void ipc_put_payload(struct ipc_enc *e, uint64_t count, const void *data, size_t size)
{
	ipc_put_word(e, count);
	if (e->err)
		return;
	if (e->nhandles >= VG_IPC_MAX_HANDLES) {
		ipc_enc_fail(e, ERR_OUT_OF_RANGE);
		return;
	}
	vg_handle_t vmo;
	long r = ipc_rt_payload_create(data, size, &vmo);
	if (r < 0) {
		ipc_enc_fail(e, r);
		return;
	}
	e->payload_slots |= 1u << e->nhandles;
	e->buf->handles[e->nhandles++] = vmo;
}

uint64_t ipc_enc_tag(struct ipc_enc *e, uint32_t label)
{
	if (e->err) {
		for (uint32_t i = 0; i < e->nhandles; i++)
			if (e->payload_slots & (1u << i))
				ipc_rt_handle_close(e->buf->handles[i]);
		e->payload_slots = 0;
		return 0;
	}
	return VG_IPC_TAG(label, e->nwords, e->nhandles);
}

/* ---- decoding ---- */

/* Checks that the n words from pos hold size bytes followed by zero
 * padding, and consumes them. */
static const void *get_data(struct ipc_dec *d, uint64_t size)
{
	uint64_t n = words_for(size);
	if (d->err)
		return 0;
	if (n > d->nwords - d->pos) {
		ipc_dec_fail(d, ERR_BAD_FORMAT);
		return 0;
	}
	const unsigned char *p = (const unsigned char *)&d->buf->words[d->pos];
	for (uint64_t i = size; i < n * WORD; i++) {
		if (p[i]) {
			ipc_dec_fail(d, ERR_BAD_FORMAT);
			return 0;
		}
	}
	d->pos += (uint32_t)n;
	return p;
}

const void *ipc_get_bytes(struct ipc_dec *d, uint64_t max, size_t elem_size, size_t *count)
{
	uint64_t c = ipc_get_word(d);
	*count = 0;
	if (d->err)
		return 0;
	if (c > max) {
		ipc_dec_fail(d, ERR_OUT_OF_RANGE);
		return 0;
	}
	const void *p = get_data(d, c * elem_size);
	if (p)
		*count = (size_t)c;
	return p;
}

static bool string_ok(const char *s, uint64_t len)
{
	for (uint64_t i = 0; i < len; i++)
		if (!s[i])
			return false;
	return true;
}

const char *ipc_get_string(struct ipc_dec *d, uint64_t max, size_t *len)
{
	uint64_t n = ipc_get_word(d);
	*len = 0;
	if (d->err)
		return 0;
	if (n > max) {
		ipc_dec_fail(d, ERR_OUT_OF_RANGE);
		return 0;
	}
	/* n characters, the NUL, then zero padding. */
	const char *s = get_data(d, n + 1);
	if (!s)
		return 0;
	if (s[n] || !string_ok(s, n)) {
		ipc_dec_fail(d, ERR_BAD_FORMAT);
		return 0;
	}
	*len = (size_t)n;
	return s;
}

vg_handle_t ipc_get_handle(struct ipc_dec *d, uint32_t type, uint32_t rights)
{
	if (d->err)
		return VG_HANDLE_INVALID;
	if (d->hpos >= d->nhandles) {
		ipc_dec_fail(d, ERR_BAD_FORMAT);
		return VG_HANDLE_INVALID;
	}
	uint32_t info = d->buf->handle_info[d->hpos];
	if (type != VG_OBJ_NONE && VG_IPC_HANDLE_TYPE(info) != type) {
		ipc_dec_fail(d, ERR_WRONG_TYPE);
		return VG_HANDLE_INVALID;
	}
	if ((VG_IPC_HANDLE_RIGHTS(info) & rights) != rights) {
		ipc_dec_fail(d, ERR_ACCESS_DENIED);
		return VG_HANDLE_INVALID;
	}
	return d->buf->handles[d->hpos++];
}

const void *ipc_get_payload(struct ipc_dec *d, uint64_t max, size_t elem_size, bool is_string,
			    size_t *count)
{
	uint64_t c = ipc_get_word(d);
	*count = 0;
	if (!d->err && c > max)
		ipc_dec_fail(d, ERR_OUT_OF_RANGE);
	vg_handle_t vmo = ipc_get_handle(d, VG_OBJ_VMO, VG_RIGHT_READ | VG_RIGHT_MAP);
	if (d->err)
		return 0;
	size_t size = (size_t)(c * elem_size) + (is_string ? 1 : 0);
	const void *data = 0;
	long r = ipc_rt_payload_map(vmo, size, &data);
	if (r < 0) {
		ipc_dec_fail(d, ERR_BAD_FORMAT);
		return 0;
	}
	struct ipc_payload *p = &d->payloads[d->npayloads++];
	p->vmo = vmo;
	p->data = data;
	p->size = size;
	if (is_string) {
		/* The sender may still write its VMO: a receiver that keeps a
		 * string past this check copies it (docs/IPC.md). */
		const char *s = data;
		if (s[c] || !string_ok(s, c)) {
			ipc_dec_fail(d, ERR_BAD_FORMAT);
			return 0;
		}
	}
	*count = (size_t)c;
	return data;
}

static void unmap_payloads(struct ipc_dec *d)
{
	for (uint32_t i = 0; i < d->npayloads; i++)
		ipc_rt_payload_unmap(d->payloads[i].data, d->payloads[i].size);
}

long ipc_dec_abort(struct ipc_dec *d)
{
	unmap_payloads(d);
	d->npayloads = 0;
	for (uint32_t i = 0; i < d->nhandles; i++)
		ipc_rt_handle_close(d->buf->handles[i]);
	d->nhandles = 0;
	return d->err ? d->err : ERR_BAD_FORMAT;
}

void ipc_dec_release(struct ipc_dec *d)
{
	unmap_payloads(d);
	for (uint32_t i = 0; i < d->npayloads; i++)
		ipc_rt_handle_close(d->payloads[i].vmo);
	d->npayloads = 0;
}

long ipc_dec_reply(struct ipc_dec *d, uint64_t tag, struct vg_ipc_buffer *buf)
{
	ipc_dec_init(d, tag, buf);
	long status = (int32_t)VG_IPC_TAG_LABEL(tag);
	if (d->err)
		return ipc_dec_abort(d);
	if (status && (d->nwords || d->nhandles)) {
		ipc_dec_fail(d, ERR_BAD_FORMAT);
		return ipc_dec_abort(d);
	}
	return status;
}

uint64_t ipc_reject(uint64_t tag, struct vg_ipc_buffer *buf, long status)
{
	struct ipc_dec d;
	ipc_dec_init(&d, tag, buf);
	ipc_dec_abort(&d);
	return ipc_status_tag(status);
}

int ipc_refuse(uint64_t tag, struct vg_ipc_buffer *buf, long status, uint64_t *reply_tag)
{
	*reply_tag = ipc_reject(tag, buf, status);
	return 0;
}

bool ipc_in_buffer(const struct vg_ipc_buffer *buf, const void *p, size_t size)
{
	uintptr_t a = (uintptr_t)p, lo = (uintptr_t)buf, hi = lo + sizeof(*buf);
	return size && a < hi && a + size > lo;
}
