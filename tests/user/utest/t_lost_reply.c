// SPDX-License-Identifier: BSD-2-Clause
// A reply that cannot move into its caller (here: it carries a handle the
// server may not transfer) is still owed: both serving loops, lib/ipc's
// ipc_serve and lib/async's endpoint sources, answer the caller with the
// error instead, close the handles of the lost reply and go on serving.
#include "../utest.h"
#include <async/loop.h>
#include <async/server.h>
#include <ipc/msg.h>

enum { LABEL_LOSSY = 1, LABEL_FINE = 2 };

static vg_handle_t untransferable; /* the lost reply's handle */

static int lossy_dispatch(void *server, uint64_t badge, uint64_t tag, struct vg_ipc_buffer *buf,
			  uint64_t *reply_tag)
{
	(void)server;
	(void)badge;
	if (VG_IPC_TAG_LABEL(tag) == LABEL_LOSSY) {
		buf->handles[0] = untransferable;
		*reply_tag = VG_IPC_TAG(0, 0, 1);
	} else {
		*reply_tag = ipc_status_tag(0);
	}
	return 0;
}

static void sync_server(uint64_t ep)
{
	vg_thread_exit(ipc_serve((vg_handle_t)ep, lossy_dispatch, NULL));
}

static void closed(struct async_loop *loop, struct async_server *s)
{
	(void)s;
	async_loop_quit(loop, 7);
}

static void async_server(uint64_t ep)
{
	struct async_loop loop;
	struct async_server s = { .closed = closed };
	long st = async_loop_init(&loop);
	if (!st)
		st = async_server_add(&loop, &s, (vg_handle_t)ep, lossy_dispatch, NULL);
	if (!st)
		st = async_loop_run(&loop);
	vg_thread_exit(st);
}

/* Runs one serving loop on a thread: a lossy call gets the transfer error
 * and the handle is closed, a good call then still gets its answer; the
 * loop ends when the endpoint goes, with exit code want_exit. */
static void check_loop(void (*serve)(uint64_t), long want_exit)
{
	vg_handle_t ep, note, port, thread;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_SIGNAL, &untransferable), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_thread_start(serve, ep, &thread), 0);
	CHECK_EQ(vg_port_bind(port, thread, 1), 0);
	struct msg m = { VG_IPC_TAG(LABEL_LOSSY, 0, 0), { 0 } }, r;
	CHECK_EQ(call(ep, &m, &r), 0);
	CHECK_EQ(r.tag, ipc_status_tag(ERR_ACCESS_DENIED));
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(untransferable, &info), ERR_BAD_HANDLE);
	m.tag = VG_IPC_TAG(LABEL_FINE, 0, 0);
	CHECK_EQ(call(ep, &m, &r), 0);
	CHECK_EQ(r.tag, ipc_status_tag(0));
	CHECK_EQ(vg_handle_close(ep), 0); /* the loop's too: it ends */
	struct vg_port_packet pkt;
	CHECK_EQ(next_packet(port, 2000000000, &pkt), 0);
	CHECK_EQ(pkt.type, VG_PACKET_THREAD_EXIT);
	CHECK_EQ((long)pkt.data[0], want_exit);
	vg_handle_close(thread);
	vg_handle_close(port);
	vg_handle_close(note);
}

UTEST(ipc_serve_answers_a_lost_reply_with_its_error)
{
	check_loop(sync_server, ERR_BAD_HANDLE);
}

UTEST(async_server_answers_a_lost_reply_with_its_error)
{
	check_loop(async_server, 7);
}
