// SPDX-License-Identifier: BSD-2-Clause
// Directories: getdents on a directory descriptor (entries from the
// filesystem's `file.readdir`, checked record by record: a server is not
// trusted to lay them out right), and opendir/readdir/closedir on top.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/fd.h"
#include "../internal/lock.h"

static unsigned char dtype(unsigned kind)
{
	static const unsigned char t[] = {
		[FS_KIND_FILE] = DT_REG,    [FS_KIND_DIR] = DT_DIR,	 [FS_KIND_SYMLINK] = DT_LNK,
		[FS_KIND_CHARDEV] = DT_CHR, [FS_KIND_BLOCKDEV] = DT_BLK, [FS_KIND_FIFO] = DT_FIFO,
		[FS_KIND_SOCKET] = DT_SOCK
	};
	return kind < sizeof(t) ? t[kind] : DT_UNKNOWN;
}

ssize_t getdents(int fd, void *buf, size_t len)
{
	static _Thread_local unsigned char raw[FS_FILE_READDIR_ENTRIES_MAX];
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	ssize_t r = -1;
	size_t n;
	bool end;
	long st;
	if (d->kind != FD_DIR) {
		errno = ENOTDIR;
	} else if (len < sizeof(struct dirent)) {
		errno = EINVAL;
	} else if ((st = fs_file_readdir(d->h, d->cookie, raw, &n, &end))) {
		__fs_error(st);
	} else {
		size_t used = 0, at = 0;
		r = 0;
		while (at + 18 <= n && used + sizeof(struct dirent) <= len) {
			uint64_t ino, next;
			memcpy(&ino, raw + at, 8);
			memcpy(&next, raw + at + 8, 8);
			size_t nl = raw[at + 17], size = (18 + nl + 7) & ~(size_t)7;
			if (at + size > n || nl == 0) {
				errno = EIO;
				r = -1;
				break;
			}
			struct dirent *e = (struct dirent *)((char *)buf + used);
			e->d_ino = ino;
			e->d_off = (off_t)next;
			e->d_reclen = sizeof(*e);
			e->d_type = dtype(raw[at + 16]);
			memcpy(e->d_name, raw + at + 18, nl);
			e->d_name[nl] = 0;
			d->cookie = next;
			used += sizeof(*e);
			at += size;
		}
		if (r == 0)
			r = (ssize_t)used;
	}
	__fd_put(d);
	return r;
}

#define DIR_BATCH 128

struct __dir {
	int fd;
	int lock;
	size_t len, pos;
	struct dirent ents[DIR_BATCH];
};

DIR *fdopendir(int fd)
{
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return NULL;
	bool is_dir = d->kind == FD_DIR;
	__fd_put(d);
	if (!is_dir) {
		errno = ENOTDIR;
		return NULL;
	}
	DIR *dir = calloc(1, sizeof(*dir));
	if (!dir) {
		errno = ENOMEM;
		return NULL;
	}
	dir->fd = fd;
	return dir;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	DIR *dir = fdopendir(fd);
	if (!dir)
		close(fd);
	return dir;
}

struct dirent *readdir(DIR *dir)
{
	struct dirent *e = NULL;
	__libc_lock(&dir->lock);
	if (dir->pos == dir->len) {
		ssize_t n = getdents(dir->fd, dir->ents, sizeof(dir->ents));
		dir->pos = 0;
		dir->len = n > 0 ? (size_t)n / sizeof(struct dirent) : 0;
	}
	if (dir->pos < dir->len)
		e = &dir->ents[dir->pos++];
	__libc_unlock(&dir->lock);
	return e;
}

void rewinddir(DIR *dir)
{
	struct fd_desc *d = __fd_get(dir->fd);
	if (d) {
		d->cookie = 0;
		__fd_put(d);
	}
	dir->pos = dir->len = 0;
}

int dirfd(DIR *dir)
{
	return dir->fd;
}

int closedir(DIR *dir)
{
	int r = close(dir->fd);
	free(dir);
	return r;
}
