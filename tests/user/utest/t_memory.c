// SPDX-License-Identifier: BSD-2-Clause
// Demand-zero memory, VMOs and mappings.
#include "../utest.h"

UTEST(memory_is_demand_zero)
{
	static volatile uint8_t big[256 * 1024]; /* bss: pages appear on first touch */
	unsigned long sum = 0;
	for (size_t i = 0; i < sizeof(big); i += 4096)
		sum += big[i];
	CHECK_EQ(sum, 0);
	for (size_t i = 0; i < sizeof(big); i += 4096)
		big[i] = (uint8_t)(i >> 12);
	for (size_t i = 0; i < sizeof(big); i += 4096)
		CHECK_EQ(big[i], (uint8_t)(i >> 12));
}

UTEST(vmo_read_write_and_map)
{
	vg_handle_t v;
	CHECK_EQ(vg_vmo_create(3 * 4096, 0, &v), 0);
	static const char hello[] = "written through vmo_write";
	CHECK_EQ(vg_vmo_write(v, 4096 + 10, hello, sizeof(hello)), 0);
	char back[sizeof(hello)];
	CHECK_EQ(vg_vmo_read(v, 4096 + 10, back, sizeof(back)), 0);
	CHECK(!memcmp(back, hello, sizeof(hello)));
	CHECK_EQ(vg_vmo_read(v, 3 * 4096 - 4, back, 8), ERR_OUT_OF_RANGE);
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(self_h, v, 0, 3 * 4096, VG_VM_READ | VG_VM_WRITE, &at), 0);
	CHECK(at != 0);
	CHECK(!memcmp((char *)at + 4096 + 10, hello, sizeof(hello))); /* same pages */
	((char *)at)[0] = 'Z';
	CHECK_EQ(vg_vmo_read(v, 0, back, 1), 0);
	CHECK_EQ(back[0], 'Z');
	CHECK_EQ(vg_vm_unmap(self_h, at, 3 * 4096), 0);
	/* W^X, fixed placement over an existing mapping, bad flags. */
	uintptr_t wx = 0;
	CHECK_EQ(vg_vm_map(self_h, v, 0, 4096, VG_VM_WRITE | VG_VM_EXEC, &wx), ERR_ACCESS_DENIED);
	uintptr_t fixed = 0x400000; /* our own program text */
	CHECK_EQ(vg_vm_map(self_h, v, 0, 4096, VG_VM_READ | VG_VM_FIXED, &fixed), ERR_EXISTS);
	CHECK_EQ(vg_vm_map(self_h, v, 0, 4096, 0x80, &wx), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vm_map(self_h, v, 4096, 3 * 4096, VG_VM_READ, &wx), ERR_INVALID_ARGS);
	/* Wrong object types and missing rights. */
	CHECK_EQ(vg_vm_map(log_h, v, 0, 4096, VG_VM_READ, &wx), ERR_WRONG_TYPE);
	vg_handle_t ro;
	CHECK_EQ(vg_handle_duplicate(v, VG_RIGHT_READ | VG_RIGHT_MAP, &ro), 0);
	CHECK_EQ(vg_vm_map(self_h, ro, 0, 4096, VG_VM_READ | VG_VM_WRITE, &wx), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_vmo_write(ro, 0, "x", 1), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(ro), 0);
	CHECK_EQ(vg_handle_close(v), 0);
	CHECK_EQ(vg_vmo_create(0, 0, &v), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create(4096, 1, &v), ERR_INVALID_ARGS);
}
