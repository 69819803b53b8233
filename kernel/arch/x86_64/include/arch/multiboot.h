/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef ARCH_MULTIBOOT_H
#define ARCH_MULTIBOOT_H

#include <kernel/types.h>

struct boot_info;
/* Fills RAM, modules (the first is the initrd), the command line and the
 * RSDP from the loader's information. False with a logged reason when it is
 * malformed or lacks a memory map. */
bool multiboot_parse(uint32_t magic, uint64_t info_pa, struct boot_info *bi);

#endif
