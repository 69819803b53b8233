/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_VM_H
#define KERNEL_VM_H

#include <kernel/types.h>

struct boot_info;

/*
 * The kernel address space: the physmap (all RAM, read/write, never
 * executable), the kernel image with W^X per section (text RX, rodata R,
 * data and bss RW), and a window for MMIO mapped on request.
 */
void vm_init(const struct boot_info *bi);
paddr_t vm_kernel_root(void);
/* Page-table pages allocated now, the kernel's and every process's. */
size_t pt_table_pages(void);
/* Maps device registers uncached into the MMIO window; returns their virtual
 * address (with pa's offset within its page kept). Panics when the window
 * is exhausted: device mappings are made at boot by trusted code. */
void *vm_map_mmio(paddr_t pa, size_t size);
/* Physical address of a kernel image symbol. */
paddr_t kernel_image_phys(const void *p);

/* Called by vm_init right after the switch to the new page tables: the arch
 * maps the devices its console needs (vm_map_mmio) and points the console at
 * them. Nothing may print between the switch and the end of this call. */
void arch_map_boot_devices(void);

#endif
