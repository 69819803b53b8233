// SPDX-License-Identifier: BSD-2-Clause
// The wall clock for the tests (rtc_up.h).
#include "../rtc_up.h"

#define SECOND 1000000000ull

static long run_rtc(vg_handle_t resource)
{
	const void *image;
	size_t len;
	vg_handle_t res, process, port;
	struct vg_port_packet pkt;
	long st = vg_initrd_find("bin/rtc", &image, &len);
	if (st || (st = vg_handle_duplicate(resource, VG_RIGHT_MANAGE | VG_RIGHT_TRANSFER, &res)))
		return st;
	const char *const argv[] = { "rtc", NULL };
	struct vg_startup_handle h[] = { { VG_HTAG_RESOURCE, 0, res, 0 } };
	struct vg_spawn_req req = { image, len, argv, NULL, h, 1 };
	const char *why = NULL;
	if ((st = vg_spawn(&req, &process, &why))) {
		vg_printf("rtc_up: bin/rtc: %s\n", why ? why : "?");
		return st;
	}
	if (!(st = vg_port_create(&port))) {
		if (!(st = vg_port_bind(port, process, 1)) &&
		    !(st = vg_port_wait(port, (uint64_t)vg_clock_monotonic() + 5 * SECOND, &pkt)))
			st = (long)pkt.data[0];
		vg_handle_close(port);
	}
	vg_handle_close(process);
	return st;
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
