// SPDX-License-Identifier: BSD-2-Clause
// The bus as a program (bin/bus): its spawner gives it the endpoint to serve
// (all rights: the bus mints badged client handles from it) tagged
// VG_HTAG_SERVER_EP, and keeps a handle to it, the unbadged administrator's.
#include "bus.h"
#include <vg/vg.h>

int main(void)
{
	vg_handle_t ep = vg_startup_find(VG_HTAG_SERVER_EP, 0);
	if (ep == VG_HANDLE_INVALID) {
		vg_printf("bus: started without an endpoint to serve (VG_HTAG_SERVER_EP)\n");
		return (int)ERR_BAD_HANDLE;
	}
	static struct bus bus;
	static struct async_loop loop;
	long st = async_loop_init(&loop);
	if (!st)
		st = bus_run(&bus, &loop, ep);
	return (int)st;
}
