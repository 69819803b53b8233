// SPDX-License-Identifier: BSD-2-Clause
// The process calls (docs/ARCHITECTURE.md section 14): vm_clone,
// process_info and memory_free, with good and bad arguments.
#include "../utest.h"

static const uintptr_t kernel_ptr = (uintptr_t)0xffffffff80100000ull;
static const uintptr_t unmapped_ptr = 0x200000;

UTEST(proc_vm_clone_copies_and_refuses_bad_arguments)
{
	vg_handle_t child, vmo, weak, other;
	CHECK_EQ(vg_process_create(&child), 0);
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	CHECK_EQ(vg_vm_clone(self_h, self_h), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vm_clone(0, child), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vm_clone(self_h, 0x7fff1234), ERR_BAD_HANDLE);
	CHECK_EQ(vg_vm_clone(vmo, child), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vm_clone(self_h, vmo), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_duplicate(child, VG_RIGHT_MANAGE | VG_RIGHT_WAIT, &weak), 0);
	CHECK_EQ(vg_vm_clone(self_h, weak), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_vm_clone(weak, self_h), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);
	/* A snapshot of this program's memory: as much mapped there as here,
	 * and its pages still shared (nothing committed twice yet). */
	struct vg_process_info mine, theirs;
	CHECK_EQ(vg_vm_clone(self_h, child), 0);
	CHECK_EQ(vg_process_info(self_h, &mine), 0);
	CHECK_EQ(vg_process_info(child, &theirs), 0);
	CHECK(theirs.mapped > 0 && theirs.mapped <= mine.mapped + (1u << 20));
	CHECK(theirs.mapped + (1u << 20) >= mine.mapped);
	CHECK_EQ(theirs.threads, 0);
	CHECK_EQ(theirs.state, VG_PROCESS_RUNNING);
	/* Only into an empty address space. */
	CHECK_EQ(vg_vm_clone(self_h, child), ERR_BAD_STATE);
	CHECK_EQ(vg_process_create(&other), 0);
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(other, vmo, 0, 4096, VG_VM_READ, &at), 0);
	CHECK_EQ(vg_vm_clone(child, other), ERR_BAD_STATE);
	CHECK_EQ(vg_handle_close(other), 0);
	CHECK_EQ(vg_handle_close(child), 0);
	CHECK_EQ(vg_handle_close(vmo), 0);
}

