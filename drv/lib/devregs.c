// SPDX-License-Identifier: BSD-2-Clause
// A device's registers (devregs.h), shared by the drivers under drv/.
#include "devregs.h"

#define PAGE 4096u

long devregs_map(vg_handle_t resource, uint64_t base, uint64_t size, uint32_t prot,
		 vg_handle_t *window, volatile unsigned char **regs)
{
	uint64_t first = base & ~(uint64_t)(PAGE - 1);
	uint64_t off = base - first;
	uint64_t len = (off + size + PAGE - 1) & ~(uint64_t)(PAGE - 1);
	long st = vg_vmo_create_physical(resource, first, len, VG_CACHE_UNCACHED, window);
	if (st)
		return st;
	uintptr_t addr = 0;
	st = vg_vm_map(vg_startup()->self, *window, 0, len, prot, &addr);
	if (st) {
		vg_handle_close(*window);
		return st;
	}
	*regs = (volatile unsigned char *)(addr + off);
	return 0;
}

long devregs_take_ports(vg_handle_t resource, uint64_t base, uint64_t size, vg_handle_t *window)
{
	long st = vg_ioport_create(resource, (uint32_t)base, (uint32_t)size, window);
	if (!st && (st = vg_ioport_enable(*window, 1)))
		vg_handle_close(*window);
	return st;
}
