// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for drv/rtc/cmos_decode.c, which turns the CMOS
// clock's register bytes (not trusted to form a date) into a date: any
// eight bytes are decoded without a fault, a date accepted is a valid one
// that converts to seconds and back unchanged, and encoding it in the same
// mode (cmos_encode, what the driver writes) decodes to it again.
#include "../../../drv/rtc/cmos_decode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t b[8] = { 0 };
	memcpy(b, data, size < sizeof(b) ? size : sizeof(b));
	struct cmos_time t = { b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], 0 };
	struct rtc_date d;
	if (!cmos_decode(&t, &d))
		return 0;
	uint64_t s;
	struct rtc_date back;
	if (!rtc_date_valid(&d) || d.year < 1900 || d.year > 9999 || !rtc_date_to_seconds(&d, &s)) {
		if (d.year >= 1970) {
			fprintf(stderr, "FUZZ FAIL: a decoded date is refused\n");
			abort();
		}
		return 0;
	}
	rtc_date_of_seconds(s, &back);
	if (memcmp(&back, &d, sizeof(d))) {
		fprintf(stderr, "FUZZ FAIL: %04d-%02d-%02d does not convert back\n", d.year,
			d.month, d.day);
		abort();
	}
	struct cmos_time again;
	cmos_encode(&d, t.status_b, &again);
	if (!cmos_decode(&again, &back) || memcmp(&back, &d, sizeof(d))) {
		fprintf(stderr, "FUZZ FAIL: %04d-%02d-%02d does not encode back\n", d.year, d.month,
			d.day);
		abort();
	}
	return 0;
}
