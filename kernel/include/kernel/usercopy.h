/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_USERCOPY_H
#define KERNEL_USERCOPY_H

#include <kernel/hal.h>

/* Copies to and from the current process's memory. A range that is not
 * entirely user addresses, or that faults, is ERR_BAD_ADDRESS: a system call
 * never faults the kernel on a user's pointer. */
int copy_from_user(void *dst, const void *usrc, size_t n);
int copy_to_user(void *udst, const void *src, size_t n);

#endif
