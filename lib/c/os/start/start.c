// SPDX-License-Identifier: BSD-2-Clause
// Start-up of programs linked with the C library, entered from crt1.S with
// every program's start argument (arg0: its struct vg_startup *). libvg
// records it and gives this first thread its control block and TLS block
// (errno and the rest of the library's thread-local state live there); then
// the constructors run (.preinit_array, then .init_array) and main(argc,
// argv, envp) with the block's arguments and environment (from vg_spawn, or
// the kernel's for the root task), whose value goes to exit().
#include <stdint.h>
#include <stdlib.h>
#include <vg/loader.h>
#include <vg/vg.h>

#include "../internal/proc.h"
#include "../internal/signal.h"

int main(int argc, char **argv, char **envp);
_Noreturn void __libc_start(uint64_t arg0, uint64_t arg1);

extern void (*const __preinit_array_start[])(void) __attribute__((weak));
extern void (*const __preinit_array_end[])(void) __attribute__((weak));
extern void (*const __init_array_start[])(void) __attribute__((weak));
extern void (*const __init_array_end[])(void) __attribute__((weak));

static char *no_strings[] = { NULL };
extern char **environ; /* lib/c/os/start/env.c */

_Noreturn void __libc_start(uint64_t arg0, uint64_t arg1)
{
	vg_runtime_init(arg0, arg1);
	const struct vg_startup *su = vg_startup();
	char **argv = su->argv ? (char **)(uintptr_t)su->argv : no_strings;
	if (su->envp)
		environ = (char **)(uintptr_t)su->envp;
	/* The signal entry from the start, so that a fault in any program is
	 * a signal and its default action logs a symbolized crash report
	 * (lib/c/os/signal/crash.c) rather than the kernel's raw one; with
	 * the mask, ignored actions and pending signals the program's creator
	 * passed (exec, posix_spawn). Before any call that may wait (the
	 * process server's, for our pid): the kernel's hold of the signals
	 * sent meanwhile ends at a held program's first wait, as that of a
	 * program without an entry (docs/ARCHITECTURE.md section 15). */
	__libc_sig_inherit();
	if (vg_startup_find(VG_HTAG_PROC, 0))
		__libc_proc_hook_signals();
	/* The process server sends SIGCHLD to a process that blocks it: told
	 * once its hook is there. */
	__libc_sigchld_wanted(__libc_sig_mask);
	/* A dynamic program's constructors are every module's: the dynamic
	 * loader knows them (<vg/loader.h>). */
	const struct vg_loader *ld = (const struct vg_loader *)(uintptr_t)su->loader;
	if (ld) {
		ld->run_init();
	} else {
		for (void (*const *f)(void) = __preinit_array_start; f < __preinit_array_end; f++)
			(*f)();
		for (void (*const *f)(void) = __init_array_start; f < __init_array_end; f++)
			(*f)();
	}
	exit(main((int)su->argc, argv, environ));
}
