// SPDX-License-Identifier: BSD-2-Clause
// IPC helpers: a message of a tag and four words through the raw calls.
#include "../utest.h"

/* ipc_call: returns the status, the reply in *reply. */
long call(vg_handle_t ep, const struct msg *m, struct msg *reply)
{
	uint64_t a[6] = { ep, m->tag, m->w[0], m->w[1], m->w[2], m->w[3] }, r[5];
	long st = vg_syscall6_r(VG_SYS_ipc_call, a, r);
	*reply = (struct msg){ r[0], { r[1], r[2], r[3], r[4] } };
	return st;
}

/* ipc_recv / ipc_reply_recv: returns the badge or an error, the message in *m. */
long reply_recv(vg_handle_t ep, const struct msg *reply, struct msg *m)
{
	uint64_t a[6] = { ep, 0, 0, 0, 0, 0 }, r[5];
	long st;
	if (reply) {
		a[1] = reply->tag;
		for (int i = 0; i < 4; i++)
			a[2 + i] = reply->w[i];
		st = vg_syscall6_r(VG_SYS_ipc_reply_recv, a, r);
	} else {
		st = vg_syscall6_r(VG_SYS_ipc_recv, a, r);
	}
	*m = (struct msg){ r[0], { r[1], r[2], r[3], r[4] } };
	return st;
}

long next_packet(vg_handle_t port, uint64_t timeout_ns, struct vg_port_packet *pkt)
{
	long st = vg_port_wait(port, (uint64_t)vg_clock_monotonic() + timeout_ns, pkt);
	return st ? st : pkt->status;
}
