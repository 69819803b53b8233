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
// call costs two stores; one that does, a mapping and two registrations.
#include <vg/vg.h>

#include "../internal/signal.h"

struct vg_ipc_buffer *__libc_handler_ipc_begin(void)
{
	struct vg_tcb *tcb = vg_tcb();
	struct vg_ipc_buffer *interrupted = tcb->ipc_buffer;
	tcb->ipc_buffer = NULL;
	return interrupted;
}

void __libc_handler_ipc_end(struct vg_ipc_buffer *interrupted)
{
	struct vg_tcb *tcb = vg_tcb();
	struct vg_ipc_buffer *handlers = tcb->ipc_buffer;
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
