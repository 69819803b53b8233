/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_BOOTINFO_H
#define KERNEL_BOOTINFO_H

#include <kernel/types.h>

/*
 * What the arch boot code learned from the firmware (multiboot, multiboot2,
 * device tree), in one arch-neutral shape. Addresses are physical.
 */
#define BOOT_MAX_REGIONS 64
#define BOOT_CMDLINE_MAX 256

struct mem_region {
	paddr_t start;
	paddr_t end; /* exclusive */
	const char *what; /* for reserved regions: who owns it */
};

struct boot_info {
	struct mem_region ram[BOOT_MAX_REGIONS];
	size_t n_ram;
	struct mem_region reserved[BOOT_MAX_REGIONS];
	size_t n_reserved;
	paddr_t initrd_start, initrd_end; /* 0, 0 if none */
	paddr_t dtb; /* 0 if none */
	paddr_t acpi_rsdp; /* 0 if unknown */
	char cmdline[BOOT_CMDLINE_MAX];
	char cpu_model[64];
	const char *boot_protocol; /* "multiboot", "multiboot2", "fdt" */
};

/* The boot information kernel_main() was given. */
const struct boot_info *kernel_boot_info(void);
/* Both return false (and log) when the table is full. */
bool bootinfo_add_ram(struct boot_info *bi, paddr_t start, paddr_t end);
bool bootinfo_reserve(struct boot_info *bi, paddr_t start, paddr_t end, const char *what);
/* True if the command line holds the word (as a whole space-separated token,
 * or as "word=value"). */
bool bootinfo_has_arg(const struct boot_info *bi, const char *word);
/* Fills RAM, reserved regions, initrd, cmdline and cpu model from a device
 * tree blob and reserves the blob itself. Returns false with a logged reason
 * when the blob is malformed. Used by AArch64 and RISC-V. blob must be the
 * physmap address of dtb, so that it stays valid after vm_init. */
bool bootinfo_from_fdt(struct boot_info *bi, paddr_t dtb, const void *blob);
struct fdt;
/* The validated boot device tree, or NULL when the machine has none. */
const struct fdt *boot_fdt(void);

#endif
