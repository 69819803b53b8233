// SPDX-License-Identifier: BSD-2-Clause
// console_info: where the console UART is, for its user-space driver
// (docs/ARCHITECTURE.md section 18). The kernel keeps writing its own log
// to the same UART, polled; it never reads it or takes its interrupt.
#include <kernel/hal.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

long sys_console_info(struct vg_console_info *out)
{
	struct vg_console_info info = { 0 };
	if (!arch_console_describe(&info))
		return ERR_NOT_FOUND;
	return copy_to_user(out, &info, sizeof(info)) ? ERR_BAD_ADDRESS : 0;
}
