// SPDX-License-Identifier: BSD-2-Clause
// Everything named by a path: one call to the VFS each, after the path was
// made absolute (lib/c/os/fd/path.c); and fchmod, fchown, futimens, which
// the VFS checks too.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "../internal/fd.h"

/* setattr's mask bits (idl/fs.idl). */
enum {
	SET_MODE = 1,
	SET_UID = 2,
	SET_GID = 4,
	SET_SIZE = 8,
	SET_ATIME = 16,
	SET_MTIME = 32,
	SET_ATIME_NOW = 64,
	SET_MTIME_NOW = 128
};

#define PATH_OR_FAIL(dirfd, path, abs)   \
	char abs[PATH_MAX];              \
	if (__fs_path(dirfd, path, abs)) \
	return -1

static int status(long st)
{
	return st ? __fs_error(st) : 0;
}

int fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW) {
		errno = EINVAL;
		return -1;
	}
	if (!st) {
		errno = EFAULT;
		return -1;
	}
	PATH_OR_FAIL(dirfd, path, abs);
	struct fs_attr a;
	long r = fs_vfs_stat(__fs_vfs(), abs, !(flags & AT_SYMLINK_NOFOLLOW), &a);
	if (r)
		return __fs_error(r);
	__fs_stat_from(&a, st);
	return 0;
}

int stat(const char *restrict path, struct stat *restrict st)
{
	return fstatat(AT_FDCWD, path, st, 0);
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	PATH_OR_FAIL(dirfd, path, abs);
	mode_t mask = umask(0);
	umask(mask);
	return status(fs_vfs_mkdir(__fs_vfs(), abs, mode & ~mask & 07777));
}

int mkdir(const char *path, mode_t mode)
{
	return mkdirat(AT_FDCWD, path, mode);
}

int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	fs_kind_t kind = S_ISCHR(mode) ? FS_KIND_CHARDEV
		: S_ISBLK(mode)	       ? FS_KIND_BLOCKDEV
		: S_ISFIFO(mode)       ? FS_KIND_FIFO
				       : 0;
	if (!kind) {
		errno = EINVAL;
		return -1;
	}
	PATH_OR_FAIL(dirfd, path, abs);
	mode_t mask = umask(0);
	umask(mask);
	return status(fs_vfs_mknod(__fs_vfs(), abs, kind, mode & ~mask & 07777, dev));
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	return mknodat(AT_FDCWD, path, mode, dev);
}

int unlinkat(int dirfd, const char *path, int flags)
{
	if (flags & ~AT_REMOVEDIR) {
		errno = EINVAL;
		return -1;
	}
	PATH_OR_FAIL(dirfd, path, abs);
	return status(fs_vfs_unlink(__fs_vfs(), abs, flags & AT_REMOVEDIR));
}

int unlink(const char *path)
{
	return unlinkat(AT_FDCWD, path, 0);
}

int rmdir(const char *path)
{
	return unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

int remove(const char *path)
{
	struct stat st;
	if (lstat(path, &st))
		return -1;
	return S_ISDIR(st.st_mode) ? rmdir(path) : unlink(path);
}

int renameat(int fromfd, const char *from, int tofd, const char *to)
{
	char a[PATH_MAX], b[PATH_MAX];
	if (__fs_path(fromfd, from, a) || __fs_path(tofd, to, b))
		return -1;
	return status(fs_vfs_rename(__fs_vfs(), a, b));
}

int rename(const char *from, const char *to)
{
	return renameat(AT_FDCWD, from, AT_FDCWD, to);
}

int linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
	char a[PATH_MAX], b[PATH_MAX];
	if (flags & ~AT_SYMLINK_FOLLOW) {
		errno = EINVAL;
		return -1;
	}
	if (__fs_path(fromfd, from, a) || __fs_path(tofd, to, b))
		return -1;
	if (flags & AT_SYMLINK_FOLLOW) {
		struct fs_attr at;
		long st = fs_vfs_realpath(__fs_vfs(), a, a, &at);
		if (st)
			return __fs_error(st);
	}
	return status(fs_vfs_link(__fs_vfs(), a, b));
}

int link(const char *from, const char *to)
{
	return linkat(AT_FDCWD, from, AT_FDCWD, to, 0);
}

int symlinkat(const char *target, int dirfd, const char *path)
{
	if (!target) {
		errno = EFAULT;
		return -1;
	}
	size_t len = strnlen(target, PATH_MAX);
	if (len == 0 || len >= PATH_MAX) {
		errno = len ? ENAMETOOLONG : ENOENT;
		return -1;
	}
	PATH_OR_FAIL(dirfd, path, abs);
	return status(fs_vfs_symlink(__fs_vfs(), target, abs));
}

int symlink(const char *target, const char *path)
{
	return symlinkat(target, AT_FDCWD, path);
}

ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t len)
{
	if (len == 0) {
		errno = EINVAL;
		return -1;
	}
	PATH_OR_FAIL(dirfd, path, abs);
	char target[PATH_MAX];
	long st = fs_vfs_readlink(__fs_vfs(), abs, target);
	if (st)
		return __fs_error(st);
	size_t n = strlen(target);
	if (n > len)
		n = len; /* readlink truncates, without a NUL */
	memcpy(buf, target, n);
	return (ssize_t)n;
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t len)
{
	return readlinkat(AT_FDCWD, path, buf, len);
}

