// SPDX-License-Identifier: BSD-2-Clause
// Finding and taking the real-time clock (rtc.h), and reading it through
// the reader of its kind.
#include "rtc.h"

#define PAGE 4096u

static long map_registers(struct rtc *r, vg_handle_t resource)
{
	uint64_t base = r->info.base & ~(uint64_t)(PAGE - 1);
	uint64_t off = r->info.base - base;
	uint64_t size = (off + r->info.size + PAGE - 1) & ~(uint64_t)(PAGE - 1);
	long st = vg_vmo_create_physical(resource, base, size, VG_CACHE_UNCACHED, &r->window);
	if (st)
		return st;
	uintptr_t addr = 0;
	st = vg_vm_map(vg_startup()->self, r->window, 0, size, VG_VM_READ, &addr);
	if (st) {
		vg_handle_close(r->window);
		return st;
	}
	r->regs = (volatile unsigned char *)(addr + off);
	return 0;
}

static long take_ports(struct rtc *r, vg_handle_t resource)
{
	long st = vg_ioport_create(resource, (uint32_t)r->info.base, (uint32_t)r->info.size,
				   &r->window);
	if (!st && (st = vg_ioport_enable(r->window, 1)))
		vg_handle_close(r->window);
	return st;
}

long rtc_open(struct rtc *r, vg_handle_t resource)
{
	*r = (struct rtc){ .window = VG_HANDLE_INVALID };
	long st = vg_rtc_info(&r->info);
	if (st)
		return st;
	switch (r->info.kind) {
	case VG_RTC_CMOS: return take_ports(r, resource);
	case VG_RTC_PL031:
	case VG_RTC_GOLDFISH: return map_registers(r, resource);
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

const char *rtc_name(const struct rtc *r)
{
	switch (r->info.kind) {
	case VG_RTC_CMOS: return "the CMOS clock";
	case VG_RTC_PL031: return "the PL031";
	case VG_RTC_GOLDFISH: return "the Goldfish RTC";
	default: return "an unknown clock";
	}
}
