// SPDX-License-Identifier: BSD-2-Clause
// The file descriptors a new program inherits, until the fd table (the
// VFS) provides __vg_fd_export: the ones this program was started with
// (VG_HTAG_FD), each duplicated so that the caller keeps its own. An fd
// whose handle cannot be duplicated is not passed on.
#include <vg/vg.h>

#include "../internal/proc.h"

size_t __vg_fd_export(struct vg_startup_handle *out, size_t max)
{
	const struct vg_startup *su = vg_startup();
	const struct vg_startup_handle *h = (const void *)(uintptr_t)su->handles;
	size_t n = 0;
	for (uint64_t i = 0; i < su->nhandles && n < max; i++) {
		struct vg_handle_info info;
		vg_handle_t dup;
		if (h[i].tag != VG_HTAG_FD || vg_handle_info(h[i].handle, &info) ||
		    vg_handle_duplicate(h[i].handle, info.rights, &dup))
			continue;
		out[n++] = (struct vg_startup_handle){ VG_HTAG_FD, h[i].arg, dup, 0 };
	}
	return n;
}