static int set_attr(int dirfd, const char *path, bool follow, uint32_t mask,
		    const struct fs_attr *a)
{
	PATH_OR_FAIL(dirfd, path, abs);
	struct fs_attr set = *a;
	set.kind = FS_KIND_FILE; /* not set, but the protocol wants a kind */
	return status(fs_vfs_setattr(__fs_vfs(), abs, follow, mask, &set));
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW) {
		errno = EINVAL;
		return -1;
	}
	struct fs_attr a = { .mode = mode & 07777 };
	return set_attr(dirfd, path, !(flags & AT_SYMLINK_NOFOLLOW), SET_MODE, &a);
}

int chmod(const char *path, mode_t mode)
{
	return fchmodat(AT_FDCWD, path, mode, 0);
}

/* setattr of an open file: only the VFS knows the caller's ids, so it
 * does it (vfs.fsetattr) on the node the file's own stat names. */
static int set_open_attr(int fd, uint32_t mask, const struct fs_attr *a)
{
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	struct fs_attr now, set = *a;
	long st = fs_file_stat(d->h, &now);
	__fd_put(d);
	set.kind = now.kind;
	return status(st ? st : fs_vfs_fsetattr(__fs_vfs(), now.dev, now.ino, mask, &set));
}

int fchmod(int fd, mode_t mode)
{
	struct fs_attr a = { .mode = mode & 07777 };
	return set_open_attr(fd, SET_MODE, &a);
}

/* (uid_t)-1 and (gid_t)-1 leave the value as it is. */
static uint32_t chown_mask(uid_t uid, gid_t gid)
{
	return (uid != (uid_t)-1 ? SET_UID : 0) | (gid != (gid_t)-1 ? SET_GID : 0);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	struct fs_attr a = { .uid = uid, .gid = gid };
	return set_open_attr(fd, chown_mask(uid, gid), &a);
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW) {
		errno = EINVAL;
		return -1;
	}
	struct fs_attr a = { .uid = uid, .gid = gid };
	return set_attr(dirfd, path, !(flags & AT_SYMLINK_NOFOLLOW), chown_mask(uid, gid), &a);
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	return fchownat(AT_FDCWD, path, uid, gid, 0);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

int truncate(const char *path, off_t size)
{
	if (size < 0) {
		errno = EINVAL;
		return -1;
	}
	struct fs_attr a = { .size = (uint64_t)size };
	return set_attr(AT_FDCWD, path, true, SET_SIZE, &a);
}

/* One time: its mask bits for a timespec (NULL: now). */
static int time_mask(const struct timespec *t, uint32_t set, uint32_t now, int64_t *ns)
{
	if (!t)
		return (int)now;
	if (t->tv_nsec == UTIME_OMIT)
		return 0;
	if (t->tv_nsec == UTIME_NOW)
		return (int)now;
	if (t->tv_nsec < 0 || t->tv_nsec >= 1000000000) {
		errno = EINVAL;
		return -1;
	}
	*ns = t->tv_sec * 1000000000 + t->tv_nsec;
	return (int)set;
}

/* Both times (NULL: both now): the mask, or -1 (EINVAL). */
static int times_mask(const struct timespec times[2], struct fs_attr *a)
{
	int am = time_mask(times ? &times[0] : NULL, SET_ATIME, SET_ATIME_NOW, &a->atime_ns);
	int mm = time_mask(times ? &times[1] : NULL, SET_MTIME, SET_MTIME_NOW, &a->mtime_ns);
	return am < 0 || mm < 0 ? -1 : am | mm;
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
	struct fs_attr a = { 0 };
	if (flags & ~AT_SYMLINK_NOFOLLOW) {
		errno = EINVAL;
		return -1;
	}
	int mask = times_mask(times, &a);
	if (mask < 0)
		return -1;
	return set_attr(dirfd, path, !(flags & AT_SYMLINK_NOFOLLOW), (uint32_t)mask, &a);
}

int futimens(int fd, const struct timespec times[2])
{
	struct fs_attr a = { 0 };
	int mask = times_mask(times, &a);
	return mask < 0 ? -1 : set_open_attr(fd, (uint32_t)mask, &a);
}

int utimes(const char *path, const struct timeval times[2])
{
	if (!times)
		return utimensat(AT_FDCWD, path, NULL, 0);
	struct timespec ts[2];
	for (int i = 0; i < 2; i++) {
		if (times[i].tv_usec < 0 || times[i].tv_usec >= 1000000) {
			errno = EINVAL;
			return -1;
		}
		ts[i] = (struct timespec){ times[i].tv_sec, times[i].tv_usec * 1000 };
	}
	return utimensat(AT_FDCWD, path, ts, 0);
}

int faccessat(int dirfd, const char *path, int mode, int flags)
{
	if ((flags & ~AT_EACCESS) || (mode & ~(R_OK | W_OK | X_OK))) {
		errno = EINVAL;
		return -1;
	}
	PATH_OR_FAIL(dirfd, path, abs);
	/* 8: the effective ids (vfs.access). */
	uint32_t eff = flags & AT_EACCESS ? 8u : 0;
	return status(fs_vfs_access(__fs_vfs(), abs, (uint32_t)mode | eff));
}

int access(const char *path, int mode)
{
	return faccessat(AT_FDCWD, path, mode, 0);
}
