// SPDX-License-Identifier: BSD-2-Clause
// The first user program: one line to the kernel log through libvg, then a
// clean exit. It proves the start-up path, the log_write stub and the
// formatter in user mode on each architecture.
#include <vg/vg.h>

int main(void)
{
	vg_printf("hello from user space on %s\n", VG_ARCH_NAME);
	return 0;
}
