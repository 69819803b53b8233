// SPDX-License-Identifier: BSD-2-Clause
// The wall clock's system calls (docs/ARCHITECTURE.md section 7): reading
// it is free for all, like the monotonic clock; setting it needs the root
// resource, because every process's timestamps and timeouts on
// CLOCK_REALTIME follow it. rtc_info describes the clock chip for its
// user-space driver.
#include <kernel/hal.h>
#include <kernel/realtime.h>
#include <kernel/resource.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

long sys_clock_realtime(void)
{
	return (long)realtime_ns();
}

long sys_clock_set_realtime(vg_handle_t resource, uint64_t ns)
{
	if (ns >= VG_REALTIME_MAX)
		return ERR_OUT_OF_RANGE;
	/* resource_check_kind(h, ROOT) accepts the root resource only. */
	int err = resource_check_kind(resource, VG_RESOURCE_ROOT);
	if (err)
		return err;
	return realtime_set(ns);
}

long sys_rtc_info(struct vg_rtc_info *out)
{
	struct vg_rtc_info info = { 0 };
	if (!arch_rtc_describe(&info))
		return ERR_NOT_FOUND;
	return copy_to_user(out, &info, sizeof(info)) ? ERR_BAD_ADDRESS : 0;
}
