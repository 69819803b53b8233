// SPDX-License-Identifier: BSD-2-Clause
// Program start-up: the C half of crt0. Kept in C rather than assembly so
// that it is the same code on every architecture.
#include <vg/vg.h>

static uint64_t start_args[2];
static vg_handle_t self;
static struct vg_tcb main_tcb;

_Noreturn void vg_start(uint64_t arg0, uint64_t arg1)
{
	start_args[0] = arg0;
	start_args[1] = arg1;
	self = ((const struct vg_startup *)(uintptr_t)arg1)->self;
	main_tcb.self = &main_tcb;
	vg_thread_set_tls(vg_tp_for(&main_tcb));
	vg_exit(main());
}

void vg_adopt_copy(vg_handle_t new_self, vg_handle_t log)
{
	self = new_self;
	start_args[0] = log;
	start_args[1] = 0;
}

vg_handle_t vg_self(void)
{
	return self;
}

_Noreturn void vg_exit(long code)
{
	vg_thread_exit(code);
	// thread_exit does not return. If the kernel ever let it, running on
	// would mean executing past the end of the program: fault instead.
	__builtin_trap();
}

vg_handle_t vg_log_handle(void)
{
	// For now arg0 of every program is the log handle (the root task's
	// start protocol); a handle is 32 bits, the register 64.
	return (vg_handle_t)start_args[0];
}

uint64_t vg_start_arg(unsigned int index)
{
	return index < 2 ? start_args[index] : 0;
}
