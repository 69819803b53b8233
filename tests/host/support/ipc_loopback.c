// SPDX-License-Identifier: BSD-2-Clause
// The loopback fake behind <ipc_loopback.h>: the transport and runtime hooks
// of <ipc/transport.h> in one process.
#include <ipc/transport.h>
#include <ipc_loopback.h>
#include <stdlib.h>
#include <string.h>

struct object {
	bool used;
	uint32_t type, rights;
	unsigned char *data; /* VMO contents */
	size_t size;
	ipc_dispatch_fn dispatch; /* endpoint */
	void *server;
	uint64_t badge;
};

static struct object table[LOOPBACK_MAX_HANDLES];
static int mappings;
static loopback_tamper_fn tamper;
static _Thread_local struct vg_ipc_buffer client_buf;
static struct vg_ipc_buffer server_buf;

#define QUEUE_MAX 16
static struct {
	uint64_t tag, badge;
	struct vg_ipc_buffer buf;
} queue[QUEUE_MAX];
static int queued, delivered;
static uint64_t replies[QUEUE_MAX + 1];
static int nreplies;
static bool reply_owed;
static long reply_error; /* the next reply fails with it (0: it moves) */

static struct object *lookup(vg_handle_t h)
{
	if (h == 0 || h >= LOOPBACK_MAX_HANDLES || !table[h].used)
		return NULL;
	return &table[h];
}

vg_handle_t loopback_handle_new(uint32_t type, uint32_t rights, size_t size)
{
	for (vg_handle_t h = 1; h < LOOPBACK_MAX_HANDLES; h++) {
		if (table[h].used)
			continue;
		table[h] = (struct object){ .used = true, .type = type, .rights = rights };
		if (type == VG_OBJ_VMO) {
			table[h].data = calloc(1, size ? size : 1);
			if (!table[h].data)
				abort();
			table[h].size = size;
		}
		return h;
	}
	return VG_HANDLE_INVALID;
}

bool loopback_handle_alive(vg_handle_t h)
{
	return lookup(h) != NULL;
}

int loopback_handles_live(void)
{
	int n = 0;
	for (int h = 1; h < LOOPBACK_MAX_HANDLES; h++)
		n += table[h].used;
	return n;
}

int loopback_mappings_live(void)
{
	return mappings;
}

void loopback_reset(void)
{
	for (vg_handle_t h = 1; h < LOOPBACK_MAX_HANDLES; h++)
		if (table[h].used)
			ipc_rt_handle_close(h);
	mappings = 0;
	tamper = NULL;
	queued = delivered = nreplies = 0;
	reply_owed = false;
	reply_error = 0;
}

vg_handle_t loopback_endpoint(ipc_dispatch_fn dispatch, void *server, uint64_t badge)
{
	vg_handle_t h =
		loopback_handle_new(VG_OBJ_ENDPOINT, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, 0);
	table[h].dispatch = dispatch;
	table[h].server = server;
	table[h].badge = badge;
	return h;
}

void loopback_set_tamper(loopback_tamper_fn fn)
{
	tamper = fn;
}

long ipc_rt_handle_close(vg_handle_t h)
{
	struct object *o = lookup(h);
	if (!o)
		return ERR_BAD_HANDLE;
	free(o->data);
	*o = (struct object){ 0 };
	return 0;
}

long ipc_rt_payload_create(const void *data, size_t size, vg_handle_t *vmo)
{
	vg_handle_t h = loopback_handle_new(VG_OBJ_VMO,
					    VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_TRANSFER, size);
	if (!h)
		return ERR_NO_MEMORY;
	if (size)
		memcpy(table[h].data, data, size);
	*vmo = h;
	return 0;
}

long ipc_rt_payload_map(vg_handle_t vmo, size_t size, const void **data)
{
	struct object *o = lookup(vmo);
	if (!o || o->type != VG_OBJ_VMO)
		return ERR_BAD_HANDLE;
	if (size > o->size)
		return ERR_OUT_OF_RANGE;
	mappings++;
	*data = o->data;
	return 0;
}

