// SPDX-License-Identifier: BSD-2-Clause
// Host stand-ins for the kernel services that the tested pure code calls.
#ifndef HOST_SUPPORT_H
#define HOST_SUPPORT_H

#include <stddef.h>

/* klog (support/klog_stub.c) keeps the last message and a count, so tests
 * can check that a refusal was logged with its reason. */
extern char host_klog_last[512];
extern int host_klog_last_level;
extern unsigned host_klog_count;
void host_klog_reset(void);

#endif
