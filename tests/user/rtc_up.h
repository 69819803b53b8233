/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The wall clock for the tests: starts the file system (vfs_up) and
 * bin/rtc (srv/rtc) the first time it is asked, as init does at boot: it
 * sets the wall clock from QEMU's real-time clock (the host's UTC time),
 * so that CLOCK_REALTIME reads the date, then serves /dev/rtc0.
 */
#ifndef RTC_UP_H
#define RTC_UP_H

#include <vg/vg.h>

/* 0 once /dev/rtc0 is there (bin/rtc sets the clock before it announces
 * the node), or a negative error, the same on every call; resource is
 * duplicated for it (the root resource). */
long rtc_up(vg_handle_t resource);

#endif
