// SPDX-License-Identifier: BSD-2-Clause
// The bus as a program of its own (bin/bus). Its start protocol is to be
// that of every server: the spawner gives it its endpoint. Nothing in user
// space can load an ELF file yet, so for now the root task runs the same
// code (bus.c) in a child process instead (tests/user/utest/spawn.c).
// Started by the kernel as the root task (init=bin/bus) it would have no
// clients and no endpoint to serve: it says so and fails.
#include "bus.h"
#include <vg/vg.h>

int main(void)
{
	vg_printf("bus: no spawner gives servers their handles yet; "
		  "the root task runs the bus in a child process\n");
	return (int)ERR_NOT_SUPPORTED;
}
