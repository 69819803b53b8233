// SPDX-License-Identifier: BSD-2-Clause
// The C library's link to the process server (lib/c/os/proc).
#ifndef LIBC_PROC_H
#define LIBC_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <verdigris/types.h>
#include <vg_fd.h>

/* The process server's endpoint: the startup block's VG_HTAG_PROC handle,
 * or the one set below; VG_HANDLE_INVALID when there is none. */
vg_handle_t __libc_proc_ep(void);
/* For the root task, which starts the server itself and holds the
 * server's unbadged endpoint (pid 1's). */
void __libc_proc_set_endpoint(vg_handle_t ep);
/* In a forked child: forget the parent's pid and events notification,
 * and take ep as the handle to the server (ids.c, wait.c, server.c). */
void __libc_proc_forked(vg_handle_t ep, int32_t pid);
void __libc_ids_forked(int32_t pid);
void __libc_wait_forked(void);
/* Routes kill() of other processes and groups to the server and records
 * our pid for the C library's signals (kill.c); at start-up, when there is
 * a server, and whenever the endpoint or the pid changes. */
void __libc_proc_hook_signals(void);
/* Gives the fd table its RLIMIT_NOFILE source (limits.c); called by the
 * above. */
void __libc_proc_hook_limits(void);
/* Sets errno for a failed call's status (a proc_error or an ERR_*) and
 * returns -1. */
int __libc_proc_fail(long st);
/* The pages of the program file at path for the process server
 * (VG_HTAG_IMAGE): *vmo and its length *size, or an errno (EACCES: not a
 * regular file the caller may execute; ENOEXEC: empty or too big).
 * *setid: its mode has S_ISUID or S_ISGID, so the VFS must stage it
 * (vfs.exec_setid), not we. */
#define PROC_EXEC_IMAGE_MAX (256u << 20)
int __libc_exec_image(const char *path, vg_handle_t *vmo, uint32_t *size, bool *setid);

#endif
