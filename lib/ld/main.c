// SPDX-License-Identifier: BSD-2-Clause
// ld.so, the dynamic loader: vg_spawn starts it (relocated, beside the
// program it loaded) for a program with PT_INTERP. It takes over the
// program vg_spawn mapped, loads the shared objects it needs, lays out
// their static TLS, relocates them all, then enters the program with its
// interface in the startup block; the C library's start-up calls back to
// run the constructors. A failure ends the process with status 127 and a
// message in the log naming the object and the problem.
#include <vg/loader.h>

#include "ld.h"

static const struct vg_loader iface = {
	.run_init = ld_run_init,
	.run_fini = ld_run_fini,
	.dlopen = ld_dlopen,
	.dlsym = ld_dlsym,
	.dlclose = ld_dlclose,
	.dlerror = ld_dlerror,
	.tls_get_addr = ld_tls_get_addr,
	.module_at = ld_module_at,
};

static _Noreturn void give_up(void)
{
	vg_printf("ld.so: %s\n", ld_last_error());
	vg_process_kill(vg_self(), 127);
	vg_exit(127);
}

int main(void)
{
	/* The block is the program's, in its writable stack: ld.so fills in
	 * what the program's start-up reads. */
	struct vg_startup *su = (struct vg_startup *)vg_startup();
	if (!su->prog_phdr) {
		ld_fail("ld.so", "not started as a program's interpreter", NULL);
		give_up();
	}
	struct ld_module *exe = ld_module_new("program");
	if (!exe)
		give_up();
	exe->pinned = true;
	if (!ld_adopt_exe(exe, su))
		give_up();
	ld_load_preloads(exe);
	if (!ld_load_deps(exe))
		give_up();
	for (int i = 0; i < LD_MAX_MODULES; i++)
		if (ld_modules[i].used) {
			ld_modules[i].pinned = true;
			ld_make_global(&ld_modules[i]);
		}
	if (!ld_tls_layout(su) || !ld_relocate_new(exe))
		give_up();
	su->loader = (uintptr_t)&iface;
	((void (*)(uint64_t, uint64_t))(uintptr_t)su->prog_entry)((uintptr_t)su, 0);
	__builtin_trap(); /* a program's entry never returns */
}
