// SPDX-License-Identifier: BSD-2-Clause
// Fresh zeroed memory from the system for the allocator: len bytes
// (a multiple of 4096), readable and writable, or NULL. On Verdigris a new
// VMO mapped into the process (lib/c/os/malloc/pages.c); the host tests
// use mmap.
#ifndef LIBC_PAGES_H
#define LIBC_PAGES_H

#include <stddef.h>
#include <stdint.h>

void *__libc_pages_map(size_t len);
void __libc_pages_unmap(void *p, size_t len);
/* Maps len bytes of vmo from off with prot (VG_VM_*) where the allocator
 * would place them; NULL when the kernel refuses (Verdigris only). */
void *__libc_vm_map(uint32_t vmo, uint64_t off, size_t len, uint32_t prot);

#endif
