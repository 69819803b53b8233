/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * /dev/rtc0 (srv/rtc/clock.c): the real-time clock as a device. Any open
 * reads the chip (file.rtc_read, RTC_RD_TIME); an open for writing, which
 * the VFS grants by the node's owner and mode (root's, 0644), may set the
 * chip (file.rtc_write, RTC_SET_TIME) and the system's wall clock
 * (file.clock_set, what clock_settime falls back to).
 */
#ifndef SRV_RTC_CLOCK_H
#define SRV_RTC_CLOCK_H

#include "../../drv/rtc/rtc.h"

/* The device's major (Linux gives the RTC a dynamic one; 254 is common). */
#define RTC_MAJOR 254u

/* Serves /dev/rtc0 with resource (the root resource, for
 * clock_set_realtime) and chip (NULL: none, and the chip's calls answer
 * no_device). Returns only on failure, said in the log. */
int rtc_clock_serve(vg_handle_t resource, struct rtc *chip);

#endif
