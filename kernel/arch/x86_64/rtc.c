// SPDX-License-Identifier: BSD-2-Clause
// The real-time clock of a PC (rtc_info): the MC146818-compatible CMOS
// clock, always at index port 0x70 and data port 0x71.
#include <kernel/hal.h>
#include <verdigris/types.h>

#define CMOS_PORT 0x70

bool arch_rtc_describe(struct vg_rtc_info *out)
{
	*out = (struct vg_rtc_info){ .kind = VG_RTC_CMOS, .base = CMOS_PORT, .size = 2 };
	return true;
}
