// SPDX-License-Identifier: BSD-2-Clause
// Copy-on-write child VMOs: snapshots in both directions, grandchildren,
// teardown in any order, and the invalid arguments of vmo_create_child.
#include "../utest.h"

#define PG 4096

static uintptr_t map_rw(vg_handle_t vmo, size_t len)
{
	uintptr_t at = 0;
	if (vg_vm_map(self_h, vmo, 0, len, VG_VM_READ | VG_VM_WRITE, &at))
		return 0;
	return at;
}

static char vmo_byte(vg_handle_t vmo, uint64_t off)
{
	char c = '?';
	if (vg_vmo_read(vmo, off, &c, 1))
		return '!';
	return c;
}

UTEST(cow_snapshot_both_ways)
{
	vg_handle_t parent, child;
	CHECK_EQ(vg_vmo_create(4 * PG, 0, &parent), 0);
	/* The parent's pages are mapped and written before the child exists:
	 * its writable mapping must be write-protected when the child comes. */
	volatile char *p = (volatile char *)map_rw(parent, 4 * PG);
	CHECK(p != NULL);
	p[0] = 'a';
	p[PG] = 'b';
	p[2 * PG + 7] = 'c';
	CHECK_EQ(vg_vmo_create_child(parent, 0, 4 * PG, 0, &child), 0);
	volatile char *c = (volatile char *)map_rw(child, 4 * PG);
	CHECK(c != NULL);
	CHECK_EQ(c[0], 'a');
	CHECK_EQ(c[PG], 'b');
	CHECK_EQ(c[2 * PG + 7], 'c');
	/* Parent to child: not seen, through the mapping and through vmo_write. */
	p[0] = 'A';
	CHECK_EQ(c[0], 'a');
	CHECK_EQ(vmo_byte(child, 0), 'a');
	CHECK_EQ(vg_vmo_write(parent, 2 * PG + 7, "C", 1), 0);
	CHECK_EQ(c[2 * PG + 7], 'c');
	CHECK_EQ(p[2 * PG + 7], 'C');
	/* Child to parent: not seen either. */
	c[PG] = 'B';
	CHECK_EQ(p[PG], 'b');
	CHECK_EQ(vmo_byte(parent, PG), 'b');
	CHECK_EQ(c[PG], 'B');
	CHECK_EQ(vmo_byte(child, PG), 'B');
	/* A page nobody had touched: each side commits its own. */
	p[3 * PG] = 'P';
	CHECK_EQ(c[3 * PG], 0);
	c[3 * PG + 1] = 'Q';
	CHECK_EQ(p[3 * PG + 1], 0);
	/* After the child copied, the parent writes its (now private) page. */
	p[PG] = 'x';
	CHECK_EQ(c[PG], 'B');
	CHECK_EQ(vg_vm_unmap(self_h, (uintptr_t)p, 4 * PG), 0);
	CHECK_EQ(vg_vm_unmap(self_h, (uintptr_t)c, 4 * PG), 0);
	CHECK_EQ(vg_handle_close(parent), 0);
	CHECK_EQ(vg_handle_close(child), 0);
}

