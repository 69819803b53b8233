// SPDX-License-Identifier: BSD-2-Clause
// sigsetjmp and siglongjmp: setjmp's buffer plus the signal mask and the
// thread's IPC buffer, in three last words that setjmp.S leaves alone. A
// jump out of a handler puts back the IPC buffer of the code it jumps to
// (os/signal/ipcbuf.c), which the handler had set aside.
#include <setjmp.h>
#include <vg/vg.h>

#include "../internal/signal.h"

#define IPC_BUFFER 29
#define SAVED 30 /* 1 if the mask below was saved */
#define MASK 31

void __sigsetjmp_mask(sigjmp_buf env, int save)
{
	env[SAVED] = save != 0;
	env[MASK] = (unsigned long)__libc_sig_mask;
	env[IPC_BUFFER] = (unsigned long)vg_tcb()->ipc_buffer;
}

_Noreturn void siglongjmp(sigjmp_buf env, int val)
{
	__libc_handler_ipc_end((struct vg_ipc_buffer *)env[IPC_BUFFER]);
	if (env[SAVED]) {
		__libc_sig_mask = (sigset_t)env[MASK];
		__libc_sig_flush(); /* what the restored mask lets through runs now */
	}
	longjmp(env, val);
}
