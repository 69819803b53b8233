// SPDX-License-Identifier: BSD-2-Clause
// The process server (bin/proc). Its spawner (the root task, pid 1) gives
// it the endpoint to serve under VG_HTAG_PROC, with every right: the
// server receives on it and mints each child's badged handle from it. It
// serves until that endpoint's last other handle is gone.
#include "procsrv.h"
#include <vg/vg.h>

int main(void)
{
	vg_handle_t ep = vg_startup_find(VG_HTAG_PROC, 0);
	if (ep == VG_HANDLE_INVALID) {
		vg_printf("proc: no endpoint to serve (VG_HTAG_PROC)\n");
		return (int)ERR_INVALID_ARGS;
	}
	/* The root resource, if pid 1 granted it: the kernel wants it for a
	 * nice below 0 (setpriority). */
	procsrv.resource = vg_startup_find(VG_HTAG_RESOURCE, 0);
	static struct async_loop loop;
	long st = async_loop_init(&loop);
	if (!st)
		st = proc_run(&loop, ep);
	if (st != ERR_PEER_CLOSED)
		vg_printf("proc: stopped: %ld\n", st);
	return st == ERR_PEER_CLOSED ? 0 : (int)st;
}
