// SPDX-License-Identifier: BSD-2-Clause
// Other processes: isolation, handle transfer, a crashing child.
#include "../utest.h"

UTEST(process_isolation_transfer_and_crash)
{
	vg_handle_t ep, give, child = 0;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give), 0);
	/* Without the transfer right a handle stays where it is. */
	vg_handle_t stuck, scratch;
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_WAIT | VG_RIGHT_DUPLICATE, &stuck), 0);
	CHECK_EQ(vg_process_create(&scratch), 0);
	CHECK_EQ(vg_handle_transfer(stuck, scratch, &stuck), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(stuck), 0);
	CHECK_EQ(vg_handle_transfer(log_h, log_h, &stuck), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_close(scratch), 0); /* never started: it just goes */

	isolation_probe = 1; /* the child's copy starts with this */
	CHECK_EQ(spawn_child(give, &child), 0);
	isolation_probe = 2;
	/* The handle moved: the sender no longer has it. */
	CHECK_EQ(vg_handle_close(give), ERR_BAD_HANDLE);

	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(ep, &m, &r), 0); /* IPC across address spaces */
	CHECK_EQ(r.tag, 2);
	CHECK_EQ(r.w[0], 1); /* its memory is its own */
	m = (struct msg){ 3, { 77, 0, 0, 0 } };
	CHECK_EQ(call(ep, &m, &r), 0);
	CHECK_EQ(r.w[0], 77);
	CHECK_EQ(isolation_probe, 2); /* and ours is ours */

	/* A fault kills the child, not us, and fails the call in progress. */
	m = (struct msg){ 2, { 0, 0, 0, 0 } };
	CHECK_EQ(call(ep, &m, &r), ERR_PEER_CLOSED);
	CHECK_EQ(vg_thread_yield(), 0);
	vg_handle_close(child);
	vg_handle_close(ep);
}
