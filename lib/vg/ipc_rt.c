// SPDX-License-Identifier: BSD-2-Clause
// What lib/ipc's <ipc/transport.h> needs beyond the three transport calls:
// closing handles, and the VMOs that carry large payloads.
#include <ipc/transport.h>
#include <vg/vg.h>

#define PAGE 4096u

static size_t page_round(size_t size)
{
	return (size + PAGE - 1) & ~(size_t)(PAGE - 1);
}

long ipc_rt_handle_close(vg_handle_t h)
{
	return vg_handle_close(h);
}

/* A fresh VMO (at least one page: the kernel has no empty ones) holding a
 * copy of the data; the handle moved carries read, map and transfer only,
 * so the receiver cannot write into it. */
long ipc_rt_payload_create(const void *data, size_t size, vg_handle_t *vmo)
{
	vg_handle_t full, ro;
	long st = vg_vmo_create(size ? size : 1, 0, &full);
	if (st)
		return st;
	if (size)
		st = vg_vmo_write(full, 0, data, size);
	if (!st)
		st = vg_handle_duplicate(full, VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_TRANSFER,
					 &ro);
	vg_handle_close(full);
	if (st)
		return st;
	*vmo = ro;
	return 0;
}

/* An empty payload maps nothing: its data pointer is this byte. */
static const unsigned char empty_payload;

/* Read-only, whole pages; a VMO shorter than size fails the map. */
long ipc_rt_payload_map(vg_handle_t vmo, size_t size, const void **data)
{
	if (size == 0) {
		*data = &empty_payload;
		return 0;
	}
	uintptr_t at = 0;
	long st = vg_vm_map(vg_self(), vmo, 0, page_round(size), VG_VM_READ, &at);
	if (st)
		return st;
	*data = (const void *)at;
	return 0;
}

void ipc_rt_payload_unmap(const void *data, size_t size)
{
	if (size)
		vg_vm_unmap(vg_self(), (uintptr_t)data, page_round(size));
}
