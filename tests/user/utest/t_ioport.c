// SPDX-License-Identifier: BSD-2-Clause
// x86 I/O ports through ioport objects; ERR_NOT_SUPPORTED elsewhere.
#include "../utest.h"

/* COM1's scratch register: a byte the UART keeps and does nothing with
 * (the kernel's console driver never touches it). */
#define SCRATCH_PORT 0x3ff

#if defined(__x86_64__)
UTEST(ioport_enables_ports_for_this_process_only)
{
	vg_handle_t io, ep, give, child;
	CHECK_EQ(vg_ioport_create(resource_h, SCRATCH_PORT, 1, &io), 0);
	CHECK_EQ(vg_ioport_enable(io, 1), 0);
	vg_outb(SCRATCH_PORT, 0x5a);
	CHECK_EQ(vg_inb(SCRATCH_PORT), 0x5a);
	vg_outb(SCRATCH_PORT, 0xa5);
	CHECK_EQ(vg_inb(SCRATCH_PORT), 0xa5);
	/* Another process does not have them: its `in` faults and kills it. */
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give), 0);
	CHECK_EQ(spawn_child(give, &child), 0);
	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(ep, &m, &r), 0);
	m = (struct msg){ 10, { SCRATCH_PORT, 0, 0, 0 } };
	CHECK_EQ(call(ep, &m, &r), ERR_PEER_CLOSED);
	CHECK_EQ(vg_handle_close(ep), 0);
	CHECK_EQ(vg_handle_close(child), 0);
	/* After the switches back, ours still work. */
	CHECK_EQ(vg_inb(SCRATCH_PORT), 0xa5);
	/* Disabling is allowed (and then the port would fault here too). */
	CHECK_EQ(vg_ioport_enable(io, 0), 0);
	CHECK_EQ(vg_ioport_enable(io, 1), 0);
	CHECK_EQ(vg_inb(SCRATCH_PORT), 0xa5);
	CHECK_EQ(vg_ioport_enable(io, 0), 0);
	CHECK_EQ(vg_handle_close(io), 0);
}

UTEST(ioport_invalid_arguments)
{
	const uintptr_t kernel_ptr = (uintptr_t)0xffffffff80100000ull;
	vg_handle_t io, com, mmio, closed, mapless, out;
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IOPORT, 0x3f8, 8, &com), 0);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_MMIO, 0x10000000, 4096, &mmio), 0);
	CHECK_EQ(vg_ioport_create(com, 0x3f8, 8, &io), 0);
	CHECK_EQ(vg_ioport_create(com, 0x3f8, 8, &closed), 0);
	CHECK_EQ(vg_handle_close(closed), 0);
	CHECK_EQ(vg_handle_duplicate(io, VG_RIGHT_DUPLICATE, &mapless), 0);
	/* ioport_create */
	CHECK_EQ(vg_ioport_create(0, 0x3f8, 1, &out), ERR_BAD_HANDLE);
	CHECK_EQ(vg_ioport_create(closed, 0x3f8, 1, &out), ERR_BAD_HANDLE);
	CHECK_EQ(vg_ioport_create(io, 0x3f8, 1, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_ioport_create(mmio, 0x3f8, 1, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_ioport_create(com, 0x2f8, 1, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_ioport_create(com, 0x3f8, 9, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_ioport_create(resource_h, 0x3f8, 0, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_ioport_create(resource_h, 0xffff, 2, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_ioport_create(resource_h, 0x10000, 1, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_ioport_create(com, 0x3f8, 1, (vg_handle_t *)kernel_ptr), ERR_BAD_ADDRESS);
	/* ioport_enable */
	CHECK_EQ(vg_ioport_enable(0, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_ioport_enable(closed, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_ioport_enable(com, 1), ERR_WRONG_TYPE);
	CHECK_EQ(vg_ioport_enable(mapless, 1), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_ioport_enable(io, 2), ERR_INVALID_ARGS);
	CHECK_EQ(vg_handle_close(mapless), 0);
	CHECK_EQ(vg_handle_close(io), 0);
	CHECK_EQ(vg_handle_close(mmio), 0);
	CHECK_EQ(vg_handle_close(com), 0);
}
#else
UTEST(ioport_not_supported)
{
	vg_handle_t out;
	CHECK_EQ(vg_ioport_create(resource_h, SCRATCH_PORT, 1, &out), ERR_NOT_SUPPORTED);
	CHECK_EQ(vg_ioport_enable(resource_h, 1), ERR_NOT_SUPPORTED);
	/* Port ranges exist as resources everywhere (they are only numbers). */
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IOPORT, 0x3f8, 8, &out), 0);
	CHECK_EQ(vg_handle_close(out), 0);
}
#endif
