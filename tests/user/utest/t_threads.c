// SPDX-License-Identifier: BSD-2-Clause
// Threads: handles, exit codes seen through a port, the thread pointer.
#include "../utest.h"

static volatile int thread_ran;

static void flag_thread(uint64_t arg)
{
	thread_ran = (int)arg;
	vg_thread_exit((long)arg + 1);
}

UTEST(threads_are_objects_with_exit_codes)
{
	uintptr_t sp = vg_stack_create(self_h, 16384);
	vg_handle_t t, port;
	CHECK(sp != 0);
	CHECK_EQ(vg_port_create(&port), 0);
	thread_ran = 0;
	CHECK_EQ(vg_thread_create(self_h, (uintptr_t)flag_thread, sp, 42, 0, &t), 0);
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(t, &info), 0);
	CHECK_EQ(info.type, VG_OBJ_THREAD);
	CHECK_EQ(vg_port_bind(port, t, 5), 0);
	struct vg_port_packet pkt;
	CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
	CHECK_EQ(pkt.key, 5);
	CHECK_EQ(pkt.type, VG_PACKET_THREAD_EXIT);
	CHECK_EQ(pkt.data[0], 43);
	CHECK_EQ(thread_ran, 42);
	/* Dead already: a new binding fires at once. */
	CHECK_EQ(vg_port_bind(port, t, 6), 0);
	CHECK_EQ(next_packet(port, 0, &pkt), 0);
	CHECK_EQ(pkt.key, 6);
	CHECK_EQ(vg_thread_resume(t), ERR_BAD_STATE); /* not stopped on an exception */
	CHECK_EQ(vg_handle_close(t), 0);
	CHECK_EQ(vg_thread_create(log_h, (uintptr_t)flag_thread, sp, 1, 0, &t), ERR_WRONG_TYPE);
	CHECK_EQ(vg_thread_create(self_h, (uintptr_t)flag_thread, sp, 1, 0, (vg_handle_t *)16),
		 ERR_BAD_ADDRESS);
	CHECK_EQ(vg_thread_create(self_h, (uintptr_t)flag_thread, sp, 1, ~0ull, &t),
		 ERR_INVALID_ARGS);
	CHECK_EQ(vg_thread_resume(port), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_close(port), 0);
}

static volatile uintptr_t seen_tcb;

static void tcb_thread(uint64_t arg)
{
	(void)arg;
	seen_tcb = (uintptr_t)vg_tcb();
	vg_thread_exit(vg_tcb()->self == vg_tcb() ? 0 : 1);
}

UTEST(each_thread_has_its_own_thread_pointer)
{
	struct vg_tcb *mine = vg_tcb();
	CHECK(mine->self == mine);
	seen_tcb = 0;
	vg_handle_t t, port;
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_thread_start(tcb_thread, 0, &t), 0);
	CHECK_EQ(vg_port_bind(port, t, 1), 0);
	struct vg_port_packet pkt;
	CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
	CHECK_EQ(pkt.data[0], 0);
	CHECK(seen_tcb != 0 && seen_tcb != (uintptr_t)mine);
	CHECK(vg_tcb() == mine); /* switching back restored ours */
	CHECK_EQ(vg_thread_set_tls(~0ull), ERR_BAD_ADDRESS);
	vg_handle_close(t);
	vg_handle_close(port);
}
