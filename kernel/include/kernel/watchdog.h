/* SPDX-License-Identifier: BSD-2-Clause */
/* The test boots' watchdog (watchdog.c): prints every thread's state when
 * the log has been silent for a minute. */
#ifndef KERNEL_WATCHDOG_H
#define KERNEL_WATCHDOG_H

void watchdog_start(void);

#endif
