// SPDX-License-Identifier: BSD-2-Clause
// The kitchen test service as a program (bin/kitchen): the in-OS tests start
// it with vg_spawn and the endpoint it is to serve tagged VG_HTAG_SERVER_EP.
#include "kitchen_svc.h"
#include <vg/vg.h>

int main(void)
{
	vg_handle_t ep = vg_startup_find(VG_HTAG_SERVER_EP, 0);
	if (ep == VG_HANDLE_INVALID) {
		vg_printf("kitchen: started without an endpoint to serve (VG_HTAG_SERVER_EP)\n");
		return (int)ERR_BAD_HANDLE;
	}
	return (int)kitchen_svc_serve(ep);
}
