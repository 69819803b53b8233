// SPDX-License-Identifier: BSD-2-Clause
// A signal handler's own IPC buffer (internal/signal.h). The interrupted
// code may have a message in the thread's IPC buffer: a reply it has not
// read yet (an interruption comes right after the reply to a call that a
// server had received, docs/ARCHITECTURE.md section 11) or a request it is
// building. A handler that makes IPC calls of its own (write and the other
// async-signal-safe calls do) would overwrite it. So a handler runs with
// the thread's buffer slot empty: its first call maps and registers a new
// buffer (vg_ipc_buffer), and on the way back the interrupted code's is
// registered again and the handler's unmapped. A handler that makes no
// call costs a few stores; one that does, a mapping and two registrations.
//
// Handlers nest (a signal during a handler), and a long jump may leave
// several at once: each handler's record (in its entry's frame) links to
// the one it interrupted, innermost first, and setjmp keeps the innermost
// record of its time (sigjmp.c). A jump ends every record since then, each
// as its handler's return would, so every buffer a left handler made is
// unmapped, whichever of them made one.
#include <setjmp.h>
#include <vg/vg.h>

#include "../internal/signal.h"

/* The handlers running on this thread, innermost first. */
static _Thread_local struct __libc_handler_ipc *innermost;

void __libc_handler_ipc_begin(struct __libc_handler_ipc *h)
{
	struct vg_tcb *tcb = vg_tcb();
	h->interrupted = tcb->ipc_buffer;
	h->outer = innermost;
	innermost = h;
	tcb->ipc_buffer = NULL;
}

void __libc_handler_ipc_end(struct __libc_handler_ipc *h)
{
	innermost = h->outer;
	struct vg_tcb *tcb = vg_tcb();
	struct vg_ipc_buffer *interrupted = h->interrupted, *handlers = tcb->ipc_buffer;
	/* A thread that had none keeps the handler's (if it made one). */
	if (!interrupted || handlers == interrupted)
		return;
	if (!handlers) {
		tcb->ipc_buffer = interrupted; /* still the registered one */
		return;
	}
	/* If the kernel refuses the old one again (no memory to pin it), the
	 * handler's stays: the interrupted message is lost, but the thread
	 * keeps a working buffer. */
	if (vg_ipc_buffer_set((uintptr_t)interrupted))
		return;
	tcb->ipc_buffer = interrupted;
	vg_vm_unmap(vg_self(), (uintptr_t)handlers, VG_IPC_BUFFER_SIZE);
}

int __libc_setjmp_save(jmp_buf env)
{
	env[__LIBC_JMP_HANDLERS] = (unsigned long)innermost;
	return 0;
}

void __libc_handler_ipc_unwind(const jmp_buf env)
{
	/* A buffer whose record is gone (a jump to a frame that has ended)
	 * would never match: the walk stops at the thread's code. */
	const struct __libc_handler_ipc *to = (const void *)env[__LIBC_JMP_HANDLERS];
	while (innermost && innermost != to)
		__libc_handler_ipc_end(innermost);
}
