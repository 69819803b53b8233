// SPDX-License-Identifier: BSD-2-Clause
// Turning the machine off or resetting it: the last step of init's orderly
// shutdown (docs/ARCHITECTURE.md, section 19). Only the holder of the root
// resource may, so that no ordinary process can stop the machine.
#include <kernel/hal.h>
#include <kernel/log.h>
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

long sys_system_power(vg_handle_t resource, uint32_t action)
{
	if (action != VG_POWER_OFF && action != VG_POWER_REBOOT)
		return ERR_INVALID_ARGS;
	/* resource_check_kind(h, ROOT) accepts the root resource only. */
	int err = resource_check_kind(resource, VG_RESOURCE_ROOT);
	if (err)
		return err;
	if (action == VG_POWER_REBOOT) {
		pr_info("power: reboot requested by user space\n");
		arch_reboot();
	}
	pr_info("power: off requested by user space\n");
	arch_poweroff(0);
}
