// SPDX-License-Identifier: BSD-2-Clause
// sigsetjmp and siglongjmp: setjmp's buffer plus the signal mask, in the
// two last words that setjmp.S leaves alone.
#include <setjmp.h>

#include "../internal/signal.h"

#define SAVED 30 /* 1 if the mask below was saved */
#define MASK 31

void __sigsetjmp_mask(sigjmp_buf env, int save)
{
	env[SAVED] = save != 0;
	env[MASK] = (unsigned long)__libc_sig_mask;
}

_Noreturn void siglongjmp(sigjmp_buf env, int val)
{
	if (env[SAVED]) {
		__libc_sig_mask = (sigset_t)env[MASK];
		__libc_sig_flush(); /* what the restored mask lets through runs now */
	}
	longjmp(env, val);
}
