// SPDX-License-Identifier: BSD-2-Clause
// exit, _Exit, abort and atexit. The process ends through process_kill on
// itself: every thread goes, and the status becomes the process's exit
// code (what the kernel reports for the root task).
#include <stdlib.h>
#include <unistd.h>
#include <verdigris/exit.h>
#include <vg/loader.h>
#include <vg/vg.h>

#include "../internal/lock.h"
#include "../internal/signal.h"
#include "../internal/thread.h"

#define ATEXIT_MAX 64

extern void (*const __fini_array_start[])(void) __attribute__((weak));
extern void (*const __fini_array_end[])(void) __attribute__((weak));

static int atexit_lock;
static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

int atexit(void (*fn)(void))
{
	__libc_lock(&atexit_lock);
	int ok = nhandlers < ATEXIT_MAX;
	if (ok)
		handlers[nhandlers++] = fn;
	__libc_unlock(&atexit_lock);
	return ok ? 0 : -1;
}

_Noreturn void exit(int status)
{
	/* Handlers may register more handlers: take them one at a time. */
	for (;;) {
		__libc_lock(&atexit_lock);
		void (*fn)(void) = nhandlers ? handlers[--nhandlers] : NULL;
		__libc_unlock(&atexit_lock);
		if (!fn)
			break;
		fn();
	}
	const struct vg_loader *ld = (const struct vg_loader *)(uintptr_t)vg_startup()->loader;
	if (ld) /* a dynamic program: every module's destructors */
		ld->run_fini();
	else
		for (void (*const *f)(void) = __fini_array_end; f > __fini_array_start;)
			(*--f)();
	__libc_stdio_flush_all();
	_Exit(status);
}

/* The descriptors are not closed one by one (a call to each file's
 * server): their handles go with the process, and every file server
 * watches its endpoint, so the kernel's notice that a badge's last handle
 * went closes each open file as file.close would (a pipe's reader sees
 * the end), before the server answers anyone else. */
_Noreturn void _Exit(int status)
{
	/* Only the low byte is the exit code (POSIX): any other bit would
	 * read as another form of end (abi/verdigris/exit.h). */
	long code = status & 0xff;
	vg_process_kill(vg_self(), code);
	/* The kill ends this thread on its way back to user mode; in case it
	 * did not, end it here, then fault rather than run on. */
	vg_thread_exit(code);
	__builtin_trap();
}

_Noreturn void _exit(int status)
{
	_Exit(status);
}

_Noreturn void abort(void)
{
	vg_puts("abort() called");
	/* A SIGABRT handler runs first; by default the signal ends the
	 * process with a crash report. A handler that returns, or an ignored
	 * or blocked signal, still ends it. */
	sigset_t abrt = SIGBIT(SIGABRT);
	__libc_sig_mask &= ~abrt;
	raise(SIGABRT);
	/* Killed by SIGABRT all the same, as its default action would. */
	vg_process_kill(vg_self(), VG_EXIT_SIGNAL_DEFAULT(SIGABRT));
	vg_thread_exit(VG_EXIT_SIGNAL_DEFAULT(SIGABRT));
	__builtin_trap();
}
