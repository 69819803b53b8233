/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_RANGE_H
#define KERNEL_RANGE_H

#include <kernel/types.h>

/*
 * Ranges given as base and size, as user space passes them: the sums may
 * overflow, so these never compute base + size where it could wrap. Used by
 * resources (kernel/core/resource.c) and host-tested.
 */

/* [base, base+size) lies inside [obase, obase+osize); an empty range lies
 * inside when its base does (or sits at the end). A range whose end wraps
 * past 2^64 lies nowhere. */
bool range_within(uint64_t obase, uint64_t osize, uint64_t base, uint64_t size);
/* [base, base+size) is non-empty and does not wrap past 2^64. */
bool range_valid(uint64_t base, uint64_t size);

#endif
