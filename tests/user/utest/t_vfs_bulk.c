// SPDX-License-Identifier: BSD-2-Clause
// The bulk data path (a window shared with tmpfs, lib/c/os/fd/window.c):
// transfers larger than a message and than the window, at the position and
// at offsets, appends, holes, errors; a 256 MiB file written and verified.
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <unistd.h>

UTEST(vfs_bulk_transfers)
{
	CHECK_EQ(vfs_up(), 0);
	/* More than the window (256 KiB) in one call, not a multiple of it. */
	enum { N = (1 << 20) + 4099 };
	unsigned char *buf = vfs_patterned(N), *back = malloc(N);
	CHECK(buf && back);
	if (!buf || !back)
		return;
	int fd = open("/tmp/bulk", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_EQ(write(fd, buf, N), N);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), N);
	CHECK_EQ(vfs_size("/tmp/bulk"), N);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	memset(back, 0, N);
	CHECK_EQ(read(fd, back, N), N);
	CHECK_EQ(vfs_pattern_bad(back, 0, N), 0);
	/* At the end: short, then nothing. */
	CHECK_EQ(lseek(fd, N - 5000, SEEK_SET), N - 5000);
	CHECK_EQ(read(fd, back, 300000), 5000);
	CHECK_EQ(vfs_pattern_bad(back, N - 5000, 5000), 0);
	CHECK_EQ(read(fd, back, 300000), 0);
	/* At offsets, leaving the position alone. */
	CHECK_EQ(lseek(fd, 17, SEEK_SET), 17);
	CHECK_EQ(pread(fd, back, 600000, 12345), 600000);
	CHECK_EQ(vfs_pattern_bad(back, 12345, 600000), 0);
	CHECK_EQ(pwrite(fd, buf + 3, 400000, 3), 400000);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 17);
	/* Past the end: a hole of zeros between. */
	CHECK_EQ(pwrite(fd, buf, 300000, 2 * N), 300000);
	CHECK_EQ(vfs_size("/tmp/bulk"), 2 * N + 300000);
	CHECK_EQ(pread(fd, back, 300000, N), 300000);
	int nonzero = 0;
	for (size_t i = 0; i < 300000; i++)
		nonzero += back[i] != 0;
	CHECK_EQ(nonzero, 0);
	/* Vectors of big pieces. */
	struct iovec iov[2] = { { back, 70000 }, { back + 70000, 200000 } };
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(readv(fd, iov, 2), 270000);
	CHECK_EQ(vfs_pattern_bad(back, 0, 270000), 0);
	close(fd);
	/* O_APPEND: each big write lands at the end. */
	fd = open("/tmp/bulk", O_WRONLY | O_APPEND);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(write(fd, buf, 300000), 300000);
	CHECK_EQ(vfs_size("/tmp/bulk"), 2 * N + 600000);
	/* The access mode still holds. */
	CHECK_ERRNO(read(fd, back, 300000), EBADF);
	close(fd);
	fd = open("/tmp/bulk", O_RDONLY);
	CHECK_ERRNO(write(fd, buf, 300000), EBADF);
	CHECK_EQ(pread(fd, back, 300000, 2 * N + 300000), 300000);
	CHECK_EQ(vfs_pattern_bad(back, 0, 300000), 0);
	/* A dup shares the description (and its window). */
	int fd2 = dup(fd);
	CHECK_EQ(pread(fd2, back, 300000, 5), 300000);
	CHECK_EQ(vfs_pattern_bad(back, 5, 300000), 0);
	close(fd2);
	close(fd);
	CHECK_EQ(unlink("/tmp/bulk"), 0);
	free(buf);
	free(back);
}

/* Big writes on a small tmpfs: the one that meets the limit is short. */
UTEST(vfs_bulk_meets_the_limit)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(mkdir("/tmp/bsmall", 0755), 0);
	CHECK_EQ(vfs_up_mount_tmpfs("/tmp/bsmall", VFS_UP_SMALL), 0);
	int fd = open("/tmp/bsmall/f", O_RDWR | O_CREAT, 0644);
	enum { N = 3 << 20 };
	unsigned char *buf = calloc(1, N);
	CHECK(buf != NULL);
	if (!buf)
		return;
	CHECK_EQ(write(fd, buf, N), N);
	CHECK_EQ(write(fd, buf, N), VFS_UP_SMALL - N);
	CHECK_ERRNO(write(fd, buf, N), ENOSPC);
	close(fd);
	free(buf);
	CHECK_EQ(unlink("/tmp/bsmall/f"), 0);
	CHECK_EQ(fs_vfs_unmount(vfs_up_vfs(), "/tmp/bsmall"), 0);
	CHECK_EQ(rmdir("/tmp/bsmall"), 0);
}

