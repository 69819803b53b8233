// SPDX-License-Identifier: BSD-2-Clause
// Resources: the root one, deriving narrower ones, and every refusal.
#include "../utest.h"

UTEST(resource_root_and_derived)
{
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(resource_h, &info), 0);
	CHECK_EQ(info.type, VG_OBJ_RESOURCE);
	CHECK_EQ(info.rights, VG_RIGHT_MANAGE | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER);
	vg_handle_t mmio, inner, irq, io, out;
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_MMIO, 0x10000000, 0x100000, &mmio), 0);
	CHECK_EQ(vg_handle_info(mmio, &info), 0);
	CHECK_EQ(info.type, VG_OBJ_RESOURCE);
	CHECK_EQ(info.rights, VG_RIGHT_MANAGE | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER);
	/* Narrower inside narrower; the edges are inside. */
	CHECK_EQ(vg_resource_create(mmio, VG_RESOURCE_MMIO, 0x10000000, 0x100000, &inner), 0);
	CHECK_EQ(vg_handle_close(inner), 0);
	CHECK_EQ(vg_resource_create(mmio, VG_RESOURCE_MMIO, 0x100ff000, 0x1000, &inner), 0);
	/* Never wider, never beside, never another kind. */
	CHECK_EQ(vg_resource_create(inner, VG_RESOURCE_MMIO, 0x100fe000, 0x2000, &out),
		 ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_resource_create(mmio, VG_RESOURCE_MMIO, 0x0fffffff, 2, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_resource_create(mmio, VG_RESOURCE_MMIO, 0x10100000, 1, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_resource_create(mmio, VG_RESOURCE_IRQ, 0, 1, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_close(inner), 0);
	/* Each kind has its own span. */
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IRQ, 32, 16, &irq), 0);
	CHECK_EQ(vg_resource_create(irq, VG_RESOURCE_IRQ, 40, 8, &out), 0);
	CHECK_EQ(vg_handle_close(out), 0);
	CHECK_EQ(vg_resource_create(irq, VG_RESOURCE_IRQ, 31, 2, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IRQ, 0xffffffffull, 2, &out),
		 ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IOPORT, 0x3f8, 8, &io), 0);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IOPORT, 0xfff0, 0x11, &out),
		 ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_resource_create(io, VG_RESOURCE_MMIO, 0x3f8, 8, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_MMIO, 1ull << 52, 0x1000, &out),
		 ERR_OUT_OF_RANGE);
	/* A derived resource survives its parent's handle. */
	CHECK_EQ(vg_handle_close(irq), 0);
	CHECK_EQ(vg_handle_close(mmio), 0);
	CHECK_EQ(vg_handle_close(io), 0);
}

UTEST(resource_invalid_arguments)
{
	const uintptr_t kernel_ptr = (uintptr_t)0xffffffff80100000ull;
	const uintptr_t unmapped_ptr = 0x200000;
	vg_handle_t out, closed, nomanage, vmo;
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IRQ, 1, 1, &closed), 0);
	CHECK_EQ(vg_handle_close(closed), 0);
	CHECK_EQ(vg_handle_duplicate(resource_h, VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, &nomanage),
		 0);
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	CHECK_EQ(vg_resource_create(0, VG_RESOURCE_IRQ, 1, 1, &out), ERR_BAD_HANDLE);
	CHECK_EQ(vg_resource_create(closed, VG_RESOURCE_IRQ, 1, 1, &out), ERR_BAD_HANDLE);
	CHECK_EQ(vg_resource_create(vmo, VG_RESOURCE_IRQ, 1, 1, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_resource_create(nomanage, VG_RESOURCE_IRQ, 1, 1, &out), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_ROOT, 0, 1, &out), ERR_INVALID_ARGS);
	CHECK_EQ(vg_resource_create(resource_h, 4, 0, 1, &out), ERR_INVALID_ARGS);
	CHECK_EQ(vg_resource_create(resource_h, 0xffffffffu, 0, 1, &out), ERR_INVALID_ARGS);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IRQ, 1, 0, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_MMIO, (uint64_t)-4096, 8192, &out),
		 ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IRQ, 1, 1, (vg_handle_t *)kernel_ptr),
		 ERR_BAD_ADDRESS);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IRQ, 1, 1, (vg_handle_t *)unmapped_ptr),
		 ERR_BAD_ADDRESS);
	/* A handle without MANAGE still moves and copies. */
	CHECK_EQ(vg_handle_duplicate(nomanage, VG_RIGHT_TRANSFER, &out), 0);
	CHECK_EQ(vg_handle_close(out), 0);
	CHECK_EQ(vg_handle_close(nomanage), 0);
	CHECK_EQ(vg_handle_close(vmo), 0);
}
