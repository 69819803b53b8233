/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The real-time clock chips of the three QEMU machines (drv/rtc): the x86
 * CMOS clock (MC146818), the ARM PL031 and the Goldfish RTC, found with
 * rtc_info, read for the time since the epoch and written. bin/rtc
 * (srv/rtc) reads one at boot to set the kernel's wall clock, and serves
 * it as /dev/rtc0.
 */
#ifndef DRV_RTC_H
#define DRV_RTC_H

#include <stdbool.h>
#include <stdint.h>
#include <vg/vg.h>

struct rtc {
	struct vg_rtc_info info;
	vg_handle_t window; /* the ioport object or the registers' vmo */
	volatile unsigned char *regs; /* mapped registers (PL031, Goldfish) */
};

/* Finds the chip (rtc_info) and takes its registers with resource: 0, or
 * the error of the step that failed (ERR_NOT_FOUND: the machine has none
 * the kernel knows of; ERR_NOT_SUPPORTED: a kind this driver lacks). */
long rtc_open(struct rtc *r, vg_handle_t resource);
/* The time the chip holds, ns since 1970-01-01 UTC: 0, or ERR_TIMED_OUT when it
 * never gives a consistent reading, ERR_BAD_FORMAT for one that is no date. */
long rtc_read(struct rtc *r, uint64_t *ns);
/* Sets the chip to ns since 1970-01-01 UTC (whole seconds but on the
 * Goldfish RTC): 0, or ERR_OUT_OF_RANGE for a time the chip cannot hold. */
long rtc_write(struct rtc *r, uint64_t ns);
/* The chip's name for messages ("CMOS", "PL031", "Goldfish"). */
const char *rtc_name(const struct rtc *r);

/* The chip readers and writers rtc_read and rtc_write dispatch to. */
long rtc_cmos_read(struct rtc *r, uint64_t *ns);
long rtc_pl031_read(struct rtc *r, uint64_t *ns);
long rtc_goldfish_read(struct rtc *r, uint64_t *ns);
long rtc_cmos_write(struct rtc *r, uint64_t ns);
long rtc_pl031_write(struct rtc *r, uint64_t ns);
long rtc_goldfish_write(struct rtc *r, uint64_t ns);

#endif
