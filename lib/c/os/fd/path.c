// SPDX-License-Identifier: BSD-2-Clause
// Paths: the working directory (kept here as the canonical path the VFS
// gave for it), relative paths made absolute against it or a directory
// descriptor, errno from the protocol's statuses, struct stat.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/fd.h"
#include "../internal/lock.h"

static char cwd[PATH_MAX] = "/";
static int cwd_lock;

int __fs_error(long st)
{
	static const unsigned char map[] = {
		[FS_FS_ERROR_NOT_FOUND] = ENOENT,
		[FS_FS_ERROR_EXISTS] = EEXIST,
		[FS_FS_ERROR_NOT_DIR] = ENOTDIR,
		[FS_FS_ERROR_IS_DIR] = EISDIR,
		[FS_FS_ERROR_NOT_EMPTY] = ENOTEMPTY,
		[FS_FS_ERROR_NO_SPACE] = ENOSPC,
		[FS_FS_ERROR_DENIED] = EACCES,
		[FS_FS_ERROR_NAME_TOO_LONG] = ENAMETOOLONG,
		[FS_FS_ERROR_LOOP] = ELOOP,
		[FS_FS_ERROR_INVALID] = EINVAL,
		[FS_FS_ERROR_BUSY] = EBUSY,
		[FS_FS_ERROR_READ_ONLY] = EROFS,
		[FS_FS_ERROR_CROSS_DEVICE] = EXDEV,
		[FS_FS_ERROR_BAD_FILE] = EBADF,
		[FS_FS_ERROR_TOO_BIG] = EFBIG,
		[FS_FS_ERROR_NOT_PERMITTED] = EPERM,
		[FS_FS_ERROR_NO_MEMORY] = ENOMEM,
		[FS_FS_ERROR_TOO_MANY_LINKS] = EMLINK,
		[FS_FS_ERROR_IO] = EIO,
		[FS_FS_ERROR_NOT_SUPPORTED] = ENOTSUP,
		[FS_FS_ERROR_NO_SPACE_LEFT_IN_TABLE] = ENFILE,
		[FS_FS_ERROR_NO_DEVICE] = ENXIO,
		[FS_FS_ERROR_WOULD_BLOCK] = EAGAIN,
		[FS_FS_ERROR_BROKEN_PIPE] = EPIPE,
		[FS_FS_ERROR_ILLEGAL_SEEK] = ESPIPE,
	};
	if (st > 0 && (unsigned long)st < sizeof(map) && map[st])
		errno = map[st];
	else if (st == ERR_BAD_HANDLE || st == ERR_WRONG_TYPE || st == ERR_ACCESS_DENIED)
		errno = EBADF;
	else if (st == ERR_NO_MEMORY)
		errno = ENOMEM;
	else if (st == ERR_NOT_SUPPORTED)
		errno = ENOTSUP;
	else if (st == ERR_INTERRUPTED)
		errno = EINTR; /* a handler ran first; nothing was sent */
	else
		errno = EIO; /* the server went away or refused the message */
	return -1;
}

/* a + "/" + b into out. */
static int join(const char *a, const char *b, char *out)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la + 1 + lb >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(out, a, la);
	out[la] = '/';
	memcpy(out + la + 1, b, lb + 1);
	return 0;
}

