// SPDX-License-Identifier: BSD-2-Clause
// Servers for the tests (the bus, the kitchen service) started as programs
// of their own from the boot archive.
#include "../utest.h"

long spawn_server(const char *path, vg_handle_t serve, vg_handle_t *child_out)
{
	const void *image;
	size_t len;
	long st = vg_initrd_find(path, &image, &len);
	if (st) {
		vg_handle_close(serve);
		return st;
	}
	/* Its output to the log, as init gives a service's. */
	struct vg_startup_handle h[3] = { { .tag = VG_HTAG_SERVER_EP, .handle = serve } };
	if ((st = vg_spawn_log_fds(h + 1))) {
		vg_handle_close(serve);
		return st;
	}
	const char *const argv[] = { path, NULL };
	const char *why = NULL;
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = h, .nhandles = 3
	};
	st = vg_spawn(&req, child_out, &why);
	if (st && why)
		vg_printf("spawn_server: %s: %s\n", path, why);
	return st;
}
