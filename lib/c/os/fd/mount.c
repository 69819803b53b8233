// SPDX-License-Identifier: BSD-2-Clause
// mount and umount (<sys/mount.h>): a tmpfs is a new bin/tmpfs server,
// started from the boot archive serving an endpoint of its own
// (VG_HTAG_USER + 0, as the boot layout starts it), whose handle the VFS is
// given with the source and type for listings (getmntent); umount asks the
// VFS to let go of what is mounted on a directory.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>

#include "../internal/fd.h"

/* "size=N[kmg]": the limit in bytes, 0 if data does not say, -1 if it is
 * malformed. */
static long long size_option(const char *data)
{
	if (!data || !*data)
		return 0;
	if (strncmp(data, "size=", 5) != 0)
		return -1;
	char *end;
	errno = 0;
	unsigned long long n = strtoull(data + 5, &end, 10);
	int shift = *end == 'k' ? 10 : *end == 'm' ? 20 : *end == 'g' ? 30 : 0;
	if (shift)
		end++;
	if (errno || end == data + 5 || *end || n == 0 || n > (1ull << (62 - shift)))
		return -1;
	return (long long)(n << shift);
}

/* A new tmpfs server of limit bytes: its unbadged handle in *fs, its
 * process in *proc. */
static long start_tmpfs(long long limit, vg_handle_t *fs, vg_handle_t *proc)
{
	const void *image;
	size_t len;
	long st = vg_initrd_find("bin/tmpfs", &image, &len);
	vg_handle_t ep;
	if (st || (st = vg_endpoint_create(&ep)))
		return st;
	if ((st = vg_handle_duplicate(ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, fs))) {
		vg_handle_close(ep);
		return st;
	}
	char arg[24];
	snprintf(arg, sizeof(arg), "%lld", limit);
	const char *const argv[] = { "tmpfs", limit ? arg : NULL, NULL };
	/* A server: its output goes to the log, as a service's (init). */
	struct vg_startup_handle h[3] = { { VG_HTAG_USER, 0, ep, 0 } };
	if ((st = vg_spawn_log_fds(h + 1))) {
		vg_handle_close(ep);
		vg_handle_close(*fs);
		return st;
	}
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = h, .nhandles = 3
	};
	if ((st = vg_spawn(&req, proc, NULL)))
		vg_handle_close(*fs);
	return st;
}

int mount(const char *source, const char *target, const char *type, unsigned long flags,
	  const void *data)
{
	char abs[PATH_MAX];
	if (!type || !target) {
		errno = EFAULT;
		return -1;
	}
	if (strcmp(type, "tmpfs") != 0) {
		errno = ENODEV;
		return -1;
	}
	long long limit = size_option(data);
	if (flags || limit < 0) {
		errno = EINVAL;
		return -1;
	}
	if (__fs_path(AT_FDCWD, target, abs))
		return -1;
	if (!__fs_vfs()) {
		errno = ENOSYS;
		return -1;
	}
	vg_handle_t fs, proc;
	if (start_tmpfs(limit, &fs, &proc)) {
		errno = ENOMEM; /* no process or no server image to start */
		return -1;
	}
	char name[64]; /* the source names it in listings (getmntent) */
	snprintf(name, sizeof(name), "%s", source && *source ? source : "none");
	long st = fs_vfs_mount_named(__fs_vfs(), abs, fs, name, "tmpfs");
	if (st) /* nobody will ever call it */
		vg_process_kill(proc, -1);
	vg_handle_close(proc); /* mounted, it serves until the VFS lets go */
	return st ? __fs_error(st) : 0;
}

int umount(const char *target)
{
	char abs[PATH_MAX];
	if (__fs_path(AT_FDCWD, target, abs))
		return -1;
	if (!__fs_vfs()) {
		errno = ENOSYS;
		return -1;
	}
	long st = fs_vfs_unmount(__fs_vfs(), abs);
	return st ? __fs_error(st) : 0;
}
