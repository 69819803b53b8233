// SPDX-License-Identifier: BSD-2-Clause
// Every call, with each kind of bad argument.
#include "../utest.h"

/* Every call added with IPC and memory, with each kind of bad argument; each
 * must fail with its documented error and leave nothing behind. */
UTEST(invalid_arguments_everywhere)
{
	const uintptr_t kernel_ptr = (uintptr_t)0xffffffff80100000ull;
	const uintptr_t unmapped_ptr = 0x200000; /* below the program, never mapped */
	vg_handle_t ep, note, vmo, out;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	char buf[16];
	uintptr_t scratch_addr = 0;

	/* Output pointers: kernel and unmapped addresses, and no handle leaks. */
	CHECK_EQ(vg_endpoint_create((vg_handle_t *)kernel_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_notification_create((vg_handle_t *)unmapped_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vmo_create(4096, 0, (vg_handle_t *)kernel_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_process_create((vg_handle_t *)unmapped_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_SIGNAL, 1, (vg_handle_t *)kernel_ptr),
		 ERR_BAD_ADDRESS);
	uintptr_t *bad_addr = (uintptr_t *)kernel_ptr;
	CHECK_EQ(vg_vm_map(self_h, vmo, 0, 4096, VG_VM_READ, bad_addr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vm_map(self_h, vmo, 0, 4096, VG_VM_READ | VG_VM_FIXED, bad_addr),
		 ERR_BAD_ADDRESS);
	CHECK_EQ(vg_log_read(log_h, 0, (struct vg_log_record *)kernel_ptr, 512), ERR_BAD_ADDRESS);

	/* Data pointers and lengths. */
	CHECK_EQ(vg_vmo_write(vmo, 0, (const void *)kernel_ptr, 8), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vmo_read(vmo, 0, (void *)unmapped_ptr, 8), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vmo_read(vmo, 4090, buf, 16), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_read(vmo, (uint64_t)-8, buf, 16), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_futex_wake((const uint32_t *)kernel_ptr, 1), 0); /* nobody waits there */
	CHECK_EQ(vg_futex_wait((const uint32_t *)kernel_ptr, 0, 0), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_futex_wait((const uint32_t *)unmapped_ptr, 0, 0), ERR_BAD_ADDRESS);

	/* Wrong object types. */
	CHECK_EQ(vg_vmo_read(ep, 0, buf, 1), ERR_WRONG_TYPE);
	CHECK_EQ(vg_ipc_recv(note), ERR_WRONG_TYPE);
	CHECK_EQ(vg_notification_wait(ep, 0), ERR_WRONG_TYPE);
	CHECK_EQ(vg_endpoint_mint(vmo, VG_RIGHT_SIGNAL, 1, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vm_map(self_h, ep, 0, 4096, VG_VM_READ, &scratch_addr), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vm_unmap(vmo, 0x400000, 4096), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_transfer(vmo, ep, &out), ERR_WRONG_TYPE);

	/* Missing rights. */
	vg_handle_t weak;
	CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_DUPLICATE, &weak), 0);
	CHECK_EQ(vg_notification_signal(weak, 1), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_notification_wait(weak, 0), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_SIGNAL, &weak), 0);
	CHECK_EQ(vg_ipc_recv(weak), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_ipc_reply_recv(weak, 0, 0, 0, 0, 0), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_endpoint_mint(weak, VG_RIGHT_SIGNAL, 1, &out), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);
	CHECK_EQ(vg_handle_duplicate(vmo, VG_RIGHT_READ, &weak), 0);
	CHECK_EQ(vg_vm_map(self_h, weak, 0, 4096, VG_VM_READ, &scratch_addr), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_transfer(weak, self_h, &out), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);

	/* Bad flags and ranges. */
	CHECK_EQ(vg_vm_unmap(self_h, 0x400001, 4096), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vm_unmap(self_h, kernel_ptr, 4096), ERR_INVALID_ARGS);
	CHECK_EQ(vg_thread_create(self_h, kernel_ptr, 0x1000, 0, 0, &out), ERR_INVALID_ARGS);
	CHECK_EQ(vg_futex_wake((const uint32_t *)((uintptr_t)buf | 1), 1), ERR_INVALID_ARGS);

	/* Closed handles. */
	CHECK_EQ(vg_handle_close(note), 0);
	CHECK_EQ(vg_notification_signal(note, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_handle_close(vmo), 0);
	CHECK_EQ(vg_vmo_read(vmo, 0, buf, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_handle_close(ep), 0);
	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(ep, &m, &r), ERR_BAD_HANDLE);
}

struct test {
	const char *name;
	void (*fn)(void);
};
