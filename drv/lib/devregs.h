// SPDX-License-Identifier: BSD-2-Clause
// A device's registers for a user-space driver: memory-mapped ones mapped
// uncached, or a range of x86 I/O ports enabled for the calling thread.
#ifndef DRV_LIB_DEVREGS_H
#define DRV_LIB_DEVREGS_H

#include <vg/vg.h>

/* Maps the registers at physical [base, base + size) (any alignment) with
 * prot (VG_VM_READ, VG_VM_WRITE): *window is the VMO behind them, *regs
 * their first byte. 0 or the kernel's error (nothing kept). */
long devregs_map(vg_handle_t resource, uint64_t base, uint64_t size, uint32_t prot,
		 vg_handle_t *window, volatile unsigned char **regs);

/* Ports [base, base + size) as an I/O port object in *window, enabled for
 * the calling thread. 0 or the kernel's error (nothing kept). */
long devregs_take_ports(vg_handle_t resource, uint64_t base, uint64_t size, vg_handle_t *window);

#endif
