// SPDX-License-Identifier: BSD-2-Clause
// Finding the real-time clock in the boot device tree (rtc_info on AArch64
// and RISC-V): QEMU's virt machines have a PL031 (arm) or a Goldfish RTC
// (riscv), each named by its compatible string.
#include <kernel/bootinfo.h>
#include <kernel/fdt.h>
#include <kernel/realtime.h>
#include <kernel/string.h>
#include <verdigris/types.h>

static const struct {
	const char *compatible;
	uint32_t kind;
} known[] = {
	{ "arm,pl031", VG_RTC_PL031 },
	{ "google,goldfish-rtc", VG_RTC_GOLDFISH },
};

static bool enabled(const struct fdt *f, int node)
{
	const char *status = fdt_prop_str(f, node, "status");
	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

bool fdt_rtc_describe(struct vg_rtc_info *out)
{
	const struct fdt *f = boot_fdt();
	if (!f)
		return false;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		for (int n = fdt_find_compatible(f, -1, known[i].compatible); n >= 0;
		     n = fdt_find_compatible(f, n, known[i].compatible)) {
			uint64_t addr, size;
			if (!enabled(f, n) || !fdt_reg(f, n, 0, &addr, &size) || !size)
				continue;
			*out = (struct vg_rtc_info){ .kind = known[i].kind,
						     .base = addr,
						     .size = size };
			return true;
		}
	return false;
}
