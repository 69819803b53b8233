// SPDX-License-Identifier: BSD-2-Clause
// The allocator's page source on Verdigris: a new VMO per request, mapped
// read/write into this process (the mapping keeps the VMO alive), and
// vm_unmap to give it back.
//
// Addresses are never reused: requests are mapped (VG_VM_FIXED) at a
// cursor that only grows, from 128 GiB up (below every architecture's
// user top; the kernel places its own choices low). Today's kernel
// corrupts memory when a range a process unmapped is mapped again while
// several threads run (seen on AArch64 and RISC-V: slab headers
// overwritten, live blocks unmapped); with fresh addresses that never
// happens. When the cursor's range is taken, the kernel chooses. Every
// call holds __libc_vm_lock, for the same kernel's sake (it does not
// serialize concurrent changes to one address space).
#include <vg/vg.h>

#include "../internal/lock.h"
#include "../internal/pages.h"
#include "../internal/thread.h"

#define CURSOR_START ((uintptr_t)128 << 30)

static uintptr_t cursor = CURSOR_START;
int __libc_vm_lock;

void *__libc_vm_map(uint32_t vmo, uint64_t off, size_t len, uint32_t prot)
{
	len = (len + 4095) & ~(size_t)4095;
	__libc_lock(&__libc_vm_lock);
	uintptr_t at = cursor;
	cursor += len;
	long st = vg_vm_map(vg_self(), vmo, off, len, prot | VG_VM_FIXED, &at);
	if (st) {
		at = 0;
		st = vg_vm_map(vg_self(), vmo, off, len, prot, &at);
	}
	__libc_unlock(&__libc_vm_lock);
	return st ? NULL : (void *)at;
}

void *__libc_pages_map(size_t len)
{
	vg_handle_t v;
	if (vg_vmo_create(len, 0, &v))
		return NULL;
	void *p = __libc_vm_map(v, 0, len, VG_VM_READ | VG_VM_WRITE);
	vg_handle_close(v);
	return p;
}

void __libc_pages_unmap(void *p, size_t len)
{
	__libc_lock(&__libc_vm_lock);
	vg_vm_unmap(vg_self(), (uintptr_t)p, len);
	__libc_unlock(&__libc_vm_lock);
}
