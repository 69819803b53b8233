// SPDX-License-Identifier: BSD-2-Clause
// Faults in another process: exception packets and resuming, killing a
// process, and a fault killing every thread of its process.
#include "../utest.h"

static vg_handle_t fault_ep;
static volatile long fault_call_status = 1;

static void faulting_caller(uint64_t addr)
{
	struct msg m = { 8, { addr, 0x1234, 0, 0 } }, r;
	fault_call_status = call(fault_ep, &m, &r);
	if (fault_call_status == 0 && r.tag != 9)
		fault_call_status = -1000;
	vg_thread_exit(0);
}

/* A child serving two endpoints, each with its own thread; *thread gets
 * the second server thread's handle. */
static long two_server_child(vg_handle_t ep1, vg_handle_t ep2, vg_handle_t *child,
			     vg_handle_t *thread)
{
	vg_handle_t g1, g2;
	long st = vg_endpoint_mint(ep1, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &g1);
	if (!st)
		st = vg_endpoint_mint(ep2, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &g2);
	if (!st)
		st = spawn_child(g1, child);
	return st ? st : child_add_server(*child, g2, thread);
}

UTEST(exception_port_gets_the_fault_and_resumes)
{
	vg_handle_t ep1, ep2, child, thread, port;
	CHECK_EQ(vg_endpoint_create(&ep1), 0);
	CHECK_EQ(vg_endpoint_create(&ep2), 0);
	CHECK_EQ(two_server_child(ep1, ep2, &child, &thread), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_process_set_exception_port(child, port, 77), 0);
	CHECK_EQ(vg_port_bind(port, child, 78), 0);
	const uintptr_t hole = 0x30000000; /* nothing mapped there in the child */
	fault_ep = ep2;
	fault_call_status = 1;
	CHECK_EQ(vg_thread_resume(thread), ERR_BAD_STATE); /* not stopped yet */
	CHECK_EQ(vg_thread_start(faulting_caller, hole + 8, NULL), 0);
	struct vg_port_packet pkt;
	CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
	CHECK_EQ(pkt.key, 77);
	CHECK_EQ(pkt.type, VG_PACKET_EXCEPTION);
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(thread, &info), 0);
	CHECK_EQ(pkt.data[0], info.koid);
	CHECK_EQ(pkt.data[1], VG_EXC_WRITE_FAULT);
	CHECK_EQ(pkt.data[2], hole + 8);
	CHECK_EQ(fault_call_status, 1); /* its caller still waits */
	/* The handler maps memory there and lets the thread try again. */
	vg_handle_t vmo;
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	uintptr_t at = hole;
	CHECK_EQ(vg_vm_map(child, vmo, 0, 4096, VG_VM_READ | VG_VM_WRITE | VG_VM_FIXED, &at), 0);
	CHECK_EQ(vg_thread_resume(child), ERR_WRONG_TYPE);
	CHECK_EQ(vg_thread_resume(thread), 0);
	for (int i = 0; i < 1000 && fault_call_status == 1; i++)
		vg_thread_yield();
	CHECK_EQ(fault_call_status, 0);
	uint64_t word = 0;
	CHECK_EQ(vg_vmo_read(vmo, 8, &word, sizeof(word)), 0);
	CHECK_EQ(word, 0x1234);

	/* Killing: every thread goes, and the exit is seen. */
	CHECK_EQ(vg_process_kill(child, 99), 0);
	CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
	CHECK_EQ(pkt.key, 78);
	CHECK_EQ(pkt.type, VG_PACKET_PROCESS_EXIT);
	CHECK_EQ(pkt.data[0], 99);
	CHECK_EQ(vg_port_bind(port, thread, 79), 0); /* its threads went with it */
	CHECK_EQ(next_packet(port, 0, &pkt), 0);
	CHECK(pkt.key == 79 && pkt.type == VG_PACKET_THREAD_EXIT && pkt.data[0] == 99);
	CHECK_EQ(vg_process_kill(log_h, 1), ERR_WRONG_TYPE);
	CHECK_EQ(vg_process_set_exception_port(child, log_h, 1), ERR_WRONG_TYPE);
	vg_handle_close(vmo);
	vg_handle_close(thread);
	vg_handle_close(port);
	vg_handle_close(child);
	vg_handle_close(ep1);
	vg_handle_close(ep2);
}

UTEST(a_fault_without_a_handler_kills_every_thread)
{
	vg_handle_t ep1, ep2, child, thread, port;
	CHECK_EQ(vg_endpoint_create(&ep1), 0);
	CHECK_EQ(vg_endpoint_create(&ep2), 0);
	CHECK_EQ(two_server_child(ep1, ep2, &child, &thread), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_port_bind(port, child, 1), 0);
	CHECK_EQ(vg_port_bind(port, thread, 2), 0);
	struct msg m = { 2, { 0, 0, 0, 0 } }, r; /* the first server writes through NULL */
	CHECK_EQ(call(ep1, &m, &r), ERR_PEER_CLOSED);
	struct vg_port_packet pkt;
	int seen = 0;
	for (int i = 0; i < 2; i++) {
		CHECK_EQ(next_packet(port, 1000000000, &pkt), 0);
		seen |= 1 << pkt.key;
		CHECK_EQ((long)pkt.data[0], -1);
	}
	CHECK_EQ(seen, 6); /* the process and its other thread */
	vg_handle_close(thread);
	vg_handle_close(port);
	vg_handle_close(child);
	vg_handle_close(ep1);
	vg_handle_close(ep2);
}
