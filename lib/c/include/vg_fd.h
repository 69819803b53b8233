// SPDX-License-Identifier: BSD-2-Clause
// A Verdigris extension of the C library: the file-system handles a new
// program is started with, for code that starts programs itself
// (vg_spawn) rather than through posix_spawn or exec.
#ifndef VG_FD_H
#define VG_FD_H

#include <stdbool.h>
#include <stddef.h>
#include <verdigris/types.h>

/* Up to max tagged handles for the new program's startup table: the VFS,
 * the working directory and creation mask when not the defaults, and
 * each descriptor without FD_CLOEXEC under VG_HTAG_FD; the count.
 * replacing (exec): duplicates of this process's own handles, which the
 * new program takes over; else (a new process) handles of its own from
 * each file's server. lib/c/os/fd/table.c. */
size_t __vg_fd_export(struct vg_startup_handle *out, size_t max, bool replacing);

#endif
