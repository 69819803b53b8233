// SPDX-License-Identifier: BSD-2-Clause
// Finding and taking the real-time clock (rtc.h), and reading and writing
// it through the functions of its kind.
#include "rtc.h"

#include "../lib/devregs.h"

long rtc_open(struct rtc *r, vg_handle_t resource)
{
	*r = (struct rtc){ .window = VG_HANDLE_INVALID };
	long st = vg_rtc_info(&r->info);
	if (st)
		return st;
	switch (r->info.kind) {
	case VG_RTC_CMOS:
		return devregs_take_ports(resource, r->info.base, r->info.size, &r->window);
	case VG_RTC_PL031:
	case VG_RTC_GOLDFISH:
		return devregs_map(resource, r->info.base, r->info.size, VG_VM_READ | VG_VM_WRITE,
				   &r->window, &r->regs);
	default: return ERR_NOT_SUPPORTED;
	}
}

long rtc_read(struct rtc *r, uint64_t *ns)
{
	switch (r->info.kind) {
#ifdef __x86_64__ /* port I/O: the CMOS clock exists on PCs only */
	case VG_RTC_CMOS: return rtc_cmos_read(r, ns);
#endif
	case VG_RTC_PL031: return rtc_pl031_read(r, ns);
	case VG_RTC_GOLDFISH: return rtc_goldfish_read(r, ns);
	default: return ERR_NOT_SUPPORTED;
	}
}

long rtc_write(struct rtc *r, uint64_t ns)
{
	switch (r->info.kind) {
#ifdef __x86_64__
	case VG_RTC_CMOS: return rtc_cmos_write(r, ns);
#endif
	case VG_RTC_PL031: return rtc_pl031_write(r, ns);
	case VG_RTC_GOLDFISH: return rtc_goldfish_write(r, ns);
	default: return ERR_NOT_SUPPORTED;
	}
}

const char *rtc_name(const struct rtc *r)
{
	switch (r->info.kind) {
	case VG_RTC_CMOS: return "the CMOS clock";
	case VG_RTC_PL031: return "the PL031";
	case VG_RTC_GOLDFISH: return "the Goldfish RTC";
	default: return "an unknown clock";
	}
}
