// SPDX-License-Identifier: BSD-2-Clause
// Open files and their handles (opens.h).
#include "opens.h"
#include <fs.h>
#include <ipc/msg.h>
#include <stdlib.h>
#include <string.h>
#include <vg/vg.h>

#define FILE_RIGHTS (VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE)

/* A free handle slot (the table grows); -1 when there is no memory. */
static long free_slot(struct fs_opens *o)
{
	for (uint32_t i = 0; i < o->count; i++)
		if (!o->handles[i].open)
			return i;
	uint32_t count = o->count ? o->count * 2 : 16;
	if (count > UINT32_MAX / 2)
		return -1;
	struct fs_open_handle *grown = realloc(o->handles, count * sizeof(*grown));
	if (!grown)
		return -1;
	memset(grown + o->count, 0, (count - o->count) * sizeof(*grown));
	o->handles = grown;
	long i = o->count;
	o->count = count;
	return i;
}

static long mint(struct fs_opens *o, struct fs_open *f, vg_handle_t *h)
{
	long i = free_slot(o);
	if (i < 0)
		return FS_FS_ERROR_NO_MEMORY;
	struct fs_open_handle *s = &o->handles[i];
	uint32_t gen = s->generation + 1;
	long st = vg_endpoint_mint(o->ep, FILE_RIGHTS, (uint64_t)gen << 32 | (uint64_t)(i + 1), h);
	if (st)
		return st;
	s->generation = gen;
	s->open = f;
	f->refs++;
	return 0;
}

long fs_opens_new(struct fs_opens *o, uint64_t ino, uint32_t flags, vg_handle_t *h)
{
	struct fs_open *f = calloc(1, sizeof(*f));
	if (!f)
		return FS_FS_ERROR_NO_MEMORY;
	f->ino = ino;
	f->flags = flags;
	long st = mint(o, f, h);
	if (st)
		free(f);
	return st;
}

static struct fs_open_handle *slot_of(struct fs_opens *o, uint64_t badge)
{
	uint64_t i = (badge & 0xffffffffu) - 1;
	if (i >= o->count || !o->handles[i].open || o->handles[i].generation != badge >> 32)
		return NULL;
	return &o->handles[i];
}

struct fs_open *fs_opens_get(struct fs_opens *o, uint64_t badge)
{
	struct fs_open_handle *s = slot_of(o, badge);
	return s ? s->open : NULL;
}

long fs_opens_clone(struct fs_opens *o, uint64_t badge, vg_handle_t *h)
{
	struct fs_open_handle *s = slot_of(o, badge);
	return s ? mint(o, s->open, h) : FS_FS_ERROR_BAD_FILE;
}

long fs_opens_close(struct fs_opens *o, uint64_t badge, struct fs_open **last)
{
	struct fs_open_handle *s = slot_of(o, badge);
	*last = NULL;
	if (!s)
		return FS_FS_ERROR_BAD_FILE;
	struct fs_open *f = s->open;
	s->open = NULL;
	if (--f->refs == 0)
		*last = f;
	return 0;
}

uint32_t fs_opens_count(const struct fs_opens *o)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < o->count; i++)
		n += o->handles[i].open != NULL;
	return n;
}

int fs_opens_badge_closed(struct fs_file_server *server, uint64_t badge, uint64_t *reply_tag)
{
	if (server->ops->close)
		server->ops->close(server->ctx, badge);
	*reply_tag = ipc_status_tag(0);
	return 0;
}