int __fs_path(int dirfd, const char *path, char *out)
{
	if (!path) {
		errno = EFAULT;
		return -1;
	}
	size_t len = strnlen(path, PATH_MAX);
	if (len == 0) {
		errno = ENOENT;
		return -1;
	}
	if (len >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (!__fs_vfs()) {
		errno = ENOSYS;
		return -1;
	}
	if (path[0] == '/') {
		memcpy(out, path, len + 1);
		return 0;
	}
	if (dirfd == AT_FDCWD) {
		__libc_lock(&cwd_lock);
		int r = join(cwd, path, out);
		__libc_unlock(&cwd_lock);
		return r;
	}
	struct fd_desc *d = __fd_get(dirfd);
	if (!d)
		return -1;
	int r = d->kind == FD_DIR && d->path ? join(d->path, path, out) : (errno = ENOTDIR, -1);
	__fd_put(d);
	return r;
}

void __fs_stat_from(const struct fs_attr *a, struct stat *st)
{
	static const mode_t type[] = {
		[FS_KIND_FILE] = S_IFREG,     [FS_KIND_DIR] = S_IFDIR,
		[FS_KIND_SYMLINK] = S_IFLNK,  [FS_KIND_CHARDEV] = S_IFCHR,
		[FS_KIND_BLOCKDEV] = S_IFBLK, [FS_KIND_FIFO] = S_IFIFO,
		[FS_KIND_SOCKET] = S_IFSOCK,
	};
	memset(st, 0, sizeof(*st));
	st->st_dev = a->dev;
	st->st_ino = a->ino;
	st->st_mode = (a->kind < sizeof(type) / sizeof(type[0]) ? type[a->kind] : 0) | a->mode;
	st->st_nlink = a->nlink;
	st->st_uid = a->uid;
	st->st_gid = a->gid;
	st->st_rdev = a->rdev;
	st->st_size = (off_t)a->size;
	st->st_blksize = 4096;
	st->st_blocks = (blkcnt_t)a->blocks;
	st->st_atim = (struct timespec){ a->atime_ns / 1000000000, a->atime_ns % 1000000000 };
	st->st_mtim = (struct timespec){ a->mtime_ns / 1000000000, a->mtime_ns % 1000000000 };
	st->st_ctim = (struct timespec){ a->ctime_ns / 1000000000, a->ctime_ns % 1000000000 };
}

/* The canonical path of a directory named by path, into out (PATH_MAX). */
static int dir_realpath(const char *path, char *out)
{
	struct fs_attr a;
	long st = fs_vfs_realpath(__fs_vfs(), path, out, &a);
	if (st)
		return __fs_error(st);
	if (a.kind != FS_KIND_DIR) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

int chdir(const char *path)
{
	char abs[PATH_MAX], canon[PATH_MAX];
	/* Search permission on the directory itself, with the effective ids. */
	if (__fs_path(AT_FDCWD, path, abs) || dir_realpath(abs, canon) ||
	    faccessat(AT_FDCWD, canon, X_OK, AT_EACCESS))
		return -1;
	__libc_lock(&cwd_lock);
	memcpy(cwd, canon, strlen(canon) + 1);
	__libc_unlock(&cwd_lock);
	return 0;
}

int fchdir(int fd)
{
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	int r = 0;
	if (d->kind != FD_DIR || !d->path) {
		errno = ENOTDIR;
		r = -1;
	} else if (faccessat(AT_FDCWD, d->path, X_OK, AT_EACCESS)) {
		r = -1; /* search permission, as chdir */
	} else {
		__libc_lock(&cwd_lock);
		memcpy(cwd, d->path, strlen(d->path) + 1);
		__libc_unlock(&cwd_lock);
	}
	__fd_put(d);
	return r;
}

/* The working directory for a child started with posix_spawn or exec
 * (VG_HTAG_FS_CWD): its canonical path, NUL-terminated, in a memory object
 * of its own (*vmo); 0 or an ERR_*. */
bool __fs_cwd_is_root(void)
{
	__libc_lock(&cwd_lock);
	bool root = cwd[0] == '/' && !cwd[1];
	__libc_unlock(&cwd_lock);
	return root;
}

long __fs_cwd_export(vg_handle_t *vmo)
{
	__libc_lock(&cwd_lock);
	/* PATH_MAX bytes (one page), so the child reads a known size. */
	long st = vg_vmo_create(PATH_MAX, 0, vmo);
	if (!st && (st = vg_vmo_write(*vmo, 0, cwd, strlen(cwd) + 1)))
		vg_handle_close(*vmo);
	__libc_unlock(&cwd_lock);
	return st;
}

/* At start: the working directory a parent passed, taken if it is an
 * absolute path that fits (the handle is closed either way). */
void __fs_cwd_import(vg_handle_t vmo)
{
	char path[PATH_MAX];
	long st = vg_vmo_read(vmo, 0, path, sizeof(path));
	vg_handle_close(vmo);
	if (st || path[0] != '/' || !memchr(path, 0, sizeof(path)))
		return;
	__libc_lock(&cwd_lock);
	memcpy(cwd, path, strlen(path) + 1);
	__libc_unlock(&cwd_lock);
}

/* A NULL buf (the common extension, which the shell uses) is allocated:
 * size bytes, or as many as the path needs when size is 0. */
char *getcwd(char *buf, size_t size)
{
	char here[PATH_MAX];
	__libc_lock(&cwd_lock);
	size_t len = strlen(cwd);
	memcpy(here, cwd, len + 1);
	__libc_unlock(&cwd_lock);
	if (buf && size == 0) {
		errno = EINVAL;
		return NULL;
	}
	if (size && len + 1 > size) {
		errno = ERANGE;
		return NULL;
	}
	if (!buf && !(buf = malloc(size ? size : len + 1)))
		return NULL; /* errno ENOMEM */
	return memcpy(buf, here, len + 1);
}
