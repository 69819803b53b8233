// SPDX-License-Identifier: BSD-2-Clause
// Program start-up: the C half of crt0. Kept in C rather than assembly so
// that it is the same code on every architecture.
#include <vg/vg.h>

static const struct vg_startup *startup;
static struct vg_tcb main_tcb;

_Noreturn void vg_start(uint64_t arg0, uint64_t arg1)
{
	(void)arg1;
	startup = (const struct vg_startup *)(uintptr_t)arg0;
	main_tcb.self = &main_tcb;
	vg_thread_set_tls(vg_tp_for(&main_tcb));
	vg_exit(main());
}

const struct vg_startup *vg_startup(void)
{
	return startup;
}

void vg_adopt_copy(vg_handle_t new_self, vg_handle_t log)
{
	static struct vg_startup adopted;
	adopted = (struct vg_startup){ .log = log, .self = new_self };
	startup = &adopted;
}

vg_handle_t vg_self(void)
{
	return startup->self;
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
	return startup ? startup->log : VG_HANDLE_INVALID;
}