UTEST(cow_grandchildren)
{
	vg_handle_t a, b, g;
	CHECK_EQ(vg_vmo_create(3 * PG, 0, &a), 0);
	CHECK_EQ(vg_vmo_write(a, 0, "0", 1), 0);
	CHECK_EQ(vg_vmo_write(a, PG, "1", 1), 0);
	CHECK_EQ(vg_vmo_write(a, 2 * PG, "2", 1), 0);
	CHECK_EQ(vg_vmo_create_child(a, 0, 3 * PG, 0, &b), 0);
	CHECK_EQ(vg_vmo_write(b, PG, "B", 1), 0);
	/* The grandchild starts at page 1 of the child: it sees the child's
	 * write and the parent's untouched page 2. */
	CHECK_EQ(vg_vmo_create_child(b, PG, 2 * PG, 0, &g), 0);
	CHECK_EQ(vmo_byte(g, 0), 'B');
	CHECK_EQ(vmo_byte(g, PG), '2');
	volatile char *gm = (volatile char *)map_rw(g, 2 * PG);
	CHECK(gm != NULL);
	gm[PG] = 'G';
	CHECK_EQ(vmo_byte(a, 2 * PG), '2');
	CHECK_EQ(vmo_byte(b, 2 * PG), '2');
	CHECK_EQ(vg_vmo_write(a, 2 * PG, "A", 1), 0);
	CHECK_EQ(vg_vmo_write(b, PG, "b", 1), 0);
	CHECK_EQ(gm[0], 'B');
	CHECK_EQ(gm[PG], 'G');
	CHECK_EQ(vmo_byte(b, 2 * PG), '2');
	CHECK_EQ(vmo_byte(a, PG), '1');
	/* The parents go first; the grandchild keeps its pages. */
	CHECK_EQ(vg_handle_close(a), 0);
	CHECK_EQ(vg_handle_close(b), 0);
	CHECK_EQ(gm[0], 'B');
	CHECK_EQ(gm[PG], 'G');
	CHECK_EQ(vg_vm_unmap(self_h, (uintptr_t)gm, 2 * PG), 0);
	CHECK_EQ(vmo_byte(g, PG), 'G');
	CHECK_EQ(vg_handle_close(g), 0);
}

/* Three generations, mapped, closed and unmapped in every order of six
 * steps' worth: what stays readable keeps its contents. */
UTEST(cow_close_and_unmap_in_any_order)
{
	for (int order = 0; order < 6; order++) {
		vg_handle_t h[3];
		uintptr_t m[3];
		CHECK_EQ(vg_vmo_create(2 * PG, 0, &h[0]), 0);
		CHECK_EQ(vg_vmo_write(h[0], 0, "a", 1), 0);
		CHECK_EQ(vg_vmo_create_child(h[0], 0, 2 * PG, 0, &h[1]), 0);
		CHECK_EQ(vg_vmo_create_child(h[1], 0, 2 * PG, 0, &h[2]), 0);
		for (int i = 0; i < 3; i++) {
			m[i] = map_rw(h[i], 2 * PG);
			CHECK(m[i] != 0);
			((volatile char *)m[i])[PG] = (char)('x' + i);
		}
		((volatile char *)m[1])[0] = 'b';
		static const int perm[6][3] = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 },
						{ 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
		/* Close every handle in one order (the mappings keep the VMOs),
		 * then unmap in another. */
		for (int i = 0; i < 3; i++)
			CHECK_EQ(vg_handle_close(h[perm[order][i]]), 0);
		for (int i = 0; i < 3; i++) {
			int k = perm[(order + 3) % 6][i];
			for (int j = 0; j < 3; j++) {
				if (!m[j])
					continue;
				/* The grandchild was made before the child wrote. */
				CHECK_EQ(((volatile char *)m[j])[0], j == 1 ? 'b' : 'a');
				CHECK_EQ(((volatile char *)m[j])[PG], 'x' + j);
			}
			CHECK_EQ(vg_vm_unmap(self_h, m[k], 2 * PG), 0);
			m[k] = 0;
		}
	}
}

/* A child made through a read-only handle is the caller's own copy. */
UTEST(cow_child_of_read_only_handle_is_writable)
{
	vg_handle_t v, ro, c;
	CHECK_EQ(vg_vmo_create(PG, 0, &v), 0);
	CHECK_EQ(vg_vmo_write(v, 0, "r", 1), 0);
	CHECK_EQ(vg_handle_duplicate(v, VG_RIGHT_READ, &ro), 0);
	CHECK_EQ(vg_vmo_create_child(ro, 0, PG, 0, &c), 0);
	CHECK_EQ(vg_vmo_write(c, 0, "w", 1), 0);
	CHECK_EQ(vmo_byte(v, 0), 'r');
	CHECK_EQ(vmo_byte(c, 0), 'w');
	CHECK_EQ(vg_handle_close(ro), 0);
	CHECK_EQ(vg_handle_close(v), 0);
	CHECK_EQ(vg_handle_close(c), 0);
}

