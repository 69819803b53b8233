// SPDX-License-Identifier: BSD-2-Clause
// vmo_set_size: a VMO grows and shrinks in place, its mappings stay.
#include "../utest.h"

UTEST(vmo_set_size_grows_and_shrinks)
{
	vg_handle_t v, ro;
	CHECK_EQ(vg_vmo_create(2 * 4096, 0, &v), 0);
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(self_h, v, 0, 4 * 4096, VG_VM_READ | VG_VM_WRITE, &at),
		 ERR_INVALID_ARGS);
	CHECK_EQ(vg_vm_map(self_h, v, 0, 2 * 4096, VG_VM_READ | VG_VM_WRITE, &at), 0);
	volatile char *p = (volatile char *)at;
	p[0] = 'a';
	p[4096] = 'b';
	/* Smaller: the second page goes, the first stays. */
	CHECK_EQ(vg_vmo_set_size(v, 4096), 0);
	char c = 0;
	CHECK_EQ(vg_vmo_read(v, 4096, &c, 1), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_read(v, 0, &c, 1), 0);
	CHECK_EQ(c, 'a');
	/* Larger again: the page comes back zeroed, through the same mapping. */
	CHECK_EQ(vg_vmo_set_size(v, 3 * 4096 - 100), 0);
	CHECK_EQ(vg_vmo_read(v, 4096, &c, 1), 0);
	CHECK_EQ(c, 0);
	CHECK_EQ(p[4096], 0);
	p[4096] = 'c';
	CHECK_EQ(vg_vmo_read(v, 4096, &c, 1), 0);
	CHECK_EQ(c, 'c');
	CHECK_EQ(vg_vmo_read(v, 3 * 4096 - 1, &c, 1), 0); /* rounded up to pages */
	CHECK_EQ(p[0], 'a');
	/* Zero is a size; the rights and the limit are checked. */
	CHECK_EQ(vg_vm_unmap(self_h, at, 2 * 4096), 0);
	CHECK_EQ(vg_vmo_set_size(v, 0), 0);
	CHECK_EQ(vg_vmo_read(v, 0, &c, 1), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_set_size(v, 1ull << 40), ERR_OUT_OF_RANGE);
	/* Writing is not enough: the size is the creator's (tmpfs gives its
	 * clients write access to files' pages, never their size). */
	CHECK_EQ(vg_handle_duplicate(v, VG_RIGHT_READ | VG_RIGHT_WRITE | VG_RIGHT_MAP, &ro), 0);
	CHECK_EQ(vg_vmo_set_size(ro, 4096), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_vmo_set_size(self_h, 4096), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vmo_set_size(0, 4096), ERR_BAD_HANDLE);
	vg_handle_close(ro);
	vg_handle_close(v);
}

UTEST(vmo_set_size_keeps_cow_children_apart)
{
	vg_handle_t v, child;
	CHECK_EQ(vg_vmo_create(2 * 4096, 0, &v), 0);
	CHECK_EQ(vg_vmo_write(v, 4096, "parent", 6), 0);
	CHECK_EQ(vg_vmo_create_child(v, 0, 2 * 4096, 0, &child), 0);
	/* The parent's shared page is let go; the child keeps its copy. */
	CHECK_EQ(vg_vmo_set_size(v, 4096), 0);
	char back[6];
	CHECK_EQ(vg_vmo_read(child, 4096, back, 6), 0);
	CHECK(!memcmp(back, "parent", 6));
	CHECK_EQ(vg_vmo_set_size(v, 2 * 4096), 0);
	CHECK_EQ(vg_vmo_read(v, 4096, back, 6), 0);
	CHECK_EQ(back[0], 0);
	vg_handle_close(child);
	vg_handle_close(v);
}
