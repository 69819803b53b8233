/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_TYPES_H
#define KERNEL_TYPES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t paddr_t;
typedef uint64_t vaddr_t;
typedef uint64_t pte_t;
typedef unsigned long irqflags_t; /* saved interrupt state (hal.h) */

#define PAGE_SHIFT 12
#define PAGE_SIZE ((size_t)1 << PAGE_SHIFT)
#define ALIGN_UP(x, a) (((x) + ((a)-1)) & ~((__typeof__(x))(a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a)-1))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* Protections and attributes of a mapping, encoded per arch. */
#define VM_READ 0x1u
#define VM_WRITE 0x2u
#define VM_EXEC 0x4u
#define VM_USER 0x8u
#define VM_DEVICE 0x10u /* uncached device memory (MMIO) */
#define VM_WC 0x20u /* write-combining (normal non-cacheable where the arch has no WC) */

#endif
