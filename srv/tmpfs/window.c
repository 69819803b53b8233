// SPDX-License-Identifier: BSD-2-Clause
// tmpfs's bulk data windows (window.h): a small table from handle badge to
// the window's address here. Few handles ever ask for one (only those
// moving more than a message's worth at once), so a linear search is
// enough.
#include "window.h"
#include <fs.h>
#include <stdlib.h>
#include <vg/vg.h>

struct window {
	uint64_t badge; /* 0: free */
	unsigned char *base;
};

static struct window *windows;
static size_t nwindows;

static struct window *find(uint64_t badge)
{
	for (size_t i = 0; i < nwindows; i++)
		if (windows[i].badge == badge)
			return &windows[i];
	return NULL;
}

unsigned char *tmpfs_window_of(uint64_t badge)
{
	struct window *w = find(badge);
	return w ? w->base : NULL;
}

void tmpfs_window_end(uint64_t badge)
{
	struct window *w = find(badge);
	if (!w)
		return;
	vg_vm_unmap(vg_self(), (uintptr_t)w->base, TMPFS_WINDOW);
	w->badge = 0;
	w->base = NULL;
}

long tmpfs_window_new(uint64_t badge, vg_handle_t *client)
{
	tmpfs_window_end(badge);
	struct window *w = find(0);
	if (!w) {
		size_t n = nwindows ? nwindows * 2 : 8;
		struct window *grown = realloc(windows, n * sizeof(*grown));
		if (!grown)
			return FS_FS_ERROR_NO_MEMORY;
		for (size_t i = nwindows; i < n; i++)
			grown[i] = (struct window){ 0, NULL };
		w = &grown[nwindows];
		windows = grown;
		nwindows = n;
	}
	vg_handle_t vmo;
	uintptr_t at = 0;
	if (vg_vmo_create(TMPFS_WINDOW, 0, &vmo))
		return FS_FS_ERROR_NO_MEMORY;
	long st = vg_vm_map(vg_self(), vmo, 0, TMPFS_WINDOW, VG_VM_READ | VG_VM_WRITE, &at);
	if (!st)
		st = vg_handle_duplicate(
			vmo, VG_RIGHT_READ | VG_RIGHT_WRITE | VG_RIGHT_MAP | VG_RIGHT_TRANSFER,
			client);
	/* The mapping keeps the VMO alive; the client's handle is its own. */
	vg_handle_close(vmo);
	if (st) {
		if (at)
			vg_vm_unmap(vg_self(), at, TMPFS_WINDOW);
		return FS_FS_ERROR_NO_MEMORY;
	}
	w->badge = badge;
	w->base = (unsigned char *)at;
	return 0;
}
