// SPDX-License-Identifier: BSD-2-Clause
// Files through the VFS and tmpfs: open's flags and errors, reading and
// writing, positions, holes, appends, the size limit.
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <unistd.h>

UTEST(vfs_create_write_read_unlink)
{
	CHECK_EQ(vfs_up(), 0);
	int fd = open("/tmp/f1", O_RDWR | O_CREAT | O_EXCL, 0640);
	CHECK(fd >= 0);
	CHECK_EQ(write(fd, "hello, world", 12), 12);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 12);
	CHECK_EQ(lseek(fd, 7, SEEK_SET), 7);
	char buf[32] = { 0 };
	CHECK_EQ(read(fd, buf, sizeof(buf)), 5);
	CHECK(memcmp(buf, "world", 5) == 0);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0); /* the end */
	struct stat st;
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_mode & 07777, 0640 & ~022);
	CHECK_EQ(st.st_size, 12);
	CHECK_EQ(st.st_nlink, 1);
	struct stat st2;
	CHECK_EQ(stat("/tmp/f1", &st2), 0);
	CHECK_EQ(st2.st_ino, st.st_ino);
	CHECK_EQ(st2.st_dev, st.st_dev);
	CHECK_EQ(close(fd), 0);
	CHECK_ERRNO(close(fd), EBADF);
	CHECK_EQ(unlink("/tmp/f1"), 0);
	CHECK_ERRNO(stat("/tmp/f1", &st), ENOENT);
	CHECK_ERRNO(unlink("/tmp/f1"), ENOENT);
}

