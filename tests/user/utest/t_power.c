// SPDX-License-Identifier: BSD-2-Clause
// system_power refuses everything but the root resource with MANAGE and a
// known action (a success would end the run: init's boot tests that, see
// tests/user/initcheck.c).
#include "../utest.h"

UTEST(power_refuses_bad_arguments)
{
	CHECK_EQ(vg_system_power(resource_h, 2), ERR_INVALID_ARGS);
	CHECK_EQ(vg_system_power(resource_h, ~0u), ERR_INVALID_ARGS);
	CHECK_EQ(vg_system_power(VG_HANDLE_INVALID, VG_POWER_OFF), ERR_BAD_HANDLE);
	CHECK_EQ(vg_system_power(0x7fffff00u, VG_POWER_REBOOT), ERR_BAD_HANDLE);
	/* Another object, a narrower resource, the root one without MANAGE. */
	CHECK_EQ(vg_system_power(log_h, VG_POWER_OFF), ERR_WRONG_TYPE);
	vg_handle_t mmio, weak;
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_MMIO, 0x10000000, 0x1000, &mmio), 0);
	CHECK_EQ(vg_system_power(mmio, VG_POWER_OFF), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_duplicate(resource_h, VG_RIGHT_DUPLICATE, &weak), 0);
	CHECK_EQ(vg_system_power(weak, VG_POWER_REBOOT), ERR_ACCESS_DENIED);
	vg_handle_close(mmio);
	vg_handle_close(weak);
}
