// SPDX-License-Identifier: BSD-2-Clause
// Program start-up: the C half of crt0. Kept in C rather than assembly so
// that it is the same code on every architecture.
#include <vg/vg.h>

/* A libvg program's entry point: int main(void), whose value is the
 * thread's exit code. */
int main(void);

static const struct vg_startup *startup;
/* The first thread's TLS area when it is small (a program with little or
 * no TLS); a larger one is mapped. */
static _Alignas(64) char main_tls_area[512];

void vg_runtime_init(uint64_t arg0, uint64_t arg1)
{
	(void)arg1;
	startup = (const struct vg_startup *)(uintptr_t)arg0;
	size_t need = vg_tls_area_size();
	void *area = main_tls_area;
	if (need > sizeof(main_tls_area))
		area = (void *)vg_map_anon(startup->self, (need + 4095) & ~(size_t)4095);
	if (!area)
		__builtin_trap(); /* no memory for the first thread: nothing can run */
	struct vg_tcb *tcb;
	/* Both are zero: .bss, or a fresh mapping. */
	vg_thread_set_tls(vg_tls_init(area, true, &tcb));
}

_Noreturn void vg_start(uint64_t arg0, uint64_t arg1)
{
	vg_runtime_init(arg0, arg1);
	vg_exit(main());
}

const struct vg_startup *vg_startup(void)
{
	return startup;
}

vg_handle_t vg_startup_find(uint32_t tag, uint32_t arg)
{
	const struct vg_startup_handle *h =
		(const struct vg_startup_handle *)(uintptr_t)(startup ? startup->handles : 0);
	for (uint64_t i = 0; h && i < startup->nhandles; i++)
		if (h[i].tag == tag && h[i].arg == arg)
			return h[i].handle;
	return VG_HANDLE_INVALID;
}

void vg_startup_set(const struct vg_startup *su)
{
	startup = su;
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
