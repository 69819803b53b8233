/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The wall clock for the tests: runs bin/rtc (drv/rtc) the first time it is
 * asked, as init's rtc service does at boot, so that CLOCK_REALTIME reads
 * the date QEMU's real-time clock gives (the host's UTC time).
 */
#ifndef RTC_UP_H
#define RTC_UP_H

#include <vg/vg.h>

/* bin/rtc's exit code (0: it set the clock) or a negative error, the same
 * on every call; resource is duplicated for it (the root resource). */
long rtc_up(vg_handle_t resource);

#endif
