// SPDX-License-Identifier: BSD-2-Clause
// bin/vfs: the VFS server. Its spawner gives it the endpoint to serve
// (VG_HTAG_USER + 0); the first `mount` puts a filesystem on /.
#include "vfs.h"
#include <vg/vg.h>

int main(void)
{
	static struct vfs v;
	vg_handle_t ep = vg_startup_find(VG_HTAG_USER, 0);
	if (ep == VG_HANDLE_INVALID) {
		vg_printf("vfs: started without an endpoint to serve\n");
		return 1;
	}
	return (int)vfs_serve(&v, ep);
}
