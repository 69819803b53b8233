// SPDX-License-Identifier: BSD-2-Clause
// Filesystem statistics: statvfs and Linux's statfs by path (vfs.statfs),
// fstatvfs and fstatfs of an open file. The VFS names an open file's
// filesystem only by its st_dev (its mount's slot + 1): the mount table
// (vfs.mounts) gives that mount's path, whose statfs it is.
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>

#include "../internal/fd.h"

static void to_statvfs(const struct fs_statfs *s, struct statvfs *out)
{
	*out = (struct statvfs){ .f_bsize = s->bsize,
				 .f_frsize = s->bsize,
				 .f_blocks = s->blocks,
				 .f_bfree = s->bfree,
				 .f_bavail = s->bfree,
				 .f_files = s->files,
				 .f_ffree = s->ffree,
				 .f_favail = s->ffree,
				 .f_flag = s->flags,
				 .f_namemax = s->namemax };
}

static void to_statfs(const struct fs_statfs *s, struct statfs *out)
{
	*out = (struct statfs){ .f_bsize = s->bsize,
				.f_blocks = s->blocks,
				.f_bfree = s->bfree,
				.f_bavail = s->bfree,
				.f_files = s->files,
				.f_ffree = s->ffree,
				.f_namelen = s->namemax,
				.f_frsize = s->bsize,
				.f_flags = s->flags };
}

static int of_path(const char *path, struct fs_statfs *s, void *out)
{
	if (!out) {
		errno = EFAULT;
		return -1;
	}
	char abs[PATH_MAX];
	if (__fs_path(AT_FDCWD, path, abs))
		return -1;
	long st = fs_vfs_statfs(__fs_vfs(), abs, s);
	return st ? __fs_error(st) : 0;
}

/* The filesystem of fd: the mount whose slot its st_dev names, asked by
 * its mount point, which must still lead to that filesystem (not one
 * mounted over it since). A descriptor of no mounted filesystem (a pipe,
 * a device, whose servers give st_dev 0) asks its server (file.statfs:
 * a pseudo-filesystem's figures, as Linux's pipefs); ENOSYS if it has
 * none. */
static int of_fd(int fd, struct fs_statfs *s, void *out)
{
	if (!out) {
		errno = EFAULT;
		return -1;
	}
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	struct fs_attr a;
	long st = fs_file_stat(d->h, &a);
	bool pseudo = !st && a.dev == 0;
	if (pseudo)
		st = fs_file_statfs(d->h, s);
	__fd_put(d);
	if (st == ERR_NOT_SUPPORTED || st == FS_FS_ERROR_NOT_SUPPORTED) {
		errno = ENOSYS;
		return -1;
	}
	if (st || pseudo)
		return st ? __fs_error(st) : 0;
	char path[1024], source[64], type[32]; /* vfs.mounts' strings */
	bool readonly;
	uint32_t next;
	vg_handle_t vfs = __fs_vfs();
	if (a.dev == 0 || a.dev > UINT32_MAX ||
	    fs_vfs_mounts(vfs, (uint32_t)a.dev - 1, path, source, type, &readonly, &next) ||
	    next != a.dev) {
		errno = ENOSYS;
		return -1;
	}
	struct fs_attr root;
	if ((st = fs_vfs_stat(vfs, path, true, &root)) || (st = fs_vfs_statfs(vfs, path, s)))
		return __fs_error(st);
	if (root.dev != a.dev) {
		errno = ENOSYS; /* covered by another mount */
		return -1;
	}
	return 0;
}

int statvfs(const char *restrict path, struct statvfs *restrict out)
{
	struct fs_statfs s;
	return of_path(path, &s, out) ? -1 : (to_statvfs(&s, out), 0);
}

int fstatvfs(int fd, struct statvfs *out)
{
	struct fs_statfs s;
	return of_fd(fd, &s, out) ? -1 : (to_statvfs(&s, out), 0);
}

int statfs(const char *path, struct statfs *out)
{
	struct fs_statfs s;
	return of_path(path, &s, out) ? -1 : (to_statfs(&s, out), 0);
}

int fstatfs(int fd, struct statfs *out)
{
	struct fs_statfs s;
	return of_fd(fd, &s, out) ? -1 : (to_statfs(&s, out), 0);
}