void ipc_rt_payload_unmap(const void *data, size_t size)
{
	(void)data;
	(void)size;
	mappings--;
}

/* Moves a message from one buffer to another as the kernel would. Words
 * past the message in the destination are scribbled on, so that a reader
 * past the end shows up. */
static long move_message(uint64_t tag, const struct vg_ipc_buffer *from, struct vg_ipc_buffer *to)
{
	uint32_t nw = VG_IPC_TAG_WORDS(tag), nh = VG_IPC_TAG_HANDLES(tag);
	if ((tag & VG_IPC_TAG_RESERVED) || nw > VG_IPC_MAX_WORDS || nh > VG_IPC_MAX_HANDLES)
		return ERR_INVALID_ARGS;
	for (uint32_t i = 0; i < nh; i++) {
		struct object *o = lookup(from->handles[i]);
		if (!o)
			return ERR_BAD_HANDLE;
		if (!(o->rights & VG_RIGHT_TRANSFER))
			return ERR_ACCESS_DENIED;
		for (uint32_t j = 0; j < i; j++)
			if (from->handles[j] == from->handles[i])
				return ERR_INVALID_ARGS;
	}
	if (from != to) {
		memcpy(to->words, from->words, nw * sizeof(uint64_t));
		memset(&to->words[nw], 0xa5, (VG_IPC_MAX_WORDS - nw) * sizeof(uint64_t));
	}
	for (uint32_t i = 0; i < nh; i++) {
		struct object *o = lookup(from->handles[i]);
		to->handles[i] = from->handles[i];
		to->handle_info[i] = o->type << 16 | o->rights;
	}
	return 0;
}

long vg_ipc_call_msg(vg_handle_t ep, uint64_t tag, struct vg_ipc_buffer *buf, uint64_t *reply_tag)
{
	struct object *o = lookup(ep);
	if (!o)
		return ERR_BAD_HANDLE;
	if (o->type != VG_OBJ_ENDPOINT || !o->dispatch)
		return ERR_WRONG_TYPE;
	long r = move_message(tag, buf, &server_buf);
	if (r)
		return r;
	if (tamper)
		tamper(&tag, &server_buf);
	uint64_t rt = 0;
	o->dispatch(o->server, o->badge, tag, &server_buf, &rt);
	r = move_message(rt, &server_buf, buf);
	if (r)
		return r;
	*reply_tag = rt;
	return 0;
}

long vg_ipc_reply_recv_msg(vg_handle_t ep, uint64_t reply_tag, struct vg_ipc_buffer *buf,
			   uint64_t *recv_tag)
{
	(void)ep;
	if (reply_owed && reply_error) { /* as the kernel: still owed */
		long err = reply_error;
		reply_error = 0;
		return err;
	}
	if (reply_owed && nreplies <= QUEUE_MAX)
		replies[nreplies++] = reply_tag;
	reply_owed = false;
	if (delivered == queued)
		return ERR_PEER_CLOSED;
	long r = move_message(queue[delivered].tag, &queue[delivered].buf, buf);
	if (r)
		return r;
	*recv_tag = queue[delivered].tag;
	reply_owed = true;
	return (long)queue[delivered++].badge;
}

struct vg_ipc_buffer *vg_ipc_buffer(void)
{
	return &client_buf;
}

void loopback_queue(uint64_t tag, const struct vg_ipc_buffer *buf, uint64_t badge)
{
	if (queued >= QUEUE_MAX)
		abort();
	queue[queued].tag = tag;
	queue[queued].badge = badge;
	memcpy(&queue[queued].buf, buf, sizeof(*buf));
	queued++;
}

void loopback_fail_next_reply(long err)
{
	reply_error = err;
}

uint64_t loopback_reply(int i)
{
	return replies[i];
}

int loopback_nreplies(void)
{
	return nreplies;
}