UTEST(proc_process_info_reports_and_refuses_bad_arguments)
{
	struct vg_process_info info;
	vg_handle_t vmo;
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	CHECK_EQ(vg_process_info(self_h, (struct vg_process_info *)kernel_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_process_info(self_h, (struct vg_process_info *)unmapped_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_process_info(vmo, &info), ERR_WRONG_TYPE);
	CHECK_EQ(vg_process_info(0, &info), ERR_BAD_HANDLE);
	CHECK_EQ(vg_process_info(self_h, &info), 0);
	CHECK(info.threads >= 1);
	CHECK_EQ(info.state, VG_PROCESS_RUNNING);
	CHECK(info.cpu_ns > 0);
	CHECK(info.mapped >= info.committed && info.committed > 0);
	/* Committing memory shows, in the process and in the system. */
	long free0 = vg_memory_free();
	CHECK(free0 > 0);
	uint64_t committed0 = info.committed;
	const size_t len = 1 << 20;
	uintptr_t at = vg_map_anon(self_h, len);
	CHECK(at != 0);
	for (size_t off = 0; at && off < len; off += 4096)
		((volatile char *)at)[off] = 1;
	CHECK_EQ(vg_process_info(self_h, &info), 0);
	CHECK(info.committed >= committed0 + len);
	CHECK(vg_memory_free() <= free0 - (long)len);
	CHECK_EQ(vg_vm_unmap(self_h, at, len), 0);
	CHECK(vg_memory_free() >= free0 - 64 * 1024);
	CHECK_EQ(vg_handle_close(vmo), 0);
}

UTEST(memory_info_totals_and_free)
{
	struct vg_memory_info m;
	CHECK_EQ(vg_memory_info(&m), 0);
	/* QEMU gives every arch 512 MiB, some of it firmware's. */
	CHECK(m.total > 256ull << 20 && m.total <= 512ull << 20);
	CHECK(m.free > 0 && m.free < m.total);
	/* The same figure memory_free gives (nothing allocates in between
	 * but page tables, which come from the kernel heap's own pages). */
	long free1 = vg_memory_free();
	CHECK(m.free >= (uint64_t)free1 - (64 << 10) && m.free <= (uint64_t)free1 + (64 << 10));
	CHECK_EQ(vg_memory_info((struct vg_memory_info *)0), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_memory_info((struct vg_memory_info *)(uintptr_t)0xffffffff80100000ull),
		 ERR_BAD_ADDRESS);
}

/* kernel_counts follows what is made and freed: objects by type, the
 * kernel heap, page tables (a process's root). Twice: the first round may
 * grow the handle table, which keeps its size. */
UTEST(kernel_counts_follow_objects)
{
	struct vg_kernel_counts a, b, c;
	for (int round = 0; round < 2; round++) {
		CHECK_EQ(vg_kernel_counts(&a), 0);
		CHECK(a.free_pages > 0 && a.heap_bytes > 0 && a.heap_slab_pages > 0 &&
		      a.table_pages > 0);
		CHECK(a.objects[VG_OBJ_PROCESS] >= 1 && a.objects[VG_OBJ_THREAD] >= 1);
		vg_handle_t ep[3], proc;
		for (int i = 0; i < 3; i++)
			CHECK_EQ(vg_endpoint_create(&ep[i]), 0);
		CHECK_EQ(vg_process_create(&proc), 0);
		CHECK_EQ(vg_kernel_counts(&b), 0);
		CHECK_EQ(b.objects[VG_OBJ_ENDPOINT], a.objects[VG_OBJ_ENDPOINT] + 3);
		CHECK_EQ(b.objects[VG_OBJ_PROCESS], a.objects[VG_OBJ_PROCESS] + 1);
		CHECK_EQ(b.table_pages, a.table_pages + 1);
		CHECK(b.heap_bytes > a.heap_bytes);
		for (int i = 0; i < 3; i++)
			CHECK_EQ(vg_handle_close(ep[i]), 0);
		CHECK_EQ(vg_handle_close(proc), 0);
		CHECK_EQ(vg_kernel_counts(&c), 0);
	}
	CHECK_EQ(c.objects[VG_OBJ_ENDPOINT], a.objects[VG_OBJ_ENDPOINT]);
	CHECK_EQ(c.objects[VG_OBJ_PROCESS], a.objects[VG_OBJ_PROCESS]);
	CHECK_EQ(c.table_pages, a.table_pages);
	CHECK_EQ(c.heap_bytes, a.heap_bytes);
	CHECK_EQ(vg_kernel_counts((struct vg_kernel_counts *)0), ERR_BAD_ADDRESS);
}

/* Unmapping gives back the page tables the range needed: a process that
 * maps fresh addresses again and again (the C library's page source never
 * reuses one) would otherwise keep a table for every 2 MiB it ever used,
 * and a long-lived server's memory would grow for ever. */
UTEST(unmapped_ranges_give_their_tables_back)
{
	struct vg_process_info before, after;
	vg_handle_t vmo;
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	CHECK_EQ(vg_process_info(vg_self(), &before), 0);
	for (uintptr_t i = 0; i < 64; i++) {
		/* One page in each of 64 fresh 2 MiB spans, 200 GiB up (below
		 * every architecture's user top, above what the kernel picks). */
		uintptr_t at = ((uintptr_t)200 << 30) + i * (2u << 20);
		CHECK_EQ(vg_vm_map(vg_self(), vmo, 0, 4096, VG_VM_READ | VG_VM_WRITE | VG_VM_FIXED,
				   &at),
			 0);
		*(volatile char *)at = 1;
		CHECK_EQ(vg_vm_unmap(vg_self(), at, 4096), 0);
	}
	CHECK_EQ(vg_process_info(vg_self(), &after), 0);
	CHECK(after.tables <= before.tables);
	CHECK_EQ(vg_handle_close(vmo), 0);
}
