// SPDX-License-Identifier: BSD-2-Clause
// Stacks for new threads.
#include <vg/vg.h>

uintptr_t vg_stack_create(vg_handle_t process, size_t size)
{
	vg_handle_t v;
	uintptr_t at = 0;
	if (vg_vmo_create(size, 0, &v))
		return 0;
	long st = vg_vm_map(process, v, 0, size, VG_VM_READ | VG_VM_WRITE, &at);
	vg_handle_close(v); /* the mapping keeps the VMO alive */
	return st ? 0 : at + size - VG_ENTRY_SP_BIAS;
}