UTEST(cow_invalid_arguments)
{
	const uintptr_t kernel_ptr = (uintptr_t)0xffffffff80100000ull;
	const uintptr_t unmapped_ptr = 0x200000;
	vg_handle_t v, out, closed, maponly;
	CHECK_EQ(vg_vmo_create(2 * PG, 0, &v), 0);
	CHECK_EQ(vg_vmo_create(PG, 0, &closed), 0);
	CHECK_EQ(vg_handle_close(closed), 0);
	CHECK_EQ(vg_handle_duplicate(v, VG_RIGHT_MAP, &maponly), 0);
	CHECK_EQ(vg_vmo_create_child(0, 0, PG, 0, &out), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vmo_create_child(closed, 0, PG, 0, &out), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vmo_create_child(log_h, 0, PG, 0, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vmo_create_child(maponly, 0, PG, 0, &out), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_vmo_create_child(v, 0, PG, 2, &out), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vmo_create_child(v, 100, PG, 0, &out), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vmo_create_child(v, 0, 0, 0, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_child(v, PG, 2 * PG, 0, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_child(v, 4 * PG, PG, 0, &out), ERR_OUT_OF_RANGE);
	/* Up to the parent's end: the part of the range it has, which may be
	 * none (an empty child, whose every byte is past its end). */
	char byte;
	CHECK_EQ(vg_vmo_create_child(v, 4 * PG, PG, VG_CHILD_UP_TO_END, &out), 0);
	CHECK_EQ(vg_vmo_read(out, 0, &byte, 1), ERR_OUT_OF_RANGE);
	vg_handle_close(out);
	CHECK_EQ(vg_vmo_create_child(v, 2 * PG, PG, VG_CHILD_UP_TO_END, &out), 0);
	CHECK_EQ(vg_vmo_read(out, 0, &byte, 1), ERR_OUT_OF_RANGE);
	vg_handle_close(out);
	CHECK_EQ(vg_vmo_create_child(v, PG, 4 * PG, VG_CHILD_UP_TO_END, &out), 0);
	CHECK_EQ(vg_vmo_read(out, PG - 1, &byte, 1), 0);
	CHECK_EQ(vg_vmo_read(out, PG, &byte, 1), ERR_OUT_OF_RANGE);
	vg_handle_close(out);
	CHECK_EQ(vg_vmo_create_child(v, (uint64_t)-PG, 2 * PG, 0, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_child(v, 0, (uint64_t)-1, 0, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create_child(v, 0, PG, 0, (vg_handle_t *)kernel_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vmo_create_child(v, 0, PG, 0, (vg_handle_t *)unmapped_ptr), ERR_BAD_ADDRESS);
	/* A size that is not a multiple of pages is rounded up, as for
	 * vmo_create. */
	CHECK_EQ(vg_vmo_create_child(v, PG, 10, 0, &out), 0);
	CHECK_EQ(vg_handle_close(out), 0);
	CHECK_EQ(vg_handle_close(maponly), 0);
	CHECK_EQ(vg_handle_close(v), 0);
}

/* Faults that no mapping allows are reported and kill the thread, in a
 * child process: a write to its read-only data, a jump into its
 * non-executable data. */
UTEST(protection_faults_kill_the_faulting_thread)
{
	static const int read_only_word = 1;
	static volatile int data_word;
	const uint64_t targets[2][2] = { { 8, (uintptr_t)&read_only_word },
					 { 9, (uintptr_t)&data_word } };
	for (int i = 0; i < 2; i++) {
		vg_handle_t ep, give, child;
		CHECK_EQ(vg_endpoint_create(&ep), 0);
		CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give), 0);
		CHECK_EQ(spawn_child(give, &child), 0);
		struct msg m = { 1, { 0, 0, 0, 0 } }, r;
		CHECK_EQ(call(ep, &m, &r), 0); /* alive and serving */
		CHECK_EQ(r.tag, 2);
		m = (struct msg){ targets[i][0], { targets[i][1], 0, 0, 0 } };
		CHECK_EQ(call(ep, &m, &r), ERR_PEER_CLOSED);
		CHECK_EQ(vg_handle_close(ep), 0);
		CHECK_EQ(vg_handle_close(child), 0);
	}
	CHECK_EQ(read_only_word, 1);
	CHECK_EQ(data_word, 0);
}
