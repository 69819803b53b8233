// SPDX-License-Identifier: BSD-2-Clause
// <sys/mount.h>: mounting filesystems on the VFS (lib/c/os/fd/mount.c).
// mount takes Linux's arguments; the one filesystem type there is so far is
// "tmpfs" (a new bin/tmpfs server from the boot archive; data "size=N" in
// bytes, with an optional k, m or g suffix; the source is its name in the
// mount list of <mntent.h>). Other types fail with ENODEV, flags other
// than 0 with EINVAL.
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

int mount(const char *source, const char *target, const char *type, unsigned long flags,
	  const void *data);
int umount(const char *target);

#endif
