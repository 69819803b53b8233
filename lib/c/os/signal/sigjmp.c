// SPDX-License-Identifier: BSD-2-Clause
// longjmp and siglongjmp, and sigsetjmp's mask: setjmp (setjmp.S) keeps
// the registers, and the signal handlers running at the time (the
// innermost's record, __libc_setjmp_save), sigsetjmp also the signal mask,
// in the buffer's last words that only these use. Either jump out of
// signal handlers, however deeply nested, ends each handler it leaves as
// its return would (os/signal/ipcbuf.c): the IPC buffer of the code it
// jumps to is back, and every buffer a left handler made is unmapped. A
// jump that no handler stands between costs a comparison.
#include <setjmp.h>
#include <vg/vg.h>

#include "../internal/signal.h"

#define SAVED 30 /* 1 if the mask below was saved */
#define MASK 31

_Noreturn void __libc_longjmp_regs(jmp_buf env, int val);

void __sigsetjmp_mask(sigjmp_buf env, int save)
{
	env[SAVED] = save != 0;
	env[MASK] = (unsigned long)__libc_sig_mask;
}

_Noreturn void longjmp(jmp_buf env, int val)
{
	__libc_handler_ipc_unwind(env);
	__libc_longjmp_regs(env, val);
}

_Noreturn void _longjmp(jmp_buf env, int val)
{
	longjmp(env, val);
}

_Noreturn void siglongjmp(sigjmp_buf env, int val)
{
	__libc_handler_ipc_unwind(env);
	if (env[SAVED]) {
		__libc_sig_mask = (sigset_t)env[MASK];
		__libc_sig_flush(); /* what the restored mask lets through runs now */
	}
	__libc_longjmp_regs(env, val);
}
