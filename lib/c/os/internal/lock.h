// SPDX-License-Identifier: BSD-2-Clause
// The library's internal lock: one int, libvg's futex lock (<vg/lock.h>:
// 0 free, 1 held, 2 held with waiters) under the library's own name
// (lib/c/os/thread/futex.c). Not recursive.
// The allocator's host tests supply their own versions of these two.
#ifndef LIBC_LOCK_H
#define LIBC_LOCK_H

void __libc_lock(int *l);
void __libc_unlock(int *l);

#endif
