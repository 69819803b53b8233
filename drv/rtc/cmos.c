// SPDX-License-Identifier: BSD-2-Clause
// The x86 CMOS clock (MC146818) through its index and data ports. The
// chip updates its time registers once a second; status A's
// update-in-progress bit warns of that, and reading everything twice until
// two readings agree catches an update that began between the check and
// the reads. A write halts the updates (status B's SET bit) while the
// registers change, so that the chip never counts from a half-written time.
#include "cmos_decode.h"
#include "rtc.h"

/* Tries before giving up on a chip whose readings never agree. */
#define CMOS_TRIES 8
/* An update lasts under 2 ms (244 us plus setup on the MC146818). */
#define CMOS_UPDATE_WAIT_NS 20000000u

static uint8_t cmos_get(const struct rtc *r, uint8_t reg)
{
	vg_outb((uint16_t)r->info.base, reg);
	return vg_inb((uint16_t)(r->info.base + 1));
}

static void cmos_put(const struct rtc *r, uint8_t reg, uint8_t v)
{
	vg_outb((uint16_t)r->info.base, reg);
	vg_outb((uint16_t)(r->info.base + 1), v);
}

static bool wait_no_update(const struct rtc *r)
{
	uint64_t until = (uint64_t)vg_clock_monotonic() + CMOS_UPDATE_WAIT_NS;
	while (cmos_get(r, CMOS_STATUS_A) & CMOS_A_UPDATING)
		if ((uint64_t)vg_clock_monotonic() > until)
			return false;
	return true;
}

static void cmos_snapshot(const struct rtc *r, struct cmos_time *t)
{
	*t = (struct cmos_time){
		.seconds = cmos_get(r, CMOS_SECONDS),
		.minutes = cmos_get(r, CMOS_MINUTES),
		.hours = cmos_get(r, CMOS_HOURS),
		.day = cmos_get(r, CMOS_DAY),
		.month = cmos_get(r, CMOS_MONTH),
		.year = cmos_get(r, CMOS_YEAR),
		.century = cmos_get(r, CMOS_CENTURY),
		.status_b = cmos_get(r, CMOS_STATUS_B),
	};
}

static bool same(const struct cmos_time *a, const struct cmos_time *b)
{
	return a->seconds == b->seconds && a->minutes == b->minutes && a->hours == b->hours &&
		a->day == b->day && a->month == b->month && a->year == b->year &&
		a->century == b->century && a->status_b == b->status_b;
}

long rtc_cmos_read(struct rtc *r, uint64_t *ns)
{
	struct cmos_time a, b;
	for (int i = 0; i < CMOS_TRIES; i++) {
		if (!wait_no_update(r))
			continue;
		cmos_snapshot(r, &a);
		if (!wait_no_update(r))
			continue;
		cmos_snapshot(r, &b);
		if (!same(&a, &b))
			continue;
		struct rtc_date d;
		uint64_t s;
		if (!cmos_decode(&a, &d) || !rtc_date_to_seconds(&d, &s))
			return ERR_BAD_FORMAT;
		*ns = s * 1000000000u;
		return 0;
	}
	return ERR_TIMED_OUT;
}

long rtc_cmos_write(struct rtc *r, uint64_t ns)
{
	struct rtc_date d;
	rtc_date_of_seconds(ns / 1000000000u, &d);
	/* In the mode the chip keeps (the firmware chose it). */
	uint8_t b = cmos_get(r, CMOS_STATUS_B) & (uint8_t)~CMOS_B_SET;
	struct cmos_time t;
	cmos_encode(&d, b, &t);
	cmos_put(r, CMOS_STATUS_B, b | CMOS_B_SET);
	cmos_put(r, CMOS_SECONDS, t.seconds);
	cmos_put(r, CMOS_MINUTES, t.minutes);
	cmos_put(r, CMOS_HOURS, t.hours);
	cmos_put(r, CMOS_WEEKDAY, t.weekday);
	cmos_put(r, CMOS_DAY, t.day);
	cmos_put(r, CMOS_MONTH, t.month);
	cmos_put(r, CMOS_YEAR, t.year);
	cmos_put(r, CMOS_CENTURY, t.century);
	cmos_put(r, CMOS_STATUS_B, b);
	return 0;
}
