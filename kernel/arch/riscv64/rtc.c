// SPDX-License-Identifier: BSD-2-Clause
// The real-time clock (rtc_info): whichever the device tree names.
#include <kernel/hal.h>
#include <kernel/realtime.h>

bool arch_rtc_describe(struct vg_rtc_info *out)
{
	return fdt_rtc_describe(out);
}
