/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The real-time clock device in the C library (lib/c/os/time/rtc.c).
 */
#ifndef LIBC_OS_TIME_H
#define LIBC_OS_TIME_H

#include <stdint.h>

/* ioctl's RTC_RD_TIME and RTC_SET_TIME (<linux/rtc.h>) on fd. */
int __rtc_ioctl(int fd, unsigned long request, void *arg);
/* Sets the wall clock to ns through /dev/rtc0 (file.clock_set): 0, or -1
 * with errno EPERM (the device cannot be opened for writing: the caller is
 * not root, or there is none) or EINVAL (a time the clock cannot hold). */
int __rtc_clock_set(uint64_t ns);

#endif
