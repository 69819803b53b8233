/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The two system calls srv/fscommon's waiters and locks make, for the host
 * test (tests/host/test_fscommon.c), which defines them and records what
 * they were asked.
 */
#ifndef HOST_FSFAKE_VG_H
#define HOST_FSFAKE_VG_H

#include <stdint.h>
#include <verdigris/types.h>

long vg_notification_signal(vg_handle_t notification, uint64_t bits);
long vg_handle_close(vg_handle_t handle);

#endif
