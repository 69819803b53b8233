// SPDX-License-Identifier: BSD-2-Clause
// Bad input to the file system: malformed and misdirected messages to the
// VFS and to a filesystem server, stale and forged handles, bad arguments
// to the C library. Each is refused, and the servers go on serving.
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vg_fd.h>

/* A raw message of a label and words (registers only): its reply label. */
static long raw(vg_handle_t ep, uint32_t label, uint32_t words, uint64_t w0, uint64_t w1)
{
	struct msg m = { VG_IPC_TAG(label, words, 0), { w0, w1, 0, 0 } }, r;
	long st = call(ep, &m, &r);
	return st ? st : (long)(int32_t)VG_IPC_TAG_LABEL(r.tag);
}

/* The file system still answers. */
static bool serving(void)
{
	struct stat st;
	return stat("/tmp", &st) == 0 && S_ISDIR(st.st_mode);
}

UTEST(vfs_malformed_messages_refused)
{
	CHECK_EQ(vfs_up(), 0);
	vg_handle_t vfs = vfs_up_vfs(), fs = vfs_up_tmpfs(), root = vfs_up_rootfs();
	/* To the VFS: unknown labels, another interface, missing words, a
	 * string length past the message. */
	CHECK_EQ(raw(vfs, 0x12345, 0, 0, 0), ERR_NOT_SUPPORTED);
	CHECK_EQ(raw(vfs, FS_NODE_ROOT_LABEL, 1, 0, 0), ERR_NOT_SUPPORTED);
	CHECK_EQ(raw(vfs, FS_VFS_STAT_LABEL, 0, 0, 0), ERR_BAD_FORMAT);
	CHECK_EQ(raw(vfs, FS_VFS_STAT_LABEL, 2, 5000, 0), ERR_OUT_OF_RANGE);
	CHECK_EQ(raw(vfs, FS_VFS_STAT_LABEL, 2, 4, 0), ERR_BAD_FORMAT);
	CHECK(serving());
	/* To the filesystem: `file` on the VFS's unbadged handle, `node`
	 * with bad numbers, an enum out of range. */
	CHECK_EQ(raw(fs, FS_FILE_SYNC_LABEL, 0, 0, 0), ERR_NOT_SUPPORTED);
	struct fs_attr a;
	CHECK_EQ(fs_node_getattr(fs, 0, &a), FS_FS_ERROR_NOT_FOUND);
	CHECK_EQ(fs_node_getattr(fs, UINT64_MAX, &a), FS_FS_ERROR_NOT_FOUND);
	CHECK_EQ(fs_node_lookup(fs, 123456789, "x", &a), FS_FS_ERROR_NOT_FOUND);
	CHECK_EQ(fs_node_lookup(fs, 1, "a/b", &a), FS_FS_ERROR_NOT_FOUND);
	CHECK_EQ(fs_node_create(fs, 1, "a/b", FS_KIND_FILE, 0644, 0, 0, 0, "", &a),
		 FS_FS_ERROR_INVALID);
	CHECK_EQ(fs_node_create(fs, 1, "", FS_KIND_FILE, 0644, 0, 0, 0, "", &a),
		 FS_FS_ERROR_INVALID);
	CHECK_EQ(fs_node_create(fs, 1, "s", FS_KIND_SYMLINK, 0777, 0, 0, 0, "", &a),
		 FS_FS_ERROR_NOT_FOUND);
	CHECK_EQ(raw(fs, FS_NODE_OPEN_LABEL, 2, 1, 1ull << 40), ERR_OUT_OF_RANGE);
	CHECK_EQ(fs_node_open(fs, 987654, 0, &(vg_handle_t){ 0 }), FS_FS_ERROR_NOT_FOUND);
	CHECK_EQ(fs_node_readlink(fs, 1, (char[FS_NODE_READLINK_TARGET_MAX + 1]){ 0 }),
		 FS_FS_ERROR_INVALID);
	/* The boot archive's filesystem is read-only, also to the VFS. */
	CHECK_EQ(fs_node_rename(root, 1, "tmp", 1, "tmp2"), FS_FS_ERROR_READ_ONLY);
	CHECK_EQ(fs_node_unlink(root, 1, "bin", true), FS_FS_ERROR_READ_ONLY);
	CHECK_EQ(fs_node_create(root, 1, "new", FS_KIND_FILE, 0644, 0, 0, 0, "", &a),
		 FS_FS_ERROR_READ_ONLY);
	CHECK_EQ(fs_node_unlink(fs, 999, "x", false), FS_FS_ERROR_NOT_FOUND);
	CHECK(serving());
}

