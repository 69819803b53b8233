// SPDX-License-Identifier: BSD-2-Clause
// Badge notices (endpoint_watch, docs/ARCHITECTURE.md section 11): the
// last handle with a badge going is a message to the endpoint's receiver;
// duplicates and moves keep the badge alive; badges minted before the
// watch, and callers, cannot make one.
#include "../utest.h"

/* The endpoint is ready within 20 ms (a notice or a caller waits). */
static bool ready(vg_handle_t port, vg_handle_t ep)
{
	struct vg_port_packet pkt;
	if (vg_port_bind(port, ep, 1))
		return false;
	if (next_packet(port, 20 * 1000 * 1000, &pkt) == 0)
		return pkt.type == VG_PACKET_ENDPOINT;
	vg_port_unbind(port, ep, 1);
	return false;
}

UTEST(ipc_badge_closed_notice)
{
	vg_handle_t ep, early, b, b2, b3, moved, port, weak;
	const uint32_t r = VG_RIGHT_SIGNAL | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_endpoint_mint(ep, r, 7, &early), 0); /* before the watch: not counted */
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_WAIT, &weak), 0);
	CHECK_EQ(vg_endpoint_watch(weak), ERR_ACCESS_DENIED); /* manage only */
	CHECK_EQ(vg_endpoint_watch(0x7fff1234), ERR_BAD_HANDLE);
	CHECK_EQ(vg_endpoint_watch(port), ERR_WRONG_TYPE);
	CHECK_EQ(vg_endpoint_watch(ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, r, 5, &b), 0);
	CHECK_EQ(vg_handle_duplicate(b, r, &b2), 0);
	CHECK_EQ(vg_handle_duplicate(b, r, &b3), 0);
	CHECK_EQ(vg_handle_close(b), 0);
	CHECK_EQ(vg_handle_close(b2), 0);
	CHECK(!ready(port, ep)); /* b3 still carries badge 5 */
	CHECK_EQ(vg_handle_transfer(b3, self_h, &moved), 0);
	CHECK(!ready(port, ep)); /* moved, never gone */
	CHECK_EQ(vg_handle_close(early), 0);
	CHECK(!ready(port, ep));
	CHECK_EQ(vg_handle_close(moved), 0);
	CHECK(ready(port, ep));
	struct msg m;
	CHECK_EQ(reply_recv(ep, NULL, &m), 5);
	CHECK_EQ(m.tag, VG_IPC_TAG_BADGE_CLOSED);
	CHECK(!ready(port, ep)); /* one notice per badge */
	/* Nobody sends the kernel's tag. */
	CHECK_EQ(vg_endpoint_mint(ep, r, 9, &b), 0);
	struct msg fake = { VG_IPC_TAG_BADGE_CLOSED, { 0 } }, reply;
	CHECK_EQ(call(b, &fake, &reply), ERR_INVALID_ARGS);
	CHECK_EQ(vg_handle_close(b), 0);
	CHECK_EQ(reply_recv(ep, NULL, &m), 9);
	CHECK_EQ(m.tag, VG_IPC_TAG_BADGE_CLOSED);
	CHECK_EQ(vg_handle_close(weak), 0);
	CHECK_EQ(vg_handle_close(port), 0);
	CHECK_EQ(vg_handle_close(ep), 0);
}
