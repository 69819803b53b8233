// SPDX-License-Identifier: BSD-2-Clause
// The root task starts the process server (proc_server.h).
#include "../proc_server.h"

static vg_handle_t server_ep, server_process;
void __libc_proc_set_endpoint(vg_handle_t ep);

vg_handle_t proc_server(void)
{
	if (server_ep)
		return server_ep;
	const void *image;
	size_t len;
	vg_handle_t ep, mine, process;
	if (vg_initrd_find("bin/proc", &image, &len) || vg_endpoint_create(&ep))
		return 0;
	/* Duplicable: the console (t_tty.c) signals groups as pid 1. */
	if (vg_handle_duplicate(ep, VG_RIGHT_SIGNAL | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER,
				&mine)) {
		vg_handle_close(ep);
		return 0;
	}
	/* The root resource, as init grants it (setpriority below 0). */
	vg_handle_t root;
	if (vg_handle_duplicate(vg_startup()->resource, VG_RIGHT_MANAGE | VG_RIGHT_TRANSFER,
				&root)) {
		vg_handle_close(mine);
		vg_handle_close(ep);
		return 0;
	}
	static const char *const argv[] = { "proc", NULL };
	/* Its output to the log, as init gives a service's. */
	struct vg_startup_handle h[4] = { { VG_HTAG_PROC, 0, ep, 0 },
					  { VG_HTAG_RESOURCE, 0, root, 0 } };
	if (vg_spawn_log_fds(h + 2)) {
		vg_handle_close(root);
		vg_handle_close(mine);
		vg_handle_close(ep);
		return 0;
	}
	struct vg_spawn_req req = { image, len, argv, NULL, h, 4, NULL };
	if (vg_spawn(&req, &process, NULL)) {
		vg_handle_close(mine);
		return 0;
	}
	server_process = process;
	__libc_proc_set_endpoint(mine);
	return server_ep = mine;
}

vg_handle_t proc_server_process(void)
{
	return server_process;
}
