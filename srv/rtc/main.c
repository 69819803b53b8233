// SPDX-License-Identifier: BSD-2-Clause
// bin/rtc: the real-time clock's server (drv/rtc, docs/ARCHITECTURE.md
// section 7). Started with VG_HTAG_RESOURCE, the root resource: it covers
// the chip and lets it set the clock (clock_set_realtime wants that one).
// At start it reads the chip and sets the kernel's wall clock from it (a
// machine without a chip, or one that gives no date, keeps the epoch plus
// the time since boot, with a line in the log saying why). Then it stays,
// serving /dev/rtc0 (major 254, minor 0; clock.c): through it a process
// without the root resource sets the clock when the VFS let it open the
// node for writing, which is how setting the clock goes by the user (root)
// and not only by the kernel's resource.
#include "../../drv/rtc/calendar.h"
#include "clock.h"

static struct rtc chip;

/* The chip's time set as the wall clock: 0, or why not (logged). */
static long set_from_chip(vg_handle_t resource, bool have_chip)
{
	uint64_t ns;
	long st;
	if (!have_chip)
		return ERR_NOT_FOUND;
	if ((st = rtc_read(&chip, &ns))) {
		vg_printf("rtc: %s gives no date (%ld): the wall clock is not set\n",
			  rtc_name(&chip), st);
		return st;
	}
	if ((st = vg_clock_set_realtime(resource, ns))) {
		vg_printf("rtc: the wall clock cannot be set (%ld)\n", st);
		return st;
	}
	struct rtc_date d;
	rtc_date_of_seconds(ns / 1000000000u, &d);
	vg_printf("rtc: wall clock set from %s: %04d-%02d-%02d %02d:%02d:%02d UTC\n",
		  rtc_name(&chip), d.year, d.month, d.day, d.hour, d.minute, d.second);
	return 0;
}

int main(void)
{
	vg_handle_t resource = vg_startup_find(VG_HTAG_RESOURCE, 0);
	long st = rtc_open(&chip, resource);
	if (st)
		vg_printf("rtc: no real-time clock to read (%ld): the wall clock stays at the "
			  "epoch plus the time since boot\n",
			  st);
	set_from_chip(resource, !st);
	return rtc_clock_serve(resource, st ? NULL : &chip);
}
