// SPDX-License-Identifier: BSD-2-Clause
// Program start-up: the C half of crt0. Kept in C rather than assembly so
// that it is the same code on every architecture.
#include <vg/vg.h>

/* A libvg program's entry point: int main(void), whose value is the
 * thread's exit code. */
int main(void);

static uint64_t start_args[2];
static vg_handle_t self;
/* The first thread's TLS area when it is small (a program with little or
 * no TLS); a larger one is mapped. */
static _Alignas(64) char main_tls_area[512];

void vg_runtime_init(uint64_t arg0, uint64_t arg1)
{
	start_args[0] = arg0;
	start_args[1] = arg1;
	self = ((const struct vg_startup *)(uintptr_t)arg1)->self;
	size_t need = vg_tls_area_size();
	void *area = main_tls_area;
	if (need > sizeof(main_tls_area))
		area = (void *)vg_map_anon(self, (need + 4095) & ~(size_t)4095);
	if (!area)
		__builtin_trap(); /* no memory for the first thread: nothing can run */
	struct vg_tcb *tcb;
	vg_thread_set_tls(vg_tls_init(area, &tcb));
}

_Noreturn void vg_start(uint64_t arg0, uint64_t arg1)
{
	vg_runtime_init(arg0, arg1);
	vg_exit(main());
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
