// SPDX-License-Identifier: BSD-2-Clause
// Messages through the IPC buffer: words 0-3 between the buffer and the
// registers the kernel moves them in.
//
// A buffer's pin never goes stale under a fork (the kernel keeps pinned
// pages out of copy-on-write snapshots): ERR_BAD_STATE means a side has no
// usable buffer, and is returned as it is, never retried, since a call the
// server may have performed must not be sent twice.
#include <vg/vg.h>

static void store_received(struct vg_ipc_buffer *buf, const uint64_t r[5], uint64_t *tag)
{
	*tag = r[0];
	for (int i = 0; i < VG_IPC_REG_WORDS; i++)
		buf->words[i] = r[1 + i];
}

long vg_ipc_call_msg(vg_handle_t ep, uint64_t tag, struct vg_ipc_buffer *buf, uint64_t *reply_tag)
{
	uint64_t a[6] = { ep, tag, buf->words[0], buf->words[1], buf->words[2], buf->words[3] };
	uint64_t r[5];
	long st = vg_syscall6_r(VG_SYS_ipc_call, a, r);
	if (st == 0)
		store_received(buf, r, reply_tag);
	return st;
}

long vg_ipc_reply_recv_msg(vg_handle_t ep, uint64_t reply_tag, struct vg_ipc_buffer *buf,
			   uint64_t *recv_tag)
{
	uint64_t a[6] = {
		ep, reply_tag, buf->words[0], buf->words[1], buf->words[2], buf->words[3]
	};
	uint64_t r[5];
	long nr = reply_tag == VG_IPC_NO_REPLY ? VG_SYS_ipc_recv : VG_SYS_ipc_reply_recv;
	long st = vg_syscall6_r(nr, a, r);
	if (st >= 0)
		store_received(buf, r, recv_tag);
	return st;
}