UTEST(vfs_open_flags_and_errors)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_ERRNO(open("/tmp/nothing", O_RDONLY), ENOENT);
	CHECK_ERRNO(open("", O_RDONLY), ENOENT);
	CHECK_ERRNO(open(NULL, O_RDONLY), EFAULT);
	CHECK_ERRNO(open("/tmp/nodir/x", O_RDWR | O_CREAT, 0644), ENOENT);
	CHECK_EQ(vfs_put("/tmp/of", "abcdef", 6), 0);
	CHECK_ERRNO(open("/tmp/of", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	CHECK_ERRNO(open("/tmp/of/x", O_RDONLY), ENOTDIR);
	CHECK_ERRNO(open("/tmp/of/", O_RDONLY), ENOTDIR);
	CHECK_ERRNO(open("/tmp/of", O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERRNO(open("/tmp", O_WRONLY), EISDIR);
	CHECK_ERRNO(open("/tmp", O_RDWR), EISDIR);
	CHECK_ERRNO(open("/tmp", O_RDONLY | O_CREAT, 0644), EISDIR);
	CHECK_ERRNO(open("/tmp/newdir/", O_RDWR | O_CREAT, 0644), EISDIR);
	CHECK_ERRNO(open("/tmp/of", O_ACCMODE), EINVAL);
	CHECK_ERRNO(open("/tmp/of", 0x40000000), EINVAL);
	/* Names: 255 bytes is the most a component may have, PATH_MAX - 1 a
	 * path. */
	char name[300] = "/tmp/";
	memset(name + 5, 'n', 256);
	name[261] = 0;
	CHECK_ERRNO(open(name, O_RDWR | O_CREAT, 0644), ENAMETOOLONG);
	CHECK_ERRNO(stat(name, &(struct stat){ 0 }), ENAMETOOLONG);
	name[260] = 0;
	int fd = open(name, O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0);
	close(fd);
	CHECK_EQ(unlink(name), 0);
	static char longpath[PATH_MAX + 8];
	for (size_t i = 0; i < PATH_MAX + 2; i += 2)
		longpath[i] = '/', longpath[i + 1] = 'a';
	longpath[PATH_MAX + 2] = 0;
	CHECK_ERRNO(open(longpath, O_RDONLY), ENAMETOOLONG);
	longpath[PATH_MAX] = 0;
	CHECK_ERRNO(open(longpath, O_RDONLY), ENAMETOOLONG);
	/* O_TRUNC empties, O_RDONLY reads but does not write. */
	fd = open("/tmp/of", O_RDWR | O_TRUNC);
	CHECK(fd >= 0);
	CHECK_EQ(vfs_size("/tmp/of"), 0);
	close(fd);
	CHECK_EQ(vfs_put("/tmp/of", "abcdef", 6), 0);
	fd = open("/tmp/of", O_RDONLY);
	CHECK_ERRNO(write(fd, "x", 1), EBADF);
	CHECK_ERRNO(ftruncate(fd, 0), EINVAL);
	close(fd);
	fd = open("/tmp/of", O_WRONLY);
	char c;
	CHECK_ERRNO(read(fd, &c, 1), EBADF);
	close(fd);
	/* O_CREAT on an existing file leaves it alone. */
	fd = open("/tmp/of", O_RDWR | O_CREAT, 0600);
	CHECK(fd >= 0);
	CHECK_EQ(vfs_size("/tmp/of"), 6);
	close(fd);
	/* creat truncates. */
	fd = creat("/tmp/of", 0600);
	CHECK(fd >= 0);
	CHECK_EQ(vfs_size("/tmp/of"), 0);
	CHECK_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_WRONLY);
	close(fd);
	CHECK_EQ(unlink("/tmp/of"), 0);
}

UTEST(vfs_positions_holes_and_truncate)
{
	CHECK_EQ(vfs_up(), 0);
	int fd = open("/tmp/sparse", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	/* A write far past the end leaves a hole that reads as zeros and
	 * takes no space. */
	CHECK_EQ(pwrite(fd, "end", 3, 10 << 20), 3);
	struct stat st;
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, (10 << 20) + 3);
	CHECK(st.st_blocks <= 8);
	static char buf[8192];
	memset(buf, 1, sizeof(buf));
	CHECK_EQ(pread(fd, buf, sizeof(buf), 5 << 20), (long)sizeof(buf));
	bool zero = true;
	for (size_t i = 0; i < sizeof(buf); i++)
		zero &= buf[i] == 0;
	CHECK(zero);
	CHECK_EQ(pread(fd, buf, 16, (10 << 20) + 1), 2);
	CHECK(memcmp(buf, "nd", 2) == 0);
	/* The position: pread and pwrite leave it alone. */
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
	CHECK_EQ(lseek(fd, 0, SEEK_END), (10 << 20) + 3);
	CHECK_EQ(lseek(fd, 100, SEEK_END), (10 << 20) + 103); /* past the end */
	CHECK_EQ(read(fd, buf, 10), 0);
	CHECK_EQ(lseek(fd, -5, SEEK_CUR), (10 << 20) + 98);
	CHECK_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
	CHECK_ERRNO(lseek(fd, -((10 << 20) + 200), SEEK_END), EINVAL);
	CHECK_ERRNO(lseek(fd, 0, 3), EINVAL);
	CHECK_ERRNO(lseek(fd, 1, -1), EINVAL);
	CHECK_ERRNO(pread(fd, buf, 1, -1), EINVAL);
	CHECK_ERRNO(pwrite(fd, buf, 1, -1), EINVAL);
	/* Writing at a position past the end extends with a hole. */
	CHECK_EQ(lseek(fd, (10 << 20) + 10, SEEK_SET), (10 << 20) + 10);
	CHECK_EQ(write(fd, "Z", 1), 1);
	CHECK_EQ(pread(fd, buf, 8, (10 << 20) + 3), 8);
	CHECK(memcmp(buf, "\0\0\0\0\0\0\0Z", 8) == 0);
	/* Truncate shrinks (data beyond is gone, even when it grows again)
	 * and grows (with zeros). */
	CHECK_EQ(ftruncate(fd, 2), 0);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, 2);
	CHECK_EQ(pwrite(fd, "abcdef", 6, 0), 6);
	CHECK_EQ(ftruncate(fd, 3), 0);
	CHECK_EQ(ftruncate(fd, 6), 0);
	CHECK_EQ(pread(fd, buf, 10, 0), 6);
	CHECK(memcmp(buf, "abc\0\0\0", 6) == 0);
	CHECK_ERRNO(ftruncate(fd, -1), EINVAL);
	CHECK_EQ(truncate("/tmp/sparse", 1), 0);
	CHECK_EQ(vfs_size("/tmp/sparse"), 1);
	CHECK_ERRNO(truncate("/tmp/sparse", -1), EINVAL);
	CHECK_ERRNO(truncate("/tmp", 0), EISDIR);
	CHECK_ERRNO(truncate("/tmp/missing", 0), ENOENT);
	/* readv and writev. */
	CHECK_EQ(ftruncate(fd, 0), 0);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	struct iovec w[3] = { { "one ", 4 }, { "", 0 }, { "two", 3 } };
	CHECK_EQ(writev(fd, w, 3), 7);
	char a[3], b[10];
	struct iovec r[2] = { { a, 3 }, { b, 10 } };
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(readv(fd, r, 2), 7);
	CHECK(memcmp(a, "one", 3) == 0 && memcmp(b, " two", 4) == 0);
	CHECK_ERRNO(readv(fd, r, -1), EINVAL);
	CHECK_ERRNO(writev(fd, w, IOV_MAX + 1), EINVAL);
	CHECK_EQ(fsync(fd), 0);
	CHECK_EQ(fdatasync(fd), 0);
	close(fd);
	CHECK_ERRNO(fsync(fd), EBADF);
	CHECK_EQ(unlink("/tmp/sparse"), 0);
}

/* Two writers, each through its own open file with O_APPEND, and one
 * record per write: no record may overlap another. */
struct appender {
	int id;
	int failures;
};

#define APPENDS 100
#define RECORD 16

static void *append_records(void *arg)
{
	struct appender *a = arg;
	int fd = open("/tmp/appended", O_WRONLY | O_APPEND);
	if (fd < 0) {
		a->failures++;
		return NULL;
	}
	char rec[RECORD];
	memset(rec, 'a' + a->id, sizeof(rec));
	rec[RECORD - 1] = '\n';
	for (int i = 0; i < APPENDS; i++)
		a->failures += write(fd, rec, RECORD) != RECORD;
	close(fd);
	return NULL;
}

UTEST(vfs_append_with_concurrent_writers)
{
	CHECK_EQ(vfs_up(), 0);
	int fd = open("/tmp/appended", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	struct appender a[3] = { { 0, 0 }, { 1, 0 }, { 2, 0 } };
	pthread_t t[3];
	for (int i = 0; i < 3; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, append_records, &a[i]), 0);
	for (int i = 0; i < 3; i++) {
		CHECK_EQ(pthread_join(t[i], NULL), 0);
		CHECK_EQ(a[i].failures, 0);
	}
	CHECK_EQ(vfs_size("/tmp/appended"), 3 * APPENDS * RECORD);
	int count[3] = { 0 }, broken = 0;
	char rec[RECORD];
	while (read(fd, rec, RECORD) == RECORD) {
		int id = rec[0] - 'a';
		bool whole = id >= 0 && id < 3 && rec[RECORD - 1] == '\n';
		for (int i = 1; whole && i < RECORD - 1; i++)
			whole = rec[i] == rec[0];
		if (whole)
			count[id]++;
		else
			broken++;
	}
	CHECK_EQ(broken, 0);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(count[i], APPENDS);
	/* O_APPEND through fcntl: the write goes to the end whatever the
	 * position. */
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(fcntl(fd, F_SETFL, O_APPEND), 0);
	CHECK_EQ(fcntl(fd, F_GETFL), O_RDWR | O_APPEND);
	CHECK_EQ(write(fd, "x", 1), 1);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 3 * APPENDS * RECORD + 1);
	CHECK_EQ(fcntl(fd, F_SETFL, 0), 0);
	CHECK_EQ(pwrite(fd, "y", 1, 0), 1);
	CHECK_EQ(vfs_size("/tmp/appended"), 3 * APPENDS * RECORD + 1);
	close(fd);
	CHECK_EQ(unlink("/tmp/appended"), 0);
}

