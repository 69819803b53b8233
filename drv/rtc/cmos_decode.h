/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Decoding the MC146818 CMOS clock's registers (drv/rtc/cmos.c reads
 * them): BCD or binary and 12- or 24-hour as status register B says, the
 * century from register 0x32 where it holds one; and encoding a date the
 * same way for a write. Pure, host-tested and fuzzed: the chip's bytes are
 * not trusted to form a date.
 */
#ifndef DRV_RTC_CMOS_DECODE_H
#define DRV_RTC_CMOS_DECODE_H

#include "calendar.h"

/* Register numbers (the index written to the index port). */
#define CMOS_SECONDS 0x00
#define CMOS_MINUTES 0x02
#define CMOS_HOURS 0x04
#define CMOS_WEEKDAY 0x06 /* 1-7, Sunday 1 */
#define CMOS_DAY 0x07
#define CMOS_MONTH 0x08
#define CMOS_YEAR 0x09
#define CMOS_STATUS_A 0x0a
#define CMOS_STATUS_B 0x0b
#define CMOS_CENTURY 0x32 /* where ACPI's FADT says on PCs, QEMU's too */

#define CMOS_A_UPDATING 0x80 /* update in progress: the time registers change */
#define CMOS_B_SET 0x80 /* updates halted while the time is written */
#define CMOS_B_24HOUR 0x02 /* hours 0-23 (else 1-12 with bit 7 for PM) */
#define CMOS_B_BINARY 0x04 /* binary values (else BCD) */
#define CMOS_HOUR_PM 0x80 /* in 12-hour mode */

struct cmos_time {
	uint8_t seconds, minutes, hours, day, month, year, century, status_b;
	uint8_t weekday; /* written, never read: nothing here needs it */
};

/* The date the registers hold: false when a field is not a number of the
 * mode status B gives (a BCD digit above 9) or the result is no date. */
bool cmos_decode(const struct cmos_time *t, struct rtc_date *d);
/* The registers for the valid date d (years 1900-9999) in the mode
 * status_b gives, which t keeps: what cmos_decode turns back into d. */
void cmos_encode(const struct rtc_date *d, uint8_t status_b, struct cmos_time *t);

#endif
