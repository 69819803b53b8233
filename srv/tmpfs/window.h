/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bulk data windows of tmpfs's file handles (idl/fs.idl, file.window):
 * one VMO per handle that asked, mapped here and in the client, through
 * which wread and wwrite move up to TMPFS_WINDOW bytes per call instead of
 * 4 KiB in the message. Per handle, not per open file: after fork parent
 * and child hold different handles to one open file, each with its own
 * window. Ends with the handle's file.close.
 */
#ifndef SRV_TMPFS_WINDOW_H
#define SRV_TMPFS_WINDOW_H

#include <stdint.h>
#include <verdigris/types.h>

#define TMPFS_WINDOW (256u << 10)

/* The window of badge's handle, or NULL when it has none. */
unsigned char *tmpfs_window_of(uint64_t badge);
/* A new window for badge (its old one ends) and the client's handle to
 * it; 0 or an FS error. */
long tmpfs_window_new(uint64_t badge, vg_handle_t *client);
/* Ends badge's window, if any. */
void tmpfs_window_end(uint64_t badge);

#endif