UTEST(vfs_stale_and_misused_handles_refused)
{
	CHECK_EQ(vfs_up(), 0);
	int fd = open("/tmp/h", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	struct vg_startup_handle hs[8];
	size_t n = __vg_fd_export(hs, 8, false);
	vg_handle_t h = VG_HANDLE_INVALID;
	for (size_t i = 0; i < n; i++) {
		if (hs[i].arg == (uint32_t)fd)
			h = hs[i].handle;
		else
			fs_file_close(hs[i].handle), vg_handle_close(hs[i].handle);
	}
	CHECK(h != VG_HANDLE_INVALID);
	/* An open file's handle does not speak `node` or `vfs`. */
	struct fs_attr a;
	CHECK_EQ(fs_node_getattr(h, 1, &a), ERR_ACCESS_DENIED);
	CHECK_EQ(fs_node_root(h, 1, &a), ERR_ACCESS_DENIED);
	CHECK_EQ(raw(h, FS_VFS_MKDIR_LABEL, 0, 0, 0), ERR_NOT_SUPPORTED);
	CHECK_EQ(fs_file_stat(h, &a), 0);
	/* Closed on the server: every call on it is refused after, and the
	 * other handles to the open file are not affected. */
	CHECK_EQ(fs_file_close(h), 0);
	CHECK_EQ(fs_file_stat(h, &a), FS_FS_ERROR_BAD_FILE);
	CHECK_EQ(fs_file_close(h), FS_FS_ERROR_BAD_FILE);
	CHECK_EQ(fs_file_write(h, UINT64_MAX, "x", 1, &(uint32_t){ 0 }, &(uint64_t){ 0 }),
		 FS_FS_ERROR_BAD_FILE);
	vg_handle_close(h);
	/* The descriptor's own handle is still good. */
	CHECK_EQ(write(fd, "ok", 2), 2);
	/* Bad arguments. */
	char buf[16];
	CHECK_ERRNO(read(fd, NULL, 10), EFAULT);
	CHECK_ERRNO(write(fd, NULL, 10), EFAULT);
	CHECK_ERRNO(read(fd, buf, SIZE_MAX), EINVAL);
	CHECK_ERRNO(write(fd, buf, (size_t)SSIZE_MAX + 1), EINVAL);
	CHECK_EQ(read(fd, NULL, 0), 0);
	CHECK_EQ(write(fd, buf, 0), 0);
	CHECK_ERRNO(read(-1, buf, 1), EBADF);
	CHECK_ERRNO(read(1 << 30, buf, 1), EBADF);
	CHECK_ERRNO(write(77, buf, 1), EBADF);
	CHECK_ERRNO(lseek(77, 0, SEEK_SET), EBADF);
	CHECK_ERRNO(fstat(77, &(struct stat){ 0 }), EBADF);
	CHECK_ERRNO(fstat(fd, NULL), EFAULT);
	CHECK_ERRNO(stat("/tmp/h", NULL), EFAULT);
	CHECK_ERRNO(pwrite(fd, buf, 1, INT64_MAX), EFBIG);
	CHECK_ERRNO(ftruncate(fd, INT64_MAX), EFBIG);
	close(fd);
	CHECK_EQ(unlink("/tmp/h"), 0);
	CHECK(serving());
}
