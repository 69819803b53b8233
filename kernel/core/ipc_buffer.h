/* SPDX-License-Identifier: BSD-2-Clause */
/* The IPC buffer's kernel side (ipc_buffer.c), for ipc.c. */
#ifndef KERNEL_CORE_IPC_BUFFER_H
#define KERNEL_CORE_IPC_BUFFER_H

#include <kernel/thread.h>
#include <verdigris/types.h>

/* The tag's reserved bits are clear and its counts within the limits;
 * register-only tags (the top half zero: the fast path's) answer at once. */
bool ipc_tag_check(uint64_t tag);
static inline bool ipc_tag_valid(uint64_t tag)
{
	return !(tag >> 32) || ipc_tag_check(tag);
}
/* Whether a message with this tag needs the IPC buffers. */
static inline bool ipc_tag_needs_buffer(uint64_t tag)
{
	/* The top half is zero in the fast path's register-only messages. */
	return (tag >> 32) && (VG_IPC_TAG_WORDS(tag) > VG_IPC_REG_WORDS || VG_IPC_TAG_HANDLES(tag));
}
/* Moves the buffer part of a message (words 4.., handles) from one thread
 * to another; both registered buffers (else ERR_BAD_STATE). Handles that
 * cannot move leave everything where it was. Scheduler lock held. */
int ipc_buffer_move(struct thread *to, struct thread *from, uint64_t tag);
/* t registered a buffer whose VMO has shrunk past its pages since:
 * nothing can move into it until t registers one again. */
bool ipc_buffer_stale(const struct thread *t);
/* Unregisters t's buffer (at thread exit, or before a new one). */
void ipc_buffer_release(struct thread *t);

#endif
