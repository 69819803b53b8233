/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_REALTIME_H
#define KERNEL_REALTIME_H

#include <kernel/types.h>

struct vg_rtc_info;

/* The wall clock: nanoseconds since 1970-01-01 UTC, the monotonic clock
 * plus an offset. Until something sets it, the offset is 0 (the epoch plus
 * the time since boot). Never below the last time set, never decreasing
 * between sets. */
uint64_t realtime_ns(void);
/* Sets the wall clock to ns (from now on it advances with the monotonic
 * clock): 0, or ERR_OUT_OF_RANGE for ns >= VG_REALTIME_MAX. */
int realtime_set(uint64_t ns);
/* The monotonic deadline at which the wall clock, as now set, reaches rt:
 * 0 when it has, at most DEADLINE_NONE - 1. Waits until a wall-clock time
 * block with it and get it again when the clock is set
 * (sched_realtime_moved). */
uint64_t realtime_deadline(uint64_t rt);

/* The first enabled "arm,pl031" or "google,goldfish-rtc" node of the boot
 * device tree (the device tree machines' arch_rtc_describe). */
bool fdt_rtc_describe(struct vg_rtc_info *out);

#endif
