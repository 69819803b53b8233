// SPDX-License-Identifier: BSD-2-Clause
// The wall clock for the tests (rtc_up.h).
#include "../rtc_up.h"
#include "../vfs_up.h"

static long run_rtc(vg_handle_t resource)
{
	struct vg_startup_handle h = { VG_HTAG_RESOURCE, 0, VG_HANDLE_INVALID, 0 };
	long st = vfs_up();
	if (st ||
	    (st = vg_handle_duplicate(resource, VG_RIGHT_MANAGE | VG_RIGHT_TRANSFER, &h.handle)))
		return st;
	if ((st = vfs_up_start_device("rtc", &h, NULL)))
		return st;
	return vfs_up_wait_node("/dev/rtc0", true);
}

long rtc_up(vg_handle_t resource)
{
	static bool tried;
	static long code;
	if (!tried) {
		tried = true;
		code = run_rtc(resource);
	}
	return code;
}