/* 256 MiB written in 1 MiB pieces and read back whole (the root tmpfs's
 * limit is 320 MiB, the test machine has 512 MiB). Every 8-byte word
 * holds its own offset, so a piece misplaced or lost shows. */
UTEST(vfs_bulk_256mib_file)
{
	CHECK_EQ(vfs_up(), 0);
	enum { PIECE = 1 << 20 };
	const uint64_t size = 256ull << 20;
	uint64_t *buf = malloc(PIECE);
	CHECK(buf != NULL);
	if (!buf)
		return;
	struct statvfs before, during;
	CHECK_EQ(statvfs("/tmp", &before), 0);
	int fd = open("/tmp/huge", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int bad = 0;
	for (uint64_t off = 0; off < size; off += PIECE) {
		for (size_t i = 0; i < PIECE / 8; i++)
			buf[i] = off + i * 8;
		bad += write(fd, buf, PIECE) != PIECE;
	}
	CHECK_EQ(bad, 0);
	struct stat st;
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_size, (long)size);
	CHECK_EQ(st.st_blocks, (long)(size / 512));
	CHECK_EQ(statvfs("/tmp", &during), 0);
	CHECK_EQ(before.f_bfree - during.f_bfree, size / 4096);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	for (uint64_t off = 0; off < size; off += PIECE) {
		bad += read(fd, buf, PIECE) != PIECE;
		for (size_t i = 0; i < PIECE / 8; i++)
			bad += buf[i] != off + i * 8;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(read(fd, buf, PIECE), 0);
	close(fd);
	CHECK_EQ(unlink("/tmp/huge"), 0);
	CHECK_EQ(statvfs("/tmp", &during), 0);
	CHECK_EQ(during.f_bfree, before.f_bfree);
	free(buf);
}

/* The protocol itself (idl/fs.idl): the window is offered for a file,
 * moves data both ways, is the same memory on both sides, and is refused
 * for calls larger than it or on a handle that never asked. */
UTEST(vfs_bulk_window_protocol)
{
	CHECK_EQ(vfs_up(), 0);
	vg_handle_t file, other, mem;
	struct fs_attr attr;
	CHECK_EQ(fs_vfs_open(vfs_up_vfs(), "/tmp/win", O_RDWR | O_CREAT | O_TRUNC, 0644, &file,
			     &attr),
		 0);
	CHECK_EQ(fs_vfs_open(vfs_up_vfs(), "/tmp/win", O_RDWR, 0, &other, &attr), 0);
	uint32_t size = 0, count = 0;
	uint64_t pos = 0;
	CHECK_EQ(fs_file_wwrite(other, 0, 10, &count, &pos), FS_FS_ERROR_INVALID);
	CHECK_EQ(fs_file_window(file, &mem, &size), 0);
	CHECK_EQ(size, 256 << 10);
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(self_h, mem, 0, size, VG_VM_READ | VG_VM_WRITE, &at), 0);
	unsigned char *w = (unsigned char *)at;
	for (uint32_t i = 0; i < size; i++)
		w[i] = vfs_pattern(i);
	/* More than the window is cut to it. */
	CHECK_EQ(fs_file_wwrite(file, UINT64_MAX, size + 100, &count, &pos), 0);
	CHECK_EQ(count, size);
	CHECK_EQ(pos, 0);
	CHECK_EQ(vfs_size("/tmp/win"), size);
	memset(w, 0, size);
	CHECK_EQ(fs_file_wread(file, 1000, 5000, &count), 0);
	CHECK_EQ(count, 5000);
	CHECK_EQ(vfs_pattern_bad(w, 1000, 5000), 0);
	CHECK_EQ(fs_file_wread(file, size - 10, 5000, &count), 0);
	CHECK_EQ(count, 10);
	/* Each handle has its own window. */
	CHECK_EQ(fs_file_wread(other, 0, 10, &count), FS_FS_ERROR_INVALID);
	CHECK_EQ(vg_vm_unmap(self_h, at, size), 0);
	vg_handle_close(mem);
	CHECK_EQ(fs_file_close(file), 0);
	CHECK_EQ(fs_file_close(other), 0);
	vg_handle_close(file);
	vg_handle_close(other);
	CHECK_EQ(unlink("/tmp/win"), 0);
}
