// SPDX-License-Identifier: BSD-2-Clause
// The allocator's page source on Verdigris: a new VMO per request, mapped
// read/write into this process (the mapping keeps the VMO alive), and
// vm_unmap to give it back.
#include <vg/vg.h>

#include "../internal/pages.h"

void *__libc_pages_map(size_t len)
{
	return (void *)vg_map_anon(vg_self(), len);
}

void __libc_pages_unmap(void *p, size_t len)
{
	vg_vm_unmap(vg_self(), (uintptr_t)p, len);
}