UTEST(vfs_size_limit_gives_enospc)
{
	CHECK_EQ(vfs_up(), 0);
	/* A small tmpfs of its own. */
	CHECK_EQ(mkdir("/tmp/small", 0755), 0);
	CHECK_EQ(vfs_up_mount_tmpfs("/tmp/small", VFS_UP_SMALL), 0);
	struct statvfs sv;
	CHECK_EQ(statvfs("/tmp/small", &sv), 0);
	CHECK_EQ(sv.f_bsize, 4096);
	CHECK_EQ(sv.f_blocks * sv.f_bsize, VFS_UP_SMALL);
	unsigned long free_before = sv.f_bfree;
	int fd = open("/tmp/small/big", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	static char chunk[65536];
	memset(chunk, 'q', sizeof(chunk));
	long total = 0, r;
	/* The write that meets the limit is short, or fails if the limit
	 * falls on the boundary of a write. */
	errno = 0;
	while ((r = write(fd, chunk, sizeof(chunk))) == (long)sizeof(chunk))
		total += r;
	CHECK(r >= 0 || errno == ENOSPC);
	total += r > 0 ? r : 0;
	CHECK_ERRNO(write(fd, chunk, sizeof(chunk)), ENOSPC);
	CHECK(total <= (long)VFS_UP_SMALL);
	CHECK(total >= (long)VFS_UP_SMALL - 65536);
	CHECK_EQ(vfs_size("/tmp/small/big"), total);
	CHECK_EQ(statvfs("/tmp/small", &sv), 0);
	CHECK_EQ(sv.f_bfree, 0);
	/* Space comes back with truncation and unlinking. */
	CHECK_EQ(ftruncate(fd, 0), 0);
	CHECK_EQ(write(fd, chunk, 4096), 4096);
	close(fd);
	CHECK_EQ(unlink("/tmp/small/big"), 0);
	CHECK_EQ(statvfs("/tmp/small", &sv), 0);
	CHECK_EQ(sv.f_bfree, free_before);
	CHECK_EQ(sv.f_namemax, 255);
	CHECK_ERRNO(statvfs("/tmp/missing", &sv), ENOENT);
	CHECK_EQ(fs_vfs_unmount(vfs_up_vfs(), "/tmp/small"), 0);
	CHECK_EQ(rmdir("/tmp/small"), 0);
}
