// SPDX-License-Identifier: BSD-2-Clause
// bin/rtc: sets the kernel's wall clock from the machine's real-time clock
// (drv/rtc), once, at boot (docs/ARCHITECTURE.md section 7). Started with
// VG_HTAG_RESOURCE, a resource covering the chip that also lets it set the
// clock (the root resource: clock_set_realtime wants that one). It reads
// the chip, sets the clock, logs the date and exits 0; without a chip, or
// with one that gives no date, it logs why and exits 1, and the wall clock
// stays where it was (the epoch plus the time since boot).
#include "../../drv/rtc/calendar.h"
#include "../../drv/rtc/rtc.h"

int main(void)
{
	vg_handle_t resource = vg_startup_find(VG_HTAG_RESOURCE, 0);
	struct rtc r;
	long st = rtc_open(&r, resource);
	if (st) {
		vg_printf("rtc: no real-time clock to read (%ld): the wall clock stays at the "
			  "epoch plus the time since boot\n",
			  st);
		return 1;
	}
	uint64_t ns;
	if ((st = rtc_read(&r, &ns))) {
		vg_printf("rtc: %s gives no date (%ld): the wall clock is not set\n", rtc_name(&r),
			  st);
		return 1;
	}
	if ((st = vg_clock_set_realtime(resource, ns))) {
		vg_printf("rtc: the wall clock cannot be set (%ld)\n", st);
		return 1;
	}
	struct rtc_date d;
	rtc_date_of_seconds(ns / 1000000000u, &d);
	vg_printf("rtc: wall clock set from %s: %04d-%02d-%02d %02d:%02d:%02d UTC\n", rtc_name(&r),
		  d.year, d.month, d.day, d.hour, d.minute, d.second);
	return 0;
}
